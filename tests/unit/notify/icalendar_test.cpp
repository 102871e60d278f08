#include "notify/icalendar.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::notify {
namespace {

// Python's icalendar package is not installed here, so the checks below stand in for an
// independent reader: a strict unfolder and TEXT unescaper written from RFC 5545 alone.

// Strict UTF-8 check, written separately from the production decoder on purpose.
bool IsUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int extra = 0;
    std::uint32_t min = 0;
    std::uint32_t cp = 0;
    if (b0 <= 0x7F) {
      ++i;
      continue;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      extra = 1, min = 0x80, cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      extra = 2, min = 0x800, cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      extra = 3, min = 0x10000, cp = b0 & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < 0x80 || b > 0xBF) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

// Physical lines: every one ends in CRLF, has no other CR or LF, is valid UTF-8 on its own
// (so no character was split) and is at most 75 octets. nullopt on any breach.
std::optional<std::vector<std::string>> PhysicalLines(std::string_view ics) {
  if (!ics.ends_with("\r\n")) return std::nullopt;
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < ics.size()) {
    const auto end = ics.find("\r\n", start);
    const std::string_view line = ics.substr(start, end - start);
    if (line.find_first_of("\r\n") != std::string_view::npos) return std::nullopt;
    if (line.size() > 75 || !IsUtf8(line)) return std::nullopt;
    lines.emplace_back(line);
    start = end + 2;
  }
  return lines;
}

// Content lines: a physical line starting with one space continues the previous one. We only
// ever fold with a single space, so a tab, an empty line or a leading continuation is an error.
std::optional<std::vector<std::string>> Unfold(std::string_view ics) {
  const auto physical = PhysicalLines(ics);
  if (!physical) return std::nullopt;
  std::vector<std::string> logical;
  for (const auto& line : *physical) {
    if (line.empty() || line[0] == '\t') return std::nullopt;
    if (line[0] == ' ') {
      if (logical.empty() || line.size() < 2) return std::nullopt;
      logical.back() += line.substr(1);
    } else {
      logical.push_back(line);
    }
  }
  return logical;
}

// The value of the first content line whose name-and-parameters part equals `head`
// ("SUMMARY", "DTSTART;TZID=Asia/Tokyo"), skipping colons inside quoted parameter values.
std::optional<std::string> Property(const std::vector<std::string>& lines, std::string_view head) {
  for (const auto& line : lines) {
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '"') quoted = !quoted;
      if (line[i] == ':' && !quoted) {
        if (std::string_view(line).substr(0, i) == head) return line.substr(i + 1);
        break;
      }
    }
  }
  return std::nullopt;
}

// TEXT unescaping (RFC 5545 section 3.3.11); any other backslash sequence is an error.
std::optional<std::string> Unescape(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == ';' || c == ',') return std::nullopt;  // must have been escaped
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i == value.size()) return std::nullopt;
    switch (value[i]) {
      case '\\':
      case ';':
      case ',':
        out += value[i];
        break;
      case 'n':
      case 'N':
        out += '\n';
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

CalendarEvent SimpleEvent() {
  CalendarEvent e;
  e.uid = "booking-123@tsunagu.example.jp";
  e.sequence = 0;
  e.dtstamp_unix = 1760000000;  // 2025-10-09 08:53:20 UTC
  e.date = {2025, 10, 9};
  e.start_minutes = 18 * 60;
  e.end_minutes = 18 * 60 + 45;
  e.summary = "両立支援相談会";
  e.location = "県庁 本庁舎3階 相談室";
  e.description = "受付番号 A-123";
  e.url = "https://tsunagu.example.jp/b/cancel?t=abc";
  e.organizer_name = "つなぐ相談窓口";
  e.organizer_email = "noreply@tsunagu.example.jp";
  return e;
}

std::vector<std::string> UnfoldOrFail(const std::string& ics) {
  auto lines = Unfold(ics);
  EXPECT_TRUE(lines.has_value()) << ics;
  return lines.value_or(std::vector<std::string>{});
}

void ExpectInvalid(const core::Result<std::string>& result, std::string_view field) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(result.error().message_key, "error.ics_invalid");
  ASSERT_EQ(result.error().fields.size(), 1u);
  EXPECT_EQ(result.error().fields[0].field, field);
}

