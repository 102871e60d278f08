// The shipped form definitions (data/forms/): every one loads, labels come in both languages,
// keys and codes are unique, and a broken file is refused with its line. Then the answers:
// checking against a definition, and dates as the printed forms write them.
#include "forms/form_catalog.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "core/config.hpp"
#include "core/i18n.hpp"
#include "forms/form_data.hpp"

namespace tsunagu::forms {
namespace {

using ::testing::HasSubstr;

const std::string kFormsDir = tsunagu::core::SourceDir() + "/data/forms";

FormCatalog Shipped() {
  auto catalog = FormCatalog::LoadDirectory(kFormsDir);
  EXPECT_TRUE(catalog.ok()) << (catalog ? "" : catalog.error().message_key);
  return catalog ? std::move(*catalog) : FormCatalog();
}

// A valid small definition to break in the tests below.
constexpr const char* kSmall = R"(form_type = "assessment"
form_version = "2026-04"
name_ja = "票"
name_en = "Sheet"
title_ja = "テスト票"
title_en = "Test sheet"

[[sections]]
key = "one"
label_ja = "一"
label_en = "One"

[[sections.fields]]
key = "name"
type = "text"
max_length = 10
required = true
label_ja = "氏名"
label_en = "Name"
source = "確認済"

[[sections.fields]]
key = "ok"
type = "yes_no"
label_ja = "可否"
label_en = "OK"
source = "推定"
[[sections.fields.choices]]
code = "yes"
label_ja = "可"
label_en = "Yes"
[[sections.fields.choices]]
code = "no"
label_ja = "否"
label_en = "No"

[[sections.fields]]
key = "plan"
type = "rows"
max_rows = 3
label_ja = "計画"
label_en = "Plan"
source = "推定"
[[sections.fields.columns]]
key = "period"
type = "text"
max_length = 20
label_ja = "期間"
label_en = "Period"
source = "推定"
row_defaults = ["1か月目", "2か月目"]
[[sections.fields.columns]]
key = "hours"
type = "number"
min = 0
max = 12
decimals = 1
required = true
label_ja = "時間"
label_en = "Hours"
source = "推定"
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(FormCatalog, EveryShippedDefinitionLoads) {
  const FormCatalog catalog = Shipped();
  const auto all = catalog.All();
  ASSERT_EQ(all.size(), kFormTypes.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i]->form_type, kFormTypes[i]);
    EXPECT_EQ(all[i]->form_version, "2026-04") << all[i]->file;
    EXPECT_FALSE(all[i]->sections.empty());
    EXPECT_FALSE(all[i]->signatures.empty()) << all[i]->form_type;
  }
  EXPECT_EQ(catalog.Latest("sick_note"), nullptr);
  EXPECT_NE(catalog.Find("doctor_opinion_form", "2026-04"), nullptr);
}

void ExpectLabelled(const Field& f, const std::string& where) {
  EXPECT_FALSE(f.label.ja.empty()) << where;
  EXPECT_FALSE(f.label.en.empty()) << where;
  EXPECT_TRUE(f.source == "確認済" || f.source == "推定") << where;
  EXPECT_EQ(f.hint.ja.empty(), f.hint.en.empty()) << where;
  std::set<std::string> codes;
  for (const auto& c : f.choices) {
    EXPECT_FALSE(c.label.ja.empty()) << where << " " << c.code;
    EXPECT_FALSE(c.label.en.empty()) << where << " " << c.code;
    EXPECT_TRUE(codes.insert(c.code).second) << where << " duplicate code " << c.code;
  }
}

TEST(FormCatalog, EveryFieldHasBothLabelsAndUniqueKeysAndCodes) {
  const FormCatalog catalog = Shipped();
  for (const auto* def : catalog.Everything()) {
    EXPECT_FALSE(def->name.ja.empty() || def->name.en.empty()) << def->file;
    EXPECT_FALSE(def->title.ja.empty() || def->title.en.empty()) << def->file;
    std::set<std::string> keys;
    for (const auto& s : def->sections) {
      EXPECT_FALSE(s.label.ja.empty() || s.label.en.empty()) << def->file << " " << s.key;
      for (const auto& f : s.fields) {
        const std::string where = def->form_type + "." + f.key;
        EXPECT_TRUE(keys.insert(f.key).second) << "duplicate " << where;
        ExpectLabelled(f, where);
        std::set<std::string> columns;
        for (const auto& c : f.columns) {
          EXPECT_TRUE(columns.insert(c.key).second) << "duplicate column " << where << "." << c.key;
          ExpectLabelled(c, where + "." + c.key);
        }
      }
    }
    for (const auto& sig : def->signatures) {
      EXPECT_FALSE(sig.label.ja.empty() || sig.label.en.empty()) << def->file << " " << sig.key;
    }
  }
}

