#include "reports/csv.hpp"

#include <gtest/gtest.h>

namespace tsunagu::reports {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

TEST(CsvWriterTest, StartsWithBomAndEndsRowsWithCrLf) {
  CsvWriter csv;
  csv.Row({"回", "日付", "相談員数", "相談者数"});
  csv.Row({"1", "2017-04-13", "2", "0"});
  EXPECT_EQ(csv.str(), std::string(kBom) + "回,日付,相談員数,相談者数\r\n1,2017-04-13,2,0\r\n");
}

TEST(CsvWriterTest, BomCanBeLeftOut) {
  CsvWriter csv(false);
  csv.Row({"a", "b"});
  EXPECT_EQ(csv.str(), "a,b\r\n");
  EXPECT_EQ(CsvWriter(false).str(), "");
  EXPECT_EQ(CsvWriter().str(), kBom);
}

TEST(CsvWriterTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField(" spaced "), " spaced ");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("\""), "\"\"\"\"");
  EXPECT_EQ(CsvField("line1\nline2"), "\"line1\nline2\"");
  EXPECT_EQ(CsvField("line1\r\nline2"), "\"line1\r\nline2\"");
  EXPECT_EQ(CsvField("仕事と治療の両立、職場復帰"), "仕事と治療の両立、職場復帰");  // 、 is not ,
}

TEST(CsvWriterTest, EmptyCellsAndRows) {
  CsvWriter csv(false);
  csv.Row({"", "x", ""});
  csv.Row({""});
  csv.Row({});
  EXPECT_EQ(csv.str(), ",x,\r\n\"\"\r\n\r\n");
}

TEST(CsvWriterTest, GuardsFormulaInjection) {
  EXPECT_EQ(CsvField("=1+1"), "'=1+1");
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(CsvField("+SUM(A1:A2)"), "'+SUM(A1:A2)");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("\tx"), "'\tx");
  EXPECT_EQ(CsvField("\rx"), "\"'\rx\"");
  EXPECT_EQ(CsvField("\nx"), "\"'\nx\"");
  EXPECT_EQ(CsvField("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
  // Full-width forms.
  EXPECT_EQ(CsvField("＝1+1"), "'＝1+1");
  EXPECT_EQ(CsvField("＋1"), "'＋1");
  EXPECT_EQ(CsvField("－1"), "'－1");
  EXPECT_EQ(CsvField("＠x"), "'＠x");
  // A sign inside the text is harmless.
  EXPECT_EQ(CsvField("a=b"), "a=b");
  EXPECT_EQ(CsvField("2017-04-13"), "2017-04-13");
  EXPECT_EQ(CsvField("'already"), "'already");
}

TEST(CsvWriterTest, PlainNumbersStayNumbers) {
  EXPECT_EQ(CsvField("-3"), "-3");
  EXPECT_EQ(CsvField("-0.5"), "-0.5");
  EXPECT_EQ(CsvField("25"), "25");
  EXPECT_EQ(CsvField("8.3"), "8.3");
  // Not plain numbers, so guarded: a leading + (phone numbers), exponents, lone signs.
  EXPECT_EQ(CsvField("+81 90-1234-5678"), "'+81 90-1234-5678");
  EXPECT_EQ(CsvField("+81"), "'+81");
  EXPECT_EQ(CsvField("-"), "'-");
  EXPECT_EQ(CsvField("-1e5"), "'-1e5");
  EXPECT_EQ(CsvField("-1."), "'-1.");
  EXPECT_EQ(CsvField("-.5"), "'-.5");
  EXPECT_EQ(CsvField("--1"), "'--1");
  EXPECT_EQ(CsvField("-1,000"), "\"'-1,000\"");
}

}  // namespace
}  // namespace tsunagu::reports