TEST(BuildIcs, SimpleEventIsExactlyTheGoldenText) {
  const auto ics = BuildIcs(SimpleEvent(), "REQUEST");
  ASSERT_TRUE(ics.ok());
  const std::string expected =
      "BEGIN:VCALENDAR\r\n"
      "VERSION:2.0\r\n"
      "PRODID:-//Tsunagu//Tsunagu//JA\r\n"
      "CALSCALE:GREGORIAN\r\n"
      "METHOD:REQUEST\r\n"
      "BEGIN:VTIMEZONE\r\n"
      "TZID:Asia/Tokyo\r\n"
      "BEGIN:STANDARD\r\n"
      "DTSTART:19700101T000000\r\n"
      "TZOFFSETFROM:+0900\r\n"
      "TZOFFSETTO:+0900\r\n"
      "TZNAME:JST\r\n"
      "END:STANDARD\r\n"
      "END:VTIMEZONE\r\n"
      "BEGIN:VEVENT\r\n"
      "UID:booking-123@tsunagu.example.jp\r\n"
      "SEQUENCE:0\r\n"
      "DTSTAMP:20251009T085320Z\r\n"
      "DTSTART;TZID=Asia/Tokyo:20251009T180000\r\n"
      "DTEND;TZID=Asia/Tokyo:20251009T184500\r\n"
      "SUMMARY:両立支援相談会\r\n"
      "LOCATION:県庁 本庁舎3階 相談室\r\n"
      "DESCRIPTION:受付番号 A-123\r\n"
      "URL:https://tsunagu.example.jp/b/cancel?t=abc\r\n"
      "ORGANIZER;CN=\"つなぐ相談窓口\":mailto:noreply@tsunagu.example.jp\r\n"
      "STATUS:CONFIRMED\r\n"
      "TRANSP:OPAQUE\r\n"
      "END:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  EXPECT_EQ(*ics, expected);
  EXPECT_TRUE(Unfold(*ics).has_value());
}

TEST(BuildIcs, PublishWritesItsMethod) {
  const auto ics = BuildIcs(SimpleEvent(), "PUBLISH");
  ASSERT_TRUE(ics.ok());
  const auto lines = UnfoldOrFail(*ics);
  EXPECT_EQ(Property(lines, "METHOD"), "PUBLISH");
  EXPECT_EQ(Property(lines, "STATUS"), "CONFIRMED");
}

TEST(BuildIcs, EmptyOptionalPropertiesAreLeftOut) {
  CalendarEvent e = SimpleEvent();
  e.location.clear();
  e.description.clear();
  e.url.clear();
  e.organizer_email.clear();
  const auto ics = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(ics.ok());
  EXPECT_EQ(ics->find("LOCATION"), std::string::npos);
  EXPECT_EQ(ics->find("DESCRIPTION"), std::string::npos);
  EXPECT_EQ(ics->find("URL"), std::string::npos);
  EXPECT_EQ(ics->find("ORGANIZER"), std::string::npos);
  EXPECT_NE(ics->find("\r\nSUMMARY:両立支援相談会\r\nSTATUS:CONFIRMED\r\n"), std::string::npos);
}

TEST(BuildIcs, OrganizerWithoutNameHasNoCommonName) {
  CalendarEvent e = SimpleEvent();
  e.organizer_name.clear();
  const auto ics = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(ics.ok());
  EXPECT_NE(ics->find("\r\nORGANIZER:mailto:noreply@tsunagu.example.jp\r\n"), std::string::npos);
}

TEST(BuildIcs, OrganizerNameUsesCaretEncodingInsideQuotes) {
  CalendarEvent e = SimpleEvent();
  e.organizer_name = "A \"B\" ^C; D, E: F\r\n";
  const auto ics = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(ics.ok());
  const auto lines = UnfoldOrFail(*ics);
  EXPECT_EQ(Property(lines, "ORGANIZER;CN=\"A ^'B^' ^^C; D, E: F\""),
            "mailto:noreply@tsunagu.example.jp");
}