TEST(FormCatalog, ShippedFormsHaveTheFieldsOfFormsMd) {
  const FormCatalog catalog = Shipped();
  const FormDefinition* opinion = catalog.Latest("doctor_opinion_form");
  ASSERT_NE(opinion, nullptr);
  const Field* fitness = opinion->FindField("work_fitness");
  ASSERT_NE(fitness, nullptr);
  ASSERT_EQ(fitness->choices.size(), 3u);
  EXPECT_EQ(fitness->choices[0].label.ja, "可");
  EXPECT_THAT(fitness->choices[1].label.ja, HasSubstr("条件付きで可"));
  EXPECT_THAT(fitness->choices[2].label.ja, HasSubstr("現時点で不可"));
  EXPECT_EQ(fitness->source, "確認済");
  EXPECT_NE(opinion->FindField("measure_period"), nullptr);
  EXPECT_NE(opinion->FindField("clinic_phone"), nullptr);  // 2026: 医療機関の連絡先

  const FormDefinition* work = catalog.Latest("work_info_form");
  ASSERT_NE(work, nullptr);
  EXPECT_NE(work->FindField("occupational_physician"), nullptr);  // 2026: 産業医の有無
  EXPECT_NE(work->FindField("company_address"), nullptr);         // 2026: 会社の住所・電話
  EXPECT_NE(work->FindField("company_phone"), nullptr);
  const FormDefinition* plan = catalog.Latest("support_plan");
  ASSERT_NE(plan, nullptr);
  const Field* rows = plan->FindField("period_rows");
  ASSERT_NE(rows, nullptr);
  EXPECT_EQ(rows->type, FieldType::kRows);
  EXPECT_GE(rows->columns.size(), 4u);
  ASSERT_NE(catalog.Latest("assessment"), nullptr);
}

TEST(FormCatalog, BrokenTomlIsRefusedWithItsLine) {
  auto broken =
      FormCatalog::Parse(Replace(kSmall, "label_en = \"One\"", "label_en = \"One"), "broken.toml");
  ASSERT_FALSE(broken.ok());
  EXPECT_THAT(broken.error().message_key, HasSubstr("broken.toml:11"));

  auto no_label = FormCatalog::Parse(Replace(kSmall, "label_en = \"Name\"\n", ""), "x.toml");
  ASSERT_FALSE(no_label.ok());
  EXPECT_THAT(no_label.error().message_key, HasSubstr("x.toml:13:"));
  EXPECT_THAT(no_label.error().message_key, HasSubstr("label_en"));

  auto typo = FormCatalog::Parse(Replace(kSmall, "label_ja = \"氏名\"", "lable_ja = \"氏名\""),
                                 "typo.toml");
  ASSERT_FALSE(typo.ok());
  EXPECT_THAT(typo.error().message_key, HasSubstr("typo.toml:18:"));

  auto code = FormCatalog::Parse(Replace(kSmall, "code = \"no\"", "code = \"yes\""), "c.toml");
  ASSERT_FALSE(code.ok());
  EXPECT_THAT(code.error().message_key, HasSubstr("c.toml:"));

  auto type = FormCatalog::Parse(Replace(kSmall, "type = \"text\"", "type = \"txt\""), "t.toml");
  ASSERT_FALSE(type.ok());
  EXPECT_THAT(type.error().message_key, HasSubstr("t.toml:15:"));
  EXPECT_THAT(type.error().message_key, HasSubstr("unknown type txt"));

  auto source =
      FormCatalog::Parse(Replace(kSmall, "source = \"確認済\"", "source = \"たぶん\""), "s.toml");
  ASSERT_FALSE(source.ok());
  EXPECT_THAT(source.error().message_key, HasSubstr("s.toml:20:"));

  EXPECT_TRUE(FormCatalog::Parse(kSmall, "small.toml").ok());
}

TEST(FormCatalog, ADirectoryWithABrokenFileIsRefusedNamingIt) {
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("tsunagu-forms-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& entry : std::filesystem::directory_iterator(kFormsDir)) {
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
  }
  ASSERT_TRUE(FormCatalog::LoadDirectory(dir).ok());
  {
    std::ofstream out(dir / "zz_broken.toml");
    out << "form_type = \"assessment\"\nform_version = [\n";
  }
  auto loaded = FormCatalog::LoadDirectory(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.error().message_key, HasSubstr("zz_broken.toml:"));
  std::filesystem::remove(dir / "zz_broken.toml");
  std::filesystem::remove(dir / "assessment.toml");
  auto missing = FormCatalog::LoadDirectory(dir);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().message_key, HasSubstr("assessment"));
  std::filesystem::remove_all(dir);
}

TEST(FormMessages, JapaneseAndEnglishHaveTheSameFormsKeys) {
  auto catalog = core::Catalog::LoadDirectory(tsunagu::core::SourceDir() + "/web/messages");
  ASSERT_TRUE(catalog.ok());
  int seen = 0;
  for (const auto& [key, text] : catalog->All("ja")) {
    if (key.rfind("forms.", 0) != 0) continue;
    ++seen;
    EXPECT_TRUE(catalog->Has("en", key)) << key;
  }
  for (const auto& [key, text] : catalog->All("en")) {
    if (key.rfind("forms.", 0) == 0) EXPECT_TRUE(catalog->Has("ja", key)) << key;
  }
  EXPECT_GT(seen, 20);
}

