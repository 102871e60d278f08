#include "http/message.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tsunagu::http {
namespace {

using Form = std::multimap<std::string, std::string>;

TEST(HeadersTest, GetIsCaseInsensitive) {
  Headers headers;
  headers.Add("Content-Type", "text/plain");
  EXPECT_EQ(headers.Get("content-type"), "text/plain");
  EXPECT_EQ(headers.Get("CONTENT-TYPE"), "text/plain");
  EXPECT_TRUE(headers.Has("Content-type"));
  EXPECT_FALSE(headers.Get("Content-Length").has_value());
}

TEST(HeadersTest, SetReplacesEveryValueOfTheName) {
  Headers headers;
  headers.Add("Vary", "Accept");
  headers.Add("vary", "Cookie");
  headers.Add("X-Other", "1");
  headers.Set("VARY", "Accept-Encoding");
  EXPECT_EQ(headers.Get("Vary"), "Accept-Encoding");
  EXPECT_EQ(headers.items().size(), 2u);
}

TEST(HeadersTest, AddKeepsDuplicatesAndGetReturnsFirst) {
  Headers headers;
  headers.Add("Set-Cookie", "a=1");
  headers.Add("Set-Cookie", "b=2");
  EXPECT_EQ(headers.items().size(), 2u);
  EXPECT_EQ(headers.Get("set-cookie"), "a=1");
}

TEST(RequestTest, QueryReturnsFirstValue) {
  Request req;
  req.query.emplace("tag", "a");
  req.query.emplace("tag", "b");
  EXPECT_EQ(req.Query("tag"), "a");
  EXPECT_FALSE(req.Query("missing").has_value());
}

TEST(RequestTest, CookieParsesPairsToleratingSpaces) {
  Request req;
  req.headers.Add("Cookie", "  theme=dark ;__Host-sid = abc123;  lang=ja  ");
  EXPECT_EQ(req.Cookie("theme"), "dark");
  EXPECT_EQ(req.Cookie("__Host-sid"), "abc123");
  EXPECT_EQ(req.Cookie("lang"), "ja");
  EXPECT_FALSE(req.Cookie("sid").has_value());
  EXPECT_FALSE(req.Cookie("Theme").has_value()) << "cookie names are case-sensitive";
}

TEST(RequestTest, CookieHandlesQuotesEmptyValuesAndJunk) {
  Request req;
  req.headers.Add("cookie", "junk; q=\"quoted\"; empty=; eq=a=b; ;;");
  EXPECT_EQ(req.Cookie("q"), "quoted");
  EXPECT_EQ(req.Cookie("empty"), "");
  EXPECT_EQ(req.Cookie("eq"), "a=b");
  EXPECT_FALSE(req.Cookie("junk").has_value());
  EXPECT_FALSE(req.Cookie("").has_value());
}

TEST(RequestTest, CookieReturnsFirstMatchAcrossHeaders) {
  Request req;
  req.headers.Add("Cookie", "a=1");
  req.headers.Add("Cookie", "b=2; a=3");
  EXPECT_EQ(req.Cookie("a"), "1");
  EXPECT_EQ(req.Cookie("b"), "2");
}

TEST(RequestTest, CookieWithoutHeader) {
  Request req;
  EXPECT_FALSE(req.Cookie("sid").has_value());
}

TEST(ResponseTest, Factories) {
  const Response text = Response::Text(404, "not found");
  EXPECT_EQ(text.status, 404);
  EXPECT_EQ(text.body, "not found");
  EXPECT_EQ(text.headers.Get("Content-Type"), "text/plain; charset=utf-8");

  const Response html = Response::Html(200, "<p>こんにちは</p>");
  EXPECT_EQ(html.headers.Get("content-type"), "text/html; charset=utf-8");

  const Response json = Response::Json(201, "{}");
  EXPECT_EQ(json.status, 201);
  EXPECT_EQ(json.headers.Get("Content-Type"), "application/json");
  const Response problem = Response::Json(400, "{}", "application/problem+json");
  EXPECT_EQ(problem.headers.Get("Content-Type"), "application/problem+json");

  const Response redirect = Response::Redirect("/login");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.headers.Get("Location"), "/login");
  EXPECT_EQ(Response::Redirect("/x", 302).status, 302);
}