TEST(BuildIcs, TextIsEscapedAndControlCharactersDropped) {
  CalendarEvent e = SimpleEvent();
  e.summary = "a,b;c\\d\ne";
  // Tab, SOH, DEL and U+0085 (C1 NEL) go; the CR of CRLF goes and the LF stays as \n.
  e.description =
      "1\t2\x01"
      "3\x7f"
      "4\xC2\x85"
      "5\r\n6";
  e.location = "会議室A, B; 2階\\東";
  e.uid = "booking-9;x,y@tsunagu.example.jp";
  const auto ics = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(ics.ok());
  EXPECT_NE(ics->find("\r\nSUMMARY:a\\,b\\;c\\\\d\\ne\r\n"), std::string::npos) << *ics;
  EXPECT_NE(ics->find("\r\nDESCRIPTION:12345\\n6\r\n"), std::string::npos) << *ics;
  EXPECT_NE(ics->find("\r\nLOCATION:会議室A\\, B\\; 2階\\\\東\r\n"), std::string::npos) << *ics;
  EXPECT_NE(ics->find("\r\nUID:booking-9\\;x\\,y@tsunagu.example.jp\r\n"), std::string::npos);

  const auto lines = UnfoldOrFail(*ics);
  EXPECT_EQ(Unescape(Property(lines, "SUMMARY").value_or("")), e.summary);
  EXPECT_EQ(Unescape(Property(lines, "LOCATION").value_or("")), e.location);
  EXPECT_EQ(Unescape(Property(lines, "DESCRIPTION").value_or("")), "12345\n6");
  EXPECT_EQ(Unescape(Property(lines, "UID").value_or("")), e.uid);
}

TEST(BuildIcs, LongJapaneseTextFoldsWithinSeventyFiveOctetsAndUnfoldsBack) {
  CalendarEvent e = SimpleEvent();
  std::string text;
  for (int i = 0; i < 30; ++i) {
    text += "治療と仕事の両立支援、ワンストップ相談スタッフ（看護師・社労士）;\n";
  }
  text += "🏥 終わり";  // a four-octet character too
  e.description = text;
  e.summary = std::string(40, 'x') + "両立支援相談会・がん相談";  // ASCII then kanji mid-line
  const auto ics = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(ics.ok());

  const auto physical = PhysicalLines(*ics);
  ASSERT_TRUE(physical.has_value()) << "a line is too long, split a character, or has bare CR/LF";
  std::size_t folded = 0;
  for (const auto& line : *physical) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_TRUE(IsUtf8(line)) << line;
    if (line.starts_with(' ')) {
      ++folded;
      EXPECT_NE(line[1], ' ') << "a continuation starts with exactly one space: " << line;
    }
  }
  EXPECT_GT(folded, 30u);

  const auto lines = UnfoldOrFail(*ics);
  EXPECT_EQ(Unescape(Property(lines, "DESCRIPTION").value_or("")), text);
  EXPECT_EQ(Unescape(Property(lines, "SUMMARY").value_or("")), e.summary);
}

TEST(BuildIcs, FoldsExactlyAfterSeventyFiveOctets) {
  CalendarEvent e = SimpleEvent();
  e.summary = std::string(75 - 8, 'a');  // "SUMMARY:" is 8 octets
  auto ics = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(ics.ok());
  EXPECT_NE(ics->find("\r\nSUMMARY:" + e.summary + "\r\nLOCATION:"), std::string::npos);

  e.summary += 'b';
  ics = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(ics.ok());
  EXPECT_NE(ics->find("\r\nSUMMARY:" + std::string(67, 'a') + "\r\n b\r\n"), std::string::npos);

  // A three-octet character that would end at octet 76 moves whole to the next line.
  e.summary = std::string(65, 'a') + "あ";
  ics = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(ics.ok());
  EXPECT_NE(ics->find("\r\nSUMMARY:" + std::string(65, 'a') + "\r\n あ\r\n"), std::string::npos);
}