TEST(FormData, ChecksAgainstTheDefinition) {
  auto def = FormCatalog::Parse(kSmall, "small.toml");
  ASSERT_TRUE(def.ok());
  Input in = {{"name", "  山田 花子 "}, {"ok", "yes"},         {"plan.0.period", "1か月目"},
              {"plan.0.hours", "６.5"}, {"plan.1.period", ""}, {"plan.2.period", "3か月目"},
              {"plan.2.hours", "4"}};
  auto good = Check(*def, in);
  EXPECT_TRUE(good.errors.empty());
  EXPECT_EQ(good.data.at("name").as_string(), "山田 花子");
  EXPECT_EQ(good.data.at("ok").as_string(), "yes");
  ASSERT_EQ(good.data.at("plan").as_array().size(), 2u);  // the empty row is dropped
  EXPECT_EQ(good.data.at("plan").as_array()[0].at("hours").as_string(), "6.5");
  // And back into inputs for the edit page.
  const Input again = ToInput(*def, good.data);
  EXPECT_EQ(again.find("plan.1.period")->second, "3か月目");

  Input bad = {{"name", "あいうえおかきくけこさ"},
               {"ok", "maybe"},
               {"plan.0.period", "1か月目"},
               {"plan.5.hours", "1"}};
  auto checked = Check(*def, bad);
  std::set<std::string> fields;
  for (const auto& e : checked.errors) fields.insert(e.field + "=" + e.message_key);
  EXPECT_EQ(fields,
            (std::set<std::string>{"name=forms.error.too_long", "ok=forms.error.invalid_choice",
                                   "plan.0.hours=forms.error.required",
                                   "plan.5.period=forms.error.rows_max"}));
  auto over = Check(*def, {{"name", "x"}, {"plan.0.hours", "13"}});
  ASSERT_EQ(over.errors.size(), 1u);
  EXPECT_EQ(over.errors[0].message_key, "forms.error.number_range");
  auto decimals = Check(*def, {{"name", "x"}, {"plan.0.hours", "1.25"}});
  ASSERT_EQ(decimals.errors.size(), 1u);
  EXPECT_EQ(decimals.errors[0].message_key, "forms.error.decimal");
  auto empty = Check(*def, {});
  ASSERT_EQ(empty.errors.size(), 1u);
  EXPECT_EQ(empty.errors[0].field, "name");
}

TEST(FormData, ChecksPeriodsAndPartialDatesOfTheOpinion) {
  const FormCatalog catalog = Shipped();
  const FormDefinition& def = *catalog.Latest("doctor_opinion_form");
  Input in = {{"opinion_kind", "continuation"},
              {"patient_name", "山田"},
              {"diagnosis", "乳がん"},
              {"work_fitness", "conditional"},
              {"birth_date", "1978-05"},
              {"measure_period.from", "2026-05-01"},
              {"measure_period.to", "2026-04-30"}};
  auto checked = Check(def, in);
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_EQ(checked.errors[0].field, "measure_period.to");
  EXPECT_EQ(checked.errors[0].message_key, "forms.error.period_order");
  in.erase("measure_period.to");
  checked = Check(def, in);
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_EQ(checked.errors[0].message_key, "forms.error.range_incomplete");
  in.emplace("measure_period.to", "2026-07-31");
  checked = Check(def, in);
  EXPECT_TRUE(checked.errors.empty());
  EXPECT_EQ(checked.data.at("birth_date").as_string(), "1978-05");
  EXPECT_EQ(DisplayValue(*def.FindField("measure_period"), checked.data, "ja", DateStyle::kWareki),
            "令和8年5月1日 〜 令和8年7月31日");
  EXPECT_EQ(DisplayValue(*def.FindField("work_fitness"), checked.data, "ja", DateStyle::kWareki),
            "条件付きで可（就業上の措置があれば可能）");
  in.find("birth_date")->second = "1978-13";
  EXPECT_EQ(Check(def, in).errors.at(0).message_key, "forms.error.partial_date");
}

TEST(FormData, DatesInEitherCalendar) {
  EXPECT_EQ(FormatFormDate("2026-05-01", DateStyle::kWareki), "令和8年5月1日");
  EXPECT_EQ(FormatFormDate("2026-05-01", DateStyle::kSeireki), "2026年5月1日");
  EXPECT_EQ(FormatFormDate("2019-05-01", DateStyle::kWareki), "令和元年5月1日");
  EXPECT_EQ(FormatFormDate("1978", DateStyle::kWareki), "昭和53年");
  EXPECT_EQ(FormatFormDate("1978", DateStyle::kSeireki), "1978年");
  EXPECT_EQ(FormatFormDate("1989", DateStyle::kWareki), "平成元年");
  EXPECT_EQ(FormatFormDate("1978-05", DateStyle::kWareki), "昭和53年5月");
  EXPECT_EQ(FormatFormDate("", DateStyle::kWareki), "");
  EXPECT_EQ(BlankDate(DateStyle::kWareki), "令和　　年　　月　　日");
  EXPECT_EQ(BlankDate(DateStyle::kSeireki), "　　　　年　　月　　日");
}

}  // namespace
}  // namespace tsunagu::forms
