// The shipped catalogues and templates: English is complete, every template parses and uses
// only known keys, and text from the catalogue is escaped.
#include <gtest/gtest.h>

#include "core/config.hpp"
#include "core/i18n.hpp"
#include "web/renderer.hpp"

namespace tsunagu::web {
namespace {

const std::string kWeb = tsunagu::core::SourceDir() + "/web";

TEST(Catalogues, EnglishHasEveryJapaneseKey) {
  auto catalog = core::Catalog::LoadDirectory(std::string(kWeb) + "/messages");
  ASSERT_TRUE(catalog.ok()) << catalog.error().message_key;
  auto missing = catalog->MissingKeys("en");
  std::string list;
  for (const auto& k : missing) list += k + " ";
  EXPECT_TRUE(missing.empty()) << "missing in en: " << list;
  EXPECT_TRUE(catalog->PlaceholderMismatches("en").empty());
}

TEST(Templates, AllParseInBothLanguages) {
  auto catalog = core::Catalog::LoadDirectory(std::string(kWeb) + "/messages");
  ASSERT_TRUE(catalog.ok());
  auto renderer = Renderer::Load(std::string(kWeb) + "/templates", *catalog);
  ASSERT_TRUE(renderer.ok()) << renderer.error().message_key;
  EXPECT_TRUE((*renderer)->Has("layout"));
  EXPECT_TRUE((*renderer)->Has("auth/login"));
}

TEST(Templates, MessagesAreEscapedAndVariablesAutoEscaped) {
  core::Catalog catalog;  // empty: answers each key with itself
  std::vector<std::string> missing;
  EXPECT_EQ(LocalizeTemplate("<p>[[a<b]]</p>", catalog, "ja", &missing), "<p>a&lt;b</p>");
  EXPECT_EQ(missing.size(), 1u);
  EXPECT_EQ(EscapeHtml("\"'<>&"), "&quot;&#39;&lt;&gt;&amp;");
}

}  // namespace
}  // namespace tsunagu::web
