// Japanese search folding for the information directory (issue 15).
#include "directory/search.hpp"

#include <gtest/gtest.h>

namespace tsunagu::directory {
namespace {

TEST(DirectorySearchTest, SplitsAtBothSpaceWidthsAndFoldsEachWord) {
  EXPECT_EQ(SearchTerms("ハローワーク　ﾐﾄﾞﾘ"),
            (std::vector<std::string>{"はろーわーく", "みどり"}));
  EXPECT_EQ(SearchTerms("  ＳＯＵＤＡＮ  "), (std::vector<std::string>{"soudan"}));
  EXPECT_TRUE(SearchTerms(" \u3000 ").empty());
  EXPECT_TRUE(SearchTerms("").empty());
}

TEST(DirectorySearchTest, KatakanaFindsHiraganaAndHalfWidthFindsFullWidth) {
  const std::string key = SearchKey({"妊孕性温存の相談窓口", "にんようせいおんぞん", "ＬＧＢＴ"});
  EXPECT_TRUE(MatchesAll(SearchTerms("ニンヨウセイ"), {key}));
  EXPECT_TRUE(MatchesAll(SearchTerms("ﾆﾝﾖｳｾｲ"), {key}));
  EXPECT_TRUE(MatchesAll(SearchTerms("lgbt 妊孕性"), {key}));
  EXPECT_FALSE(MatchesAll(SearchTerms("妊孕性 ハローワーク"), {key}));
}

TEST(DirectorySearchTest, AWordNeverSpansTwoFieldsButMayComeFromAnotherKey) {
  const std::string service = SearchKey({"がん", "そうだん"});
  EXPECT_FALSE(MatchesAll(SearchTerms("がんそうだん"), {service}));
  const std::string organization = SearchKey({"つなぐ県社会保険労務士会"});
  EXPECT_TRUE(MatchesAll(SearchTerms("がん 社労士会"), {service, organization}) == false);
  EXPECT_TRUE(MatchesAll(SearchTerms("がん 労務士会"), {service, organization}));
  EXPECT_TRUE(MatchesAll({}, {service}));
}

}  // namespace
}  // namespace tsunagu::directory
