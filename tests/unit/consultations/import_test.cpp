// Reading a 受付表: dates and times as offices type them (or Excel stores them), CSV quoting
// and the encodings Excel in Japan writes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consultations/import/past_year.hpp"
#include "consultations/import/table_reader.hpp"

namespace tsunagu::consultations::import {
namespace {

using ::testing::ElementsAre;

TEST(SheetDate, ReadsTheWaysAnOfficeWritesADate) {
  const core::Date d{2017, 4, 13};
  EXPECT_EQ(ParseSheetDate("2017-04-13"), d);
  EXPECT_EQ(ParseSheetDate("2017/4/13"), d);
  EXPECT_EQ(ParseSheetDate("２０１７／４／１３"), d);
  EXPECT_EQ(ParseSheetDate("H29.4.13"), d);
  EXPECT_EQ(ParseSheetDate("平成29年4月13日"), d);
  EXPECT_EQ(ParseSheetDate("42838"), d);  // Excel's date serial
  EXPECT_EQ(ParseSheetDate("R1.5.1"), (core::Date{2019, 5, 1}));
  EXPECT_EQ(ParseSheetDate("令和元年5月1日"), (core::Date{2019, 5, 1}));
  EXPECT_FALSE(ParseSheetDate("2017/4/31"));
  EXPECT_FALSE(ParseSheetDate("4/13"));
  EXPECT_FALSE(ParseSheetDate("R1.4.1"));  // 令和 began on 5月1日
  EXPECT_FALSE(ParseSheetDate(""));
}

TEST(SheetTime, ReadsClockTimesAndExcelFractions) {
  EXPECT_EQ(ParseSheetTime("14:00"), 14 * 60);
  EXPECT_EQ(ParseSheetTime("9:30"), 9 * 60 + 30);
  EXPECT_EQ(ParseSheetTime("１４：３０"), 14 * 60 + 30);
  EXPECT_EQ(ParseSheetTime("14時"), 14 * 60);
  EXPECT_EQ(ParseSheetTime("0.583333333333333"), 14 * 60);
  EXPECT_FALSE(ParseSheetTime("25:00"));
  EXPECT_FALSE(ParseSheetTime("午後2時"));
}

TEST(Csv, QuotedFieldsAndLineEnds) {
  auto rows = ReadCsv("a,\"b,c\",\"d\"\"e\"\r\n\"f\ng\",,h\n\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_THAT(rows[0], ElementsAre("a", "b,c", "d\"e"));
  EXPECT_THAT(rows[1], ElementsAre("f\ng", "", "h"));
}

TEST(Encoding, Utf8WithOrWithoutBomAndCp932) {
  EXPECT_EQ(*DecodeText("\xEF\xBB\xBF日付"), "日付");
  EXPECT_EQ(*DecodeText("日付"), "日付");
  EXPECT_EQ(*DecodeText("\x93\xfa\x95\x74"), "日付");  // 日付 in Shift_JIS
  EXPECT_EQ(*DecodeText("\x87\x40"), "①");             // a CP932 extension
  EXPECT_FALSE(DecodeText("\xFF\xFE\xE5\x65"));        // UTF-16LE
  EXPECT_FALSE(DecodeText(std::string("a\0b", 3)));
  EXPECT_EQ(DecodeText("\xFF\xFE").error().message_key, "late.import.error.encoding");
}

TEST(Xlsx, NotAWorkbookIsSaidSo) {
  EXPECT_FALSE(ReadXlsx("PK\x03\x04 garbage"));
  EXPECT_TRUE(LooksLikeZip(std::string("PK\x03\x04", 4)));
  EXPECT_FALSE(LooksLikeZip("日付,時刻"));
}

}  // namespace
}  // namespace tsunagu::consultations::import
