#include "core/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tsunagu::core {
namespace {

TEST(NormalizeNfkcTest, HalfWidthKatakanaBecomesFullWidth) {
  EXPECT_EQ(NormalizeNfkc("ｶﾞﾝ"), "ガン");
  EXPECT_EQ(NormalizeNfkc("ﾔﾏﾀﾞ ﾀﾛｳ"), "ヤマダ タロウ");
  EXPECT_EQ(NormalizeNfkc("ﾊﾟｰﾄ"), "パート");
}

TEST(NormalizeNfkcTest, FullWidthAsciiBecomesAscii) {
  EXPECT_EQ(NormalizeNfkc("０３－１２３４"), "03-1234");
  EXPECT_EQ(NormalizeNfkc("ＡＢＣ１２３"), "ABC123");
  EXPECT_EQ(NormalizeNfkc("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ"), "taro@example.jp");
  EXPECT_EQ(NormalizeNfkc("山田　太郎"), "山田 太郎");  // U+3000 → space
}

TEST(NormalizeNfkcTest, LeavesOrdinaryTextAlone) {
  EXPECT_EQ(NormalizeNfkc(""), "");
  EXPECT_EQ(NormalizeNfkc("治療と仕事の両立支援"), "治療と仕事の両立支援");
  EXPECT_EQ(NormalizeNfkc("plain ascii"), "plain ascii");
}

TEST(NormalizeNfkcTest, IllFormedInputDoesNotCrash) {
  const std::string out = NormalizeNfkc(std::string("a\xFF\xC3", 3));
  EXPECT_EQ(out.substr(0, 1), "a");
  EXPECT_GT(out.size(), 1u);  // replacement characters
}

TEST(NormalizeForSearchTest, MatchesKanaAcrossScriptsAndWidths) {
  EXPECT_EQ(NormalizeForSearch("ヤマダ　タロウ"), "やまだたろう");
  EXPECT_EQ(NormalizeForSearch("やまだ たろう"), "やまだたろう");
  EXPECT_EQ(NormalizeForSearch("ﾔﾏﾀﾞﾀﾛｳ"), "やまだたろう");
  EXPECT_EQ(NormalizeForSearch("ヴァイオリン"), "ゔぁいおりん");
  EXPECT_EQ(NormalizeForSearch("ヶ月"), "ゖ月");
  EXPECT_EQ(NormalizeForSearch("ーヽヾ"), "ーゝゞ");
}

TEST(NormalizeForSearchTest, LowerCasesAndRemovesAllWhitespace) {
  EXPECT_EQ(NormalizeForSearch(" Tokyo\tHospital\n"), "tokyohospital");
  EXPECT_EQ(NormalizeForSearch("ＴＯＫＹＯ　病院"), "tokyo病院");
  EXPECT_EQ(NormalizeForSearch("がん\u200B相談"), "がん相談");  // zero-width space from paste
  EXPECT_EQ(NormalizeForSearch("　　"), "");
}

TEST(NormalizeForSearchTest, KanjiUnchanged) {
  EXPECT_EQ(NormalizeForSearch("山田 太郎"), "山田太郎");
}

TEST(NormalizePhoneTest, DigitsOnly) {
  EXPECT_EQ(NormalizePhone("03-1234-5678"), "0312345678");
  EXPECT_EQ(NormalizePhone("０３－１２３４－５６７８"), "0312345678");
  EXPECT_EQ(NormalizePhone("(03) 1234 5678"), "0312345678");
  EXPECT_EQ(NormalizePhone("090ー1234ー5678"), "09012345678");  // prolonged sound mark as hyphen
  EXPECT_EQ(NormalizePhone("0312345678"), "0312345678");
}

TEST(NormalizePhoneTest, CountryCode81BecomesLeadingZero) {
  EXPECT_EQ(NormalizePhone("+81-90-1234-5678"), "09012345678");
  EXPECT_EQ(NormalizePhone("+81 3 1234 5678"), "0312345678");
  EXPECT_EQ(NormalizePhone("＋８１　９０　１２３４　５６７８"), "09012345678");
  EXPECT_EQ(NormalizePhone("+81 (0)3-1234-5678"), "0312345678");
  EXPECT_EQ(NormalizePhone(" +819012345678"), "09012345678");
}

TEST(NormalizePhoneTest, NoDigitsGivesEmpty) {
  EXPECT_EQ(NormalizePhone(""), "");
  EXPECT_EQ(NormalizePhone("なし"), "");
  EXPECT_EQ(NormalizePhone("---"), "");
  EXPECT_EQ(NormalizePhone("+81"), "");
}

TEST(CountCodePointsTest, CountsCharactersNotBytes) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("山田太郎"), 4u);
  EXPECT_EQ(CountCodePoints("がん相談 ok"), 7u);
  EXPECT_EQ(CountCodePoints("𠮷野家"), 3u);  // outside the BMP: one character, four bytes
}