TEST(BuildIcs, CancelKeepsUidRaisesSequenceAndSaysCancelled) {
  CalendarEvent e = SimpleEvent();
  const auto request = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(request.ok());
  e.sequence += 1;
  e.cancelled = true;
  const auto cancel = BuildIcs(e, "CANCEL");
  ASSERT_TRUE(cancel.ok());

  const auto before = UnfoldOrFail(*request);
  const auto after = UnfoldOrFail(*cancel);
  EXPECT_EQ(Property(after, "METHOD"), "CANCEL");
  EXPECT_EQ(Property(after, "UID"), Property(before, "UID"));
  EXPECT_EQ(Property(before, "SEQUENCE"), "0");
  EXPECT_EQ(Property(after, "SEQUENCE"), "1");
  EXPECT_EQ(Property(after, "STATUS"), "CANCELLED");
  EXPECT_EQ(Property(after, "DTSTART;TZID=Asia/Tokyo"), "20251009T180000");
}

TEST(BuildIcs, CancelMethodImpliesCancelledStatus) {
  CalendarEvent e = SimpleEvent();
  e.sequence = 2;
  const auto ics = BuildIcs(e, "CANCEL");
  ASSERT_TRUE(ics.ok());
  EXPECT_EQ(Property(UnfoldOrFail(*ics), "STATUS"), "CANCELLED");
}

TEST(BuildIcs, DtstampIsUtc) {
  CalendarEvent e = SimpleEvent();
  e.dtstamp_unix = 0;
  auto ics = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(ics.ok());
  EXPECT_EQ(Property(UnfoldOrFail(*ics), "DTSTAMP"), "19700101T000000Z");
  e.dtstamp_unix = -1;
  ics = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(ics.ok());
  EXPECT_EQ(Property(UnfoldOrFail(*ics), "DTSTAMP"), "19691231T235959Z");
  e.dtstamp_unix = 253402300800;  // year 10000
  ExpectInvalid(BuildIcs(e, "REQUEST"), "dtstamp_unix");
}

TEST(BuildIcs, EndingAtMidnightIsWrittenAsTheNextDay) {
  CalendarEvent e = SimpleEvent();
  e.date = {2025, 12, 31};
  e.start_minutes = 23 * 60;
  e.end_minutes = 24 * 60;
  const auto ics = BuildIcs(e, "REQUEST");
  ASSERT_TRUE(ics.ok());
  const auto lines = UnfoldOrFail(*ics);
  EXPECT_EQ(Property(lines, "DTSTART;TZID=Asia/Tokyo"), "20251231T230000");
  EXPECT_EQ(Property(lines, "DTEND;TZID=Asia/Tokyo"), "20260101T000000");
}

TEST(BuildIcs, RefusesTimesThatCrossMidnightOrAreEmpty) {
  CalendarEvent e = SimpleEvent();
  e.start_minutes = 23 * 60;
  e.end_minutes = 60;  // 23:00–01:00 would cross midnight
  ExpectInvalid(BuildIcs(e, "REQUEST"), "end_minutes");
  e.end_minutes = e.start_minutes;
  ExpectInvalid(BuildIcs(e, "REQUEST"), "end_minutes");
  e.end_minutes = 24 * 60 + 1;
  ExpectInvalid(BuildIcs(e, "REQUEST"), "end_minutes");
  e.start_minutes = -1;
  e.end_minutes = 60;
  ExpectInvalid(BuildIcs(e, "REQUEST"), "start_minutes");
  e.start_minutes = 24 * 60;
  e.end_minutes = 24 * 60;
  ExpectInvalid(BuildIcs(e, "REQUEST"), "start_minutes");
}

TEST(BuildIcs, RefusesInvalidDateSequenceAndMethod) {
  CalendarEvent e = SimpleEvent();
  e.date = {2025, 2, 29};
  ExpectInvalid(BuildIcs(e, "REQUEST"), "date");
  e = SimpleEvent();
  e.sequence = -1;
  ExpectInvalid(BuildIcs(e, "REQUEST"), "sequence");
  ExpectInvalid(BuildIcs(SimpleEvent(), "request"), "method");
  ExpectInvalid(BuildIcs(SimpleEvent(), "REQUEST\r\nX"), "method");
  ExpectInvalid(BuildIcs(SimpleEvent(), ""), "method");
}