TEST(ParseFormTest, DecodesPairs) {
  const auto form = ParseForm("name=%E5%B1%B1%E7%94%B0+%E5%A4%AA%E9%83%8E&age=42&note=a%2Bb%26c");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(*form, (Form{{"name", "山田 太郎"}, {"age", "42"}, {"note", "a+b&c"}}));
}

TEST(ParseFormTest, EmptyBodyGivesEmptyMap) {
  const auto form = ParseForm("");
  ASSERT_TRUE(form.has_value());
  EXPECT_TRUE(form->empty());
}

TEST(ParseFormTest, KeysWithoutEqualsGetEmptyValue) {
  const auto form = ParseForm("flag&x=&=v");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(*form, (Form{{"flag", ""}, {"x", ""}, {"", "v"}}));
}

TEST(ParseFormTest, KeepsRepeatedKeysAndSkipsEmptyPairs) {
  const auto form = ParseForm("&a=1&&a=2&");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->count("a"), 2u);
  EXPECT_EQ(form->size(), 2u);
}

TEST(ParseFormTest, ValueMayContainEquals) {
  const auto form = ParseForm("token=abc==");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->find("token")->second, "abc==");
}

TEST(ParseFormTest, RejectsMalformedEscapes) {
  EXPECT_FALSE(ParseForm("a=%").has_value());
  EXPECT_FALSE(ParseForm("a=%4").has_value());
  EXPECT_FALSE(ParseForm("a=%zz").has_value());
  EXPECT_FALSE(ParseForm("%g1=b").has_value());
  EXPECT_FALSE(ParseForm("ok=1&bad=%E3%81").has_value());
}

TEST(ParseFormTest, RejectsInvalidUtf8) {
  EXPECT_FALSE(ParseForm("a=%FF").has_value());
  EXPECT_FALSE(ParseForm("a=%C0%AF").has_value());     // overlong '/'
  EXPECT_FALSE(ParseForm("a=%ED%A0%80").has_value());  // surrogate
  EXPECT_FALSE(ParseForm("%FF=a").has_value());
  EXPECT_FALSE(ParseForm(std::string("a=\xFF")).has_value());
}

TEST(PercentDecodeTest, Basics) {
  EXPECT_EQ(PercentDecode("a%20b", false), "a b");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("%e3%81%82", false), "あ");
  EXPECT_EQ(PercentDecode("%00", false), std::string(1, '\0'));
  EXPECT_EQ(PercentDecode("", false), "");
  EXPECT_FALSE(PercentDecode("%", false).has_value());
  EXPECT_FALSE(PercentDecode("abc%2", false).has_value());
  EXPECT_FALSE(PercentDecode("%-1", false).has_value());
}

TEST(PercentEncodeTest, KeepsUnreservedOnly) {
  EXPECT_EQ(PercentEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(PercentEncode("a b/c?d=e&f+g"), "a%20b%2Fc%3Fd%3De%26f%2Bg");
  EXPECT_EQ(PercentEncode("あ"), "%E3%81%82");
  EXPECT_EQ(PercentEncode(std::string(1, '\0')), "%00");
}

TEST(PercentEncodeTest, RoundTrips) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  EXPECT_EQ(PercentDecode(PercentEncode(all), false), all);
  EXPECT_EQ(PercentDecode(PercentEncode(all), true), all);
}

TEST(Utf8Test, AcceptsValid) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("治療と仕事の両立支援"));
  EXPECT_TRUE(IsValidUtf8("ｶﾞﾝ"));
  EXPECT_TRUE(IsValidUtf8("\xC2\x80"));          // U+0080
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));      // U+D7FF
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));      // U+E000
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));  // emoji
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(IsValidUtf8(std::string_view("a\0b", 3)));
}

TEST(Utf8Test, RejectsInvalid) {
  EXPECT_FALSE(IsValidUtf8("\x80"));              // lone continuation
  EXPECT_FALSE(IsValidUtf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xE0\x9F\xBF"));      // overlong 3-byte
  EXPECT_FALSE(IsValidUtf8("\xF0\x8F\xBF\xBF"));  // overlong 4-byte
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));      // U+DFFF
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xFE"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xE3\x81"));         // truncated
  EXPECT_FALSE(IsValidUtf8("\xE3\x81\x41"));     // bad continuation
  EXPECT_FALSE(IsValidUtf8("abc\xF0\x9F\x98"));  // truncated at end
}

}  // namespace
}  // namespace tsunagu::http
