#include "api/json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "core/config.hpp"
#include "core/i18n.hpp"
#include "http/message.hpp"

namespace tsunagu::api {
namespace {

using namespace std::string_literals;

const std::string kReplacement = "\xEF\xBF\xBD";

std::string ParsedString(const std::string& json) {
  boost::system::error_code ec;
  auto v = boost::json::parse(json, ec);
  EXPECT_FALSE(ec) << json;
  if (ec || !v.is_string()) return "(not a string)";
  return std::string(v.get_string().data(), v.get_string().size());
}

TEST(ApiFormatIsoUtc, FormatsUtcSeconds) {
  EXPECT_EQ(FormatIsoUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoUtc(1795312800), "2026-11-22T02:00:00Z");
  EXPECT_EQ(FormatIsoUtc(1709251199), "2024-02-29T23:59:59Z");
  EXPECT_EQ(FormatIsoUtc(-1), "1969-12-31T23:59:59Z");
}

TEST(ApiFormatIsoUtc, KeepsToFourDigitYears) {
  EXPECT_EQ(FormatIsoUtc(-62135596800), "0001-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoUtc(253402300799), "9999-12-31T23:59:59Z");
  EXPECT_EQ(FormatIsoUtc(-62135596801), "");
  EXPECT_EQ(FormatIsoUtc(253402300800), "");
  EXPECT_EQ(FormatIsoUtc(std::numeric_limits<std::int64_t>::min()), "");
  EXPECT_EQ(FormatIsoUtc(std::numeric_limits<std::int64_t>::max()), "");
}

TEST(ApiTimeOrNull, ZeroMeansNever) {
  EXPECT_TRUE(TimeOrNull(0).is_null());
  EXPECT_TRUE(TimeOrNull(std::numeric_limits<std::int64_t>::max()).is_null());
  ASSERT_TRUE(TimeOrNull(1795312800).is_string());
  EXPECT_EQ(TimeOrNull(1795312800).get_string(), "2026-11-22T02:00:00Z");
}

TEST(ApiJsonString, EscapesWhatJsonRequires) {
  EXPECT_EQ(JsonString("plain"), R"("plain")");
  EXPECT_EQ(JsonString(R"(say "hi" \ bye)"), R"("say \"hi\" \\ bye")");
  EXPECT_EQ(JsonString("a\nb\tc\rd\be\ff"), R"("a\nb\tc\rd\be\ff")");
  EXPECT_EQ(JsonString("\x01\x1f\x7f"), R"("\u0001\u001f\u007f")");
  EXPECT_EQ(JsonString("nul\0byte"s), R"("nul\u0000byte")");
}

TEST(ApiJsonString, NeverLooksLikeMarkup) {
  const std::string hostile = R"(</script><script>alert("x")</script>&amp;<!--)";
  const std::string out = JsonString(hostile);
  EXPECT_EQ(out.find('<'), std::string::npos) << out;
  EXPECT_EQ(out.find('>'), std::string::npos) << out;
  EXPECT_EQ(out.find('&'), std::string::npos) << out;
  EXPECT_EQ(out.rfind(R"("\u003c/script\u003e)", 0), 0u);
  EXPECT_EQ(ParsedString(out), hostile);
}

TEST(ApiJsonString, KeepsJapaneseAndEscapesJavaScriptLineTerminators) {
  EXPECT_EQ(JsonString("つなぐ 両立支援 😀"), "\"つなぐ 両立支援 😀\"");
  EXPECT_EQ(JsonString("a\u2028b\u2029c"), R"("a\u2028b\u2029c")");
  EXPECT_EQ(ParsedString(JsonString("a\u2028b")), "a\u2028b");
}

TEST(ApiJsonString, ReplacesInvalidUtf8) {
  const std::string r = kReplacement;
  EXPECT_EQ(ParsedString(JsonString("a\xFF"
                                    "b")),
            "a" + r + "b");
  // A truncated sequence is one replacement (its maximal valid prefix).
  EXPECT_EQ(ParsedString(JsonString("x\xE3\x81")), "x" + r);
  EXPECT_EQ(ParsedString(JsonString("\xE3\x81z")), r + "z");
  // Overlong "/" (C0 AF): an invalid lead byte and a lone continuation byte.
  EXPECT_EQ(ParsedString(JsonString("\xC0\xAF")), r + r);
  EXPECT_EQ(ParsedString(JsonString("\xE0\x80\xAF")), r + r + r);
  // UTF-16 surrogates and code points above U+10FFFF are not UTF-8.
  EXPECT_EQ(ParsedString(JsonString("\xED\xA0\x80")), r + r + r);
  EXPECT_EQ(ParsedString(JsonString("\xF4\x90\x80\x80")), r + r + r + r);
  EXPECT_EQ(ParsedString(JsonString("\x80")), r);
  // The highest code point and the last one before the surrogates are fine.
  EXPECT_EQ(ParsedString(JsonString("\xF4\x8F\xBF\xBF")), "\xF4\x8F\xBF\xBF");
  EXPECT_EQ(ParsedString(JsonString("\xED\x9F\xBF")), "\xED\x9F\xBF");
}

TEST(ApiJsonString, RandomBytesAlwaysGiveValidJson) {
  std::mt19937 rng(20261122);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 40);
  for (int i = 0; i < 5000; ++i) {
    std::string s;
    for (int n = length(rng); n > 0; --n) s += static_cast<char>(byte(rng));
    const std::string out = JsonString(s);
    ASSERT_TRUE(http::IsValidUtf8(out));
    const std::string back = ParsedString(out);
    if (http::IsValidUtf8(s)) {
      EXPECT_EQ(back, s);
    }
  }
}

TEST(ApiToJson, WritesNumbersDeliberately) {
  boost::json::object o;
  o["int"] = std::int64_t{-9007199254740993};
  o["min"] = std::numeric_limits<std::int64_t>::min();
  o["umax"] = std::numeric_limits<std::uint64_t>::max();
  o["twenty_one"] = 21.0;
  o["tenth"] = 0.1;
  o["nan"] = std::nan("");
  o["inf"] = std::numeric_limits<double>::infinity();
  EXPECT_EQ(ToJson(o),
            R"({"int":-9007199254740993,"min":-9223372036854775808,)"
            R"("umax":18446744073709551615,"twenty_one":21,"tenth":0.1,"nan":null,"inf":null})");
}

TEST(ApiToJson, WritesNestedValuesInOrderAndEscapesKeys) {
  boost::json::value v = boost::json::object{
      {"z", boost::json::array{1, "two", nullptr, true, false}},
      {"a<b", boost::json::object{}},
      {"\"k\"", boost::json::array{}},
  };
  const std::string out = ToJson(v);
  EXPECT_EQ(out, R"({"z":[1,"two",null,true,false],"a\u003cb":{},"\"k\"":[]})");
  EXPECT_EQ(boost::json::parse(out), v);
}

TEST(ApiProblem, BuildsRfc9457Bodies) {
  core::Catalog catalog;  // answers every key with the key itself
  auto body = ProblemBody(catalog, "ja", 404, "error.not_found");
  EXPECT_EQ(ToJson(body),
            R"({"type":"urn:tsunagu:problem:error.not_found","title":"error.not_found",)"
            R"("status":404})");

  auto invalid = ProblemBody(catalog, "en", 422, "error.form",
                             {{"name", "tokens.error.name"}, {"valid_days", "x"}});
  ASSERT_TRUE(invalid.as_object().contains("errors"));
  const auto& errors = invalid.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].at("field"), "name");
  EXPECT_EQ(errors[0].at("message"), "tokens.error.name");
  EXPECT_EQ(errors[1].at("field"), "valid_days");
}

