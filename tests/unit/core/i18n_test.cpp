#include "core/i18n.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "core/config.hpp"

namespace tsunagu::core {
namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(tsunagu::core::SourceDir()) / "tests/fixtures/messages";

Catalog LoadFixtures() {
  auto catalog = Catalog::LoadDirectory(kFixtures);
  if (!catalog.ok()) {
    ADD_FAILURE() << "cannot load " << kFixtures << ": " << catalog.error().message_key;
    return Catalog();
  }
  return std::move(catalog).value();
}

// A scratch directory of catalogues written by the test, removed afterwards.
class TempCatalogDir {
 public:
  TempCatalogDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("tsunagu_i18n_" + std::to_string(::getpid()) + "_" + info->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempCatalogDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  void Write(const std::string& name, const std::string& content) const {
    std::ofstream(path_ / name, std::ios::binary) << content;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(CatalogTest, LoadsEveryTomlFileAsALanguage) {
  const Catalog catalog = LoadFixtures();
  EXPECT_EQ(catalog.Languages(), (std::vector<std::string>{"en", "ja"}));
}

TEST(CatalogTest, FlattensNestedTablesToDottedKeys) {
  const Catalog catalog = LoadFixtures();
  EXPECT_EQ(catalog.Get("ja", "login.title"), "ログイン");
  EXPECT_EQ(catalog.Get("en", "login.title"), "Log in");
  EXPECT_EQ(catalog.Get("ja", "booking.confirm.heading"), "予約の確認");
  EXPECT_EQ(catalog.Get("ja", "top"), "トップ");
  EXPECT_TRUE(catalog.Has("ja", "booking.confirm.heading"));
  EXPECT_FALSE(catalog.Has("ja", "booking.confirm"));  // a table is not a message
  EXPECT_FALSE(catalog.Has("ja", "booking"));
}

TEST(CatalogTest, FallsBackToJapaneseThenToTheKey) {
  const Catalog catalog = LoadFixtures();
  EXPECT_FALSE(catalog.Has("en", "booking.confirm.only_ja"));
  EXPECT_EQ(catalog.Get("en", "booking.confirm.only_ja"), "日本語だけの文言");
  EXPECT_EQ(catalog.Get("fr", "login.title"), "ログイン");
  EXPECT_EQ(catalog.Get("en", "no.such.key"), "no.such.key");
  EXPECT_EQ(catalog.Get("", ""), "");
  EXPECT_FALSE(catalog.Has("fr", "login.title"));
}

TEST(CatalogTest, KeyFallbackReferenceStaysValid) {
  const Catalog catalog = LoadFixtures();
  const std::string& a = catalog.Get("ja", std::string("missing.a"));
  const std::string& b = catalog.Get("ja", std::string("missing.b"));
  EXPECT_EQ(a, "missing.a");
  EXPECT_EQ(b, "missing.b");
  EXPECT_EQ(&a, &catalog.Get("en", "missing.a"));
  EXPECT_EQ(catalog.UnresolvedKeys(), (std::vector<std::string>{"missing.a", "missing.b"}));
}

TEST(CatalogTest, UnresolvedKeysAreBounded) {
  const Catalog catalog = LoadFixtures();
  for (int i = 0; i < 5000; ++i) catalog.Get("ja", "junk." + std::to_string(i));
  EXPECT_LE(catalog.UnresolvedKeys().size(), 4096u);
  EXPECT_FALSE(catalog.Get("ja", "junk.after.cap").empty());
  EXPECT_EQ(catalog.Get("ja", "login.title"), "ログイン");
}

TEST(CatalogTest, GetIsSafeFromManyThreads) {
  const Catalog catalog = LoadFixtures();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&catalog, t] {
      for (int i = 0; i < 500; ++i) {
        EXPECT_EQ(catalog.Get("en", "login.title"), "Log in");
        const std::string key = "missing." + std::to_string((i + t) % 50);
        EXPECT_EQ(catalog.Get("en", key), key);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(catalog.UnresolvedKeys().size(), 50u);
}

TEST(CatalogTest, FormatReplacesNamedPlaceholders) {
  const Catalog catalog = LoadFixtures();
  EXPECT_EQ(catalog.Format("ja", "login.welcome", {{"name", "山田"}}), "山田さん、ようこそ");
  EXPECT_EQ(catalog.Format("en", "login.welcome", {{"name", "Yamada"}}), "Welcome, Yamada");
  EXPECT_EQ(catalog.Format("ja", "login.count", {{"count", "3"}, {"name", "山田"}}),
            "山田さんの予約は3件です");
}

TEST(CatalogTest, FormatLeavesUnknownPlaceholdersAndDoesNotRescanValues) {
  const Catalog catalog = LoadFixtures();
  EXPECT_EQ(catalog.Format("ja", "login.count", {{"name", "山田"}}),
            "山田さんの予約は{count}件です");
  EXPECT_EQ(catalog.Format("ja", "login.count", {{"name", "{count}"}, {"count", "2"}}),
            "{count}さんの予約は2件です");
  EXPECT_EQ(catalog.Format("ja", "missing.key", {}), "missing.key");
}

TEST(CatalogTest, FormatHandlesStrayBraces) {
  TempCatalogDir dir;
  dir.Write("ja.toml", "a = \"{ {x} {} {y z} }{x}{\"\n");
  const auto catalog = Catalog::LoadDirectory(dir.path());
  ASSERT_TRUE(catalog.ok());
  EXPECT_EQ(catalog->Format("ja", "a", {{"x", "1"}}), "{ 1 {} {y z} }1{");
}

TEST(CatalogTest, MissingKeysListsWhatEnglishLacks) {
  const Catalog catalog = LoadFixtures();
  EXPECT_EQ(catalog.MissingKeys("en"), (std::vector<std::string>{"booking.confirm.only_ja"}));
  EXPECT_TRUE(catalog.MissingKeys("ja").empty());
  EXPECT_EQ(catalog.MissingKeys("fr").size(), catalog.All("ja").size());
  EXPECT_TRUE(catalog.PlaceholderMismatches("en").empty());
}

TEST(CatalogTest, PlaceholderMismatchesFindsRenamedPlaceholders) {
  TempCatalogDir dir;
  dir.Write("ja.toml", "a = \"{name}さん\"\nb = \"{n}件\"\nc = \"固定\"\n");
  dir.Write("en.toml", "a = \"Hello {user}\"\nb = \"{n} items\"\nc = \"fixed {x}\"\n");
  const auto catalog = Catalog::LoadDirectory(dir.path());
  ASSERT_TRUE(catalog.ok());
  EXPECT_EQ(catalog->PlaceholderMismatches("en"), (std::vector<std::string>{"a", "c"}));
}

TEST(CatalogTest, AllMergesLanguageOverJapanese) {
  const Catalog catalog = LoadFixtures();
  const auto& en = catalog.All("en");
  EXPECT_EQ(en.at("login.title"), "Log in");
  EXPECT_EQ(en.at("booking.confirm.only_ja"), "日本語だけの文言");
  EXPECT_EQ(en.size(), catalog.All("ja").size());
  EXPECT_EQ(&catalog.All("fr"), &catalog.All("ja"));
}

TEST(CatalogTest, EmptyCatalogAnswersWithKeys) {
  const Catalog catalog;
  EXPECT_EQ(catalog.Get("ja", "login.title"), "login.title");
  EXPECT_TRUE(catalog.All("ja").empty());
  EXPECT_TRUE(catalog.Languages().empty());
}

TEST(CatalogTest, CopiesShareNothingThatBreaks) {
  const Catalog original = LoadFixtures();
  const Catalog copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(copy.Get("en", "login.title"), "Log in");
}

TEST(CatalogLoadTest, RejectsMissingDirectory) {
  const auto catalog = Catalog::LoadDirectory(kFixtures / "does-not-exist");
  ASSERT_FALSE(catalog.ok());
  EXPECT_EQ(catalog.error().code, ErrorCode::kInternal);
}

TEST(CatalogLoadTest, RequiresJapanese) {
  TempCatalogDir dir;
  dir.Write("en.toml", "a = \"A\"\n");
  const auto catalog = Catalog::LoadDirectory(dir.path());
  ASSERT_FALSE(catalog.ok());
  EXPECT_EQ(catalog.error().message_key, "error.catalog_invalid");
}

TEST(CatalogLoadTest, ReportsSyntaxErrorsWithPosition) {
  TempCatalogDir dir;
  dir.Write("ja.toml", "a = \"A\"\n[login\ntitle = \"x\"\n");
  const auto catalog = Catalog::LoadDirectory(dir.path());
  ASSERT_FALSE(catalog.ok());
  ASSERT_EQ(catalog.error().fields.size(), 1u);
  EXPECT_NE(catalog.error().fields[0].field.find("ja.toml:2:"), std::string::npos)
      << catalog.error().fields[0].field;
  EXPECT_FALSE(catalog.error().fields[0].message_key.empty());
}

TEST(CatalogLoadTest, RejectsNonStringValues) {
  TempCatalogDir dir;
  dir.Write("ja.toml", "[a]\nb = 3\n");
  const auto catalog = Catalog::LoadDirectory(dir.path());
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(catalog.error().fields.at(0).message_key.find("a.b"), std::string::npos);
}

TEST(CatalogLoadTest, RejectsKeysThatCollideOnceFlattened) {
  TempCatalogDir dir;
  dir.Write("ja.toml", "\"a.b\" = \"quoted\"\n[a]\nb = \"nested\"\n");
  const auto catalog = Catalog::LoadDirectory(dir.path());
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(catalog.error().fields.at(0).message_key.find("duplicate"), std::string::npos);
}

TEST(CatalogLoadTest, IgnoresOtherFiles) {
  TempCatalogDir dir;
  dir.Write("ja.toml", "a = \"あ\"\n");
  dir.Write("README.md", "not a catalogue");
  dir.Write("en.toml.bak", "a = ");
  const auto catalog = Catalog::LoadDirectory(dir.path());
  ASSERT_TRUE(catalog.ok());
  EXPECT_EQ(catalog->Languages(), (std::vector<std::string>{"ja"}));
}

TEST(NegotiateLanguageTest, ExplicitChoicesWin) {
  EXPECT_EQ(NegotiateLanguage("en", "", ""), "en");
  EXPECT_EQ(NegotiateLanguage("ja", "en", "en"), "ja");
  EXPECT_EQ(NegotiateLanguage("", "en", "ja"), "en");
  EXPECT_EQ(NegotiateLanguage("EN", "", ""), "en");
  EXPECT_EQ(NegotiateLanguage("en-GB", "", ""), "en");
  EXPECT_EQ(NegotiateLanguage("fr", "en", ""), "en");  // unrecognised query is ignored
  EXPECT_EQ(NegotiateLanguage("xx", "yy", ""), "ja");
}

TEST(NegotiateLanguageTest, JapaneseByDefault) {
  EXPECT_EQ(NegotiateLanguage("", "", ""), "ja");
  EXPECT_EQ(NegotiateLanguage("", "", "ja,en-US;q=0.9,en;q=0.8"), "ja");
  EXPECT_EQ(NegotiateLanguage("", "", "fr-FR,fr;q=0.9"), "ja");
  EXPECT_EQ(NegotiateLanguage("", "", "*"), "ja");
}

TEST(NegotiateLanguageTest, AcceptLanguageSwitchesOnlyWithoutJapanese) {
  EXPECT_EQ(NegotiateLanguage("", "", "en-US,en;q=0.9"), "en");
  EXPECT_EQ(NegotiateLanguage("", "", "en"), "en");
  EXPECT_EQ(NegotiateLanguage("", "", "fr, en;q=0.5"), "en");
  EXPECT_EQ(NegotiateLanguage("", "", "en-US,en;q=0.9,ja;q=0.8"), "ja");
  EXPECT_EQ(NegotiateLanguage("", "", "en, ja-JP;q=0.1"), "ja");
  EXPECT_EQ(NegotiateLanguage("", "", "en, ja;q=0"), "en");  // ja explicitly refused
  EXPECT_EQ(NegotiateLanguage("", "", "en;q=0, fr"), "ja");  // en refused
  EXPECT_EQ(NegotiateLanguage("", "", "en;q=bogus"), "ja");  // malformed weight ignored
  EXPECT_EQ(NegotiateLanguage("", "", " EN-us ; q=0.7 "), "en");
  EXPECT_EQ(NegotiateLanguage("", "", ",,;;,"), "ja");
}

}  // namespace
}  // namespace tsunagu::core
