// The command's sentences: the operator's language from the environment, and errors explained
// from the catalogues instead of printed as keys.
#include "app/cli_text.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/config.hpp"

namespace tsunagu::app {
namespace {

class Env {
 public:
  Env() {
    for (const char* n : kNames) {
      const char* v = std::getenv(n);
      saved_.emplace_back(n, v ? std::optional<std::string>(v) : std::nullopt);
      ::unsetenv(n);
    }
  }
  ~Env() {
    for (const auto& [n, v] : saved_) {
      if (v) {
        ::setenv(n, v->c_str(), 1);
      } else {
        ::unsetenv(n);
      }
    }
  }
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;

 private:
  static constexpr const char* kNames[] = {"TSUNAGU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"};
  std::vector<std::pair<const char*, std::optional<std::string>>> saved_;
};

TEST(CliText, JapaneseUnlessTheOperatorsLocaleIsEnglish) {
  Env env;
  EXPECT_EQ(CliLanguage(), "ja");
  ::setenv("LANG", "C.UTF-8", 1);
  EXPECT_EQ(CliLanguage(), "ja");
  ::setenv("LANG", "en_GB.UTF-8", 1);
  EXPECT_EQ(CliLanguage(), "en");
  ::setenv("LC_ALL", "ja_JP.UTF-8", 1);  // LC_ALL wins over LANG
  EXPECT_EQ(CliLanguage(), "ja");
  ::setenv("TSUNAGU_LANG", "en", 1);  // and TSUNAGU_LANG over both
  EXPECT_EQ(CliLanguage(), "en");
}

TEST(CliText, ErrorsAreSentencesWithTheirValuesNotKeys) {
  Env env;
  ::setenv("TSUNAGU_LANG", "en", 1);
  CliText text(core::Config{}.web_dir);
  EXPECT_EQ(text.Explain(core::Error::Invalid("error.backup_exists")),
            "A file of that name already exists; a backup never overwrites a file.");
  const core::Error refused{core::ErrorCode::kInvalidInput,
                            "transfer.error.target_not_empty",
                            {{"table", "organization"}, {"rows", "3"}}};
  EXPECT_EQ(text.Explain(refused),
            "The target database already holds data (3 rows in table organization). A transfer "
            "only goes into an empty database. The target was not changed.");
  // A developer's text with no catalogue entry is shown as it is.
  EXPECT_EQ(text.Explain(core::Error::Invalid("config: empty sqlite path")),
            "config: empty sqlite path");
  ::setenv("TSUNAGU_LANG", "ja", 1);
  CliText ja(core::Config{}.web_dir);
  EXPECT_EQ(ja.Explain(core::Error{core::ErrorCode::kInternal, "error.backup_failed", {}}),
            "バックアップまたは復元の処理に失敗しました。原因はログに記録されています。");
}

}  // namespace
}  // namespace tsunagu::app