TEST(ApiProblem, ResponsesCarryTypeAndChallenge) {
  core::Catalog catalog;
  auto r = ProblemResponse(catalog, "ja", 401, "api.error.token");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.headers.Get("Content-Type").value_or(""), "application/problem+json");
  EXPECT_EQ(r.headers.Get("WWW-Authenticate").value_or(""), "Bearer realm=\"tsunagu\"");
  EXPECT_FALSE(ProblemResponse(catalog, "ja", 404, "x").headers.Has("WWW-Authenticate"));

  auto not_found = ProblemFor(catalog, "ja", core::Error::NotFound());
  EXPECT_EQ(not_found.status, 404);
  auto invalid = ProblemFor(catalog, "ja",
                            core::Error::Invalid("error.form", {{"name", "tokens.error.name"}}));
  EXPECT_EQ(invalid.status, 422);
  auto parsed = boost::json::parse(invalid.body);
  EXPECT_EQ(parsed.at("status"), 422);
  EXPECT_EQ(parsed.at("errors").as_array().size(), 1u);
}

TEST(ApiProblem, TitlesComeFromTheCataloguesInTheCallersLanguage) {
  auto catalog = core::Catalog::LoadDirectory(tsunagu::core::SourceDir() + "/web/messages");
  ASSERT_TRUE(catalog.ok()) << catalog.error().message_key;
  for (const char* key : {"api.error.token", "api.error.token_not_found"}) {
    EXPECT_TRUE(catalog->Has("ja", key)) << key;
    EXPECT_TRUE(catalog->Has("en", key)) << key;
  }
  auto ja = ProblemBody(*catalog, "ja", 404, "api.error.token_not_found");
  auto en = ProblemBody(*catalog, "en", 404, "api.error.token_not_found");
  EXPECT_EQ(ja.at("title"), catalog->Get("ja", "api.error.token_not_found").c_str());
  EXPECT_EQ(en.at("title"), "The API token was not found or has already been revoked");
  auto invalid = ProblemBody(*catalog, "en", 422, "error.form", {{"name", "tokens.error.name"}});
  EXPECT_EQ(invalid.at("errors").as_array()[0].at("message"),
            catalog->Get("en", "tokens.error.name").c_str());
}

}  // namespace
}  // namespace tsunagu::api