TEST(BuildIcs, RefusesInvalidUtf8InEveryText) {
  const std::vector<std::string> bad = {
      "\xC0\xAF",          // overlong '/'
      "\xED\xA0\x80",      // UTF-16 surrogate
      "\xE3\x81",          // truncated
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\x80",              // lone continuation
      "\xFF",
  };
  for (const auto& b : bad) {
    SCOPED_TRACE(testing::PrintToString(b));
    CalendarEvent e = SimpleEvent();
    e.summary += b;
    ExpectInvalid(BuildIcs(e, "REQUEST"), "summary");
    e = SimpleEvent();
    e.location = b + e.location;
    ExpectInvalid(BuildIcs(e, "REQUEST"), "location");
    e = SimpleEvent();
    e.description += b;
    ExpectInvalid(BuildIcs(e, "REQUEST"), "description");
    e = SimpleEvent();
    e.organizer_name += b;
    ExpectInvalid(BuildIcs(e, "REQUEST"), "organizer_name");
    e = SimpleEvent();
    e.uid += b;
    ExpectInvalid(BuildIcs(e, "REQUEST"), "uid");
  }
}

TEST(BuildIcs, RefusesLineBreaksInUidAndOrganizerEmail) {
  CalendarEvent e = SimpleEvent();
  e.uid = "booking-1@tsunagu.example.jp\r\nATTENDEE:mailto:x@evil.example";
  ExpectInvalid(BuildIcs(e, "REQUEST"), "uid");
  e.uid = "booking-1\n@tsunagu.example.jp";
  ExpectInvalid(BuildIcs(e, "REQUEST"), "uid");
  e.uid = "";
  ExpectInvalid(BuildIcs(e, "REQUEST"), "uid");

  const std::vector<std::string> bad_emails = {
      "noreply@tsunagu.example.jp\r\nATTENDEE:mailto:x@evil.example",
      "noreply@tsunagu.example.jp\n",
      "no reply@tsunagu.example.jp",
      "noreply",
      "@tsunagu.example.jp",
      "noreply@",
      "a@b@c.jp",
      "\"x\"@tsunagu.example.jp",
      "noreply@tsunagu.example.jp?cc=x@evil.example",
      "ｎｏｒｅｐｌｙ@tsunagu.example.jp",
  };
  for (const auto& email : bad_emails) {
    SCOPED_TRACE(email);
    e = SimpleEvent();
    e.organizer_email = email;
    ExpectInvalid(BuildIcs(e, "REQUEST"), "organizer_email");
  }
}

TEST(BuildIcs, RefusesUrlsThatCannotBeWrittenVerbatim) {
  const std::vector<std::string> bad_urls = {
      "https://tsunagu.example.jp/b\r\nATTENDEE:mailto:x@evil.example",
      "https://tsunagu.example.jp/b c",
      "https://tsunagu.example.jp/相談",
      "javascript:alert(1)",
      "https://tsunagu.example.jp/\"x\"",
  };
  for (const auto& url : bad_urls) {
    SCOPED_TRACE(url);
    CalendarEvent e = SimpleEvent();
    e.url = url;
    ExpectInvalid(BuildIcs(e, "REQUEST"), "url");
  }
}

TEST(BuildIcs, ComponentsNestProperly) {
  const auto ics = BuildIcs(SimpleEvent(), "REQUEST");
  ASSERT_TRUE(ics.ok());
  std::vector<std::string> stack;
  for (const auto& line : UnfoldOrFail(*ics)) {
    if (line.starts_with("BEGIN:")) {
      stack.push_back(line.substr(6));
    } else if (line.starts_with("END:")) {
      ASSERT_FALSE(stack.empty());
      EXPECT_EQ(stack.back(), line.substr(4));
      stack.pop_back();
    } else {
      EXPECT_FALSE(stack.empty()) << line;
    }
  }
  EXPECT_TRUE(stack.empty());
}

}  // namespace
}  // namespace tsunagu::notify