TEST(IsKanaReadingTest, AcceptsFurigana) {
  EXPECT_TRUE(IsKanaReading("やまだ たろう"));
  EXPECT_TRUE(IsKanaReading("ヤマダ　タロウ"));
  EXPECT_TRUE(IsKanaReading("ﾔﾏﾀﾞ ﾀﾛｳ"));
  EXPECT_TRUE(IsKanaReading("スミス・ジョーン"));
  EXPECT_TRUE(IsKanaReading("ゔぃーなす"));
  EXPECT_TRUE(IsKanaReading("さゝき"));
}

TEST(IsKanaReadingTest, RejectsOtherText) {
  EXPECT_FALSE(IsKanaReading(""));
  EXPECT_FALSE(IsKanaReading("　 "));
  EXPECT_FALSE(IsKanaReading("ー・"));
  EXPECT_FALSE(IsKanaReading("山田たろう"));
  EXPECT_FALSE(IsKanaReading("yamada"));
  EXPECT_FALSE(IsKanaReading("やまだ1"));
  EXPECT_FALSE(IsKanaReading("やまだ\tたろう"));
  EXPECT_FALSE(IsKanaReading(std::string("\xE3\x81", 2)));  // truncated あ
}

TEST(TrimTest, RemovesAsciiAndIdeographicSpaces) {
  EXPECT_EQ(Trim("  山田 太郎\t\n"), "山田 太郎");
  EXPECT_EQ(Trim("　山田　太郎　"), "山田　太郎");
  EXPECT_EQ(Trim(" 　 \r\n　"), "");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim("x"), "x");
}

TEST(LooksLikeEmailTest, Accepts) {
  EXPECT_TRUE(LooksLikeEmail("taro@example.jp"));
  EXPECT_TRUE(LooksLikeEmail("taro.yamada+booking@mail.example.co.jp"));
  EXPECT_TRUE(LooksLikeEmail("a@b.c"));
  EXPECT_TRUE(LooksLikeEmail(std::string(64, 'a') + "@" + std::string(63, 'b') + ".jp"));
}

TEST(LooksLikeEmailTest, Rejects) {
  for (const char* bad : {"",
                          "taro",
                          "@example.jp",
                          "taro@",
                          "taro@example",
                          "taro@@example.jp",
                          "a@b@example.jp",
                          "taro @example.jp",
                          "taro@exa mple.jp",
                          "taro@example.jp ",
                          "taro@.example.jp",
                          "taro@example..jp",
                          "taro@example.jp.",
                          "taro@-example.jp",
                          ".taro@example.jp",
                          "ta..ro@example.jp",
                          "Taro <taro@example.jp>",
                          "taro@example_jp.com",
                          "たろう@example.jp",
                          "taro＠example.jp",
                          "taro@例え.jp",
                          "taro@example.jp　"}) {
    EXPECT_FALSE(LooksLikeEmail(bad)) << bad;
  }
  EXPECT_FALSE(LooksLikeEmail(std::string(65, 'a') + "@example.jp"));
  EXPECT_FALSE(LooksLikeEmail("a@" + std::string(64, 'b') + ".jp"));
  std::string at_limit = "a@";
  while (at_limit.size() < 250) at_limit += "abcdefghi.";
  at_limit += "jp";
  ASSERT_EQ(at_limit.size(), 254u);
  EXPECT_TRUE(LooksLikeEmail(at_limit));
  EXPECT_FALSE(LooksLikeEmail("b" + at_limit));
}

}  // namespace
TEST(TextTest, NormalizeNewlinesKeepsOnlyLineFeeds) {
  EXPECT_EQ(NormalizeNewlines("一行目\r\n二行目\r三行目\n四行目"),
            "一行目\n二行目\n三行目\n四行目");
  EXPECT_EQ(NormalizeNewlines("\r\n\r\n"), "\n\n");
  EXPECT_EQ(NormalizeNewlines(""), "");
}

TEST(TextTest, CodesRoundTripThroughOneColumn) {
  EXPECT_EQ(JoinCodes({"basic", "records", "documents"}), "basic,records,documents");
  EXPECT_EQ(JoinCodes({}), "");
  EXPECT_EQ(SplitCodes("basic,records,documents"),
            (std::vector<std::string>{"basic", "records", "documents"}));
  EXPECT_EQ(SplitCodes(",basic,,records,"), (std::vector<std::string>{"basic", "records"}));
  EXPECT_TRUE(SplitCodes("").empty());
}

}  // namespace tsunagu::core
