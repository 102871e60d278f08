#include "reports/xlsx.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp, setenv (POSIX)
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <string>

namespace tsunagu::reports {
namespace {

// Unpacks with Python's standard zipfile: each member as "== name\n<content>\n".
std::map<std::string, std::string> Unzip(const std::string& bytes) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  std::string file = (dir / "tsunagu-xlsx-test-XXXXXX").string();
  const int fd = mkstemp(file.data());
  EXPECT_GE(fd, 0);
  if (fd < 0) return {};
  close(fd);
  std::ofstream(file, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  const std::string command =
      "python3 -c 'import sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "assert z.testzip() is None\n"
      "for n in z.namelist():\n"
      "    sys.stdout.write(\"\\x01\" + n + \"\\x02\" + z.read(n).decode(\"utf-8\"))\n"
      "' " +
      file;
  std::map<std::string, std::string> members;
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  if (pipe != nullptr) {
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
      out.append(buffer.data(), n);
    EXPECT_EQ(pclose(pipe), 0);
  }
  std::filesystem::remove(file);
  for (std::size_t at = out.find('\x01'); at != std::string::npos;) {
    const std::size_t name_end = out.find('\x02', at);
    const std::size_t next = out.find('\x01', name_end);
    members[out.substr(at + 1, name_end - at - 1)] = out.substr(
        name_end + 1, next == std::string::npos ? std::string::npos : next - name_end - 1);
    at = next;
  }
  return members;
}

Sheet PerDaySheet() {
  Sheet sheet{.name = "相談会別", .column_widths = {6, 14, 10, 10}};
  sheet.rows.push_back({{"回"}, {"日付"}, {"相談員数"}, {"相談者数"}});
  sheet.rows.push_back({{1}, {"2017-04-13"}, {2}, {0}});
  sheet.rows.push_back({{2}, {"2017-04-25"}, {2}, {1}});
  sheet.rows.push_back({{"計", true}, {""}, {""}, {Cell{.value = std::int64_t{25}, .bold = true}}});
  sheet.rows.push_back({{"進捗率"}, {""}, {""}, {.value = 25.0 / 300.0, .num_format = "0.0%"}});
  return sheet;
}

TEST(XlsxTest, WorkbookHoldsSheetsStringsAndNumbers) {
  Sheet topics{.name = "相談内容"};
  topics.rows.push_back({{"事項"}, {"件数"}});
  topics.rows.push_back({{"=HYPERLINK(\"http://evil\")"}, {8}});
  topics.rows.push_back({{"<&\"> 仕事と治療"}, {3}});
  const auto xlsx = BuildXlsx({PerDaySheet(), topics});
  ASSERT_TRUE(xlsx.ok());
  ASSERT_GT(xlsx->size(), 4u);
  EXPECT_EQ(xlsx->substr(0, 2), "PK");

  const auto members = Unzip(*xlsx);
  ASSERT_TRUE(members.contains("xl/workbook.xml"));
  ASSERT_TRUE(members.contains("xl/worksheets/sheet1.xml"));
  ASSERT_TRUE(members.contains("xl/worksheets/sheet2.xml"));
  ASSERT_TRUE(members.contains("xl/sharedStrings.xml"));
  const std::string& workbook = members.at("xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"相談会別\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"相談内容\""), std::string::npos);
  // Header rows repeat on every printed page.
  EXPECT_NE(workbook.find("_xlnm.Print_Titles"), std::string::npos);

  const std::string& strings = members.at("xl/sharedStrings.xml");
  for (const char* text :
       {"回", "日付", "相談員数", "相談者数", "2017-04-13", "計", "進捗率",
        "<t>=HYPERLINK(\"http://evil\")</t>", "<t>&lt;&amp;\"&gt; 仕事と治療</t>"}) {
    EXPECT_NE(strings.find(text), std::string::npos) << text << "\n" << strings;
  }

  const std::string& sheet1 = members.at("xl/worksheets/sheet1.xml");
  // Numbers as numbers (no t="s"), strings as shared strings, never formulas.
  EXPECT_NE(sheet1.find("<c r=\"A2\"><v>1</v></c>"), std::string::npos) << sheet1;
  EXPECT_NE(sheet1.find("<c r=\"B2\" t=\"s\">"), std::string::npos);
  EXPECT_NE(sheet1.find("<v>0.08333"), std::string::npos);
  EXPECT_EQ(sheet1.find("<f>"), std::string::npos);
  EXPECT_EQ(members.at("xl/worksheets/sheet2.xml").find("<f>"), std::string::npos);
  // Header frozen, A4 (paperSize 9), fitted to one page wide, column widths set.
  EXPECT_NE(sheet1.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                        "state=\"frozen\"/>"),
            std::string::npos);
  EXPECT_NE(sheet1.find("paperSize=\"9\""), std::string::npos);
  EXPECT_NE(sheet1.find("<pageSetUpPr fitToPage=\"1\"/>"), std::string::npos);
  EXPECT_NE(sheet1.find("<col min=\"2\" max=\"2\" width=\"14."), std::string::npos);

  // Bold and "0.0%" formats exist; the header cells use the bold one.
  const std::string& styles = members.at("xl/styles.xml");
  EXPECT_NE(styles.find("<b/>"), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"0.0%\""), std::string::npos);
  EXPECT_NE(sheet1.find("<c r=\"A1\" s=\"1\" t=\"s\">"), std::string::npos);
  EXPECT_NE(sheet1.find("<c r=\"A4\" s=\"1\" t=\"s\">"), std::string::npos);  // bold total
  EXPECT_NE(sheet1.find("<c r=\"A2\"><v>"), std::string::npos);               // plain body
}

TEST(XlsxTest, CellValueEdgeCases) {
  Sheet sheet{.name = "edge", .header_rows = 0};
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  sheet.rows.push_back({{kMax},
                        {std::int64_t{9007199254740992}},
                        {std::numeric_limits<double>::quiet_NaN()},
                        {std::string("a\0b", 3)},
                        {std::string(40000, 'x')},
                        {-3}});
  const auto xlsx = BuildXlsx({sheet});
  ASSERT_TRUE(xlsx.ok());
  const auto members = Unzip(*xlsx);
  const std::string& sheet1 = members.at("xl/worksheets/sheet1.xml");
  const std::string& strings = members.at("xl/sharedStrings.xml");
  EXPECT_NE(strings.find("<t>9223372036854775807</t>"), std::string::npos);  // exact, as text
  EXPECT_NE(sheet1.find("<c r=\"B1\"><v>9007199254740992</v></c>"), std::string::npos) << sheet1;
  EXPECT_EQ(sheet1.find("r=\"C1\""), std::string::npos);  // NaN → blank, unformatted: no cell
  EXPECT_NE(strings.find("<t>ab</t>"), std::string::npos);
  EXPECT_NE(strings.find("<t>" + std::string(32767, 'x') + "</t>"), std::string::npos);
  EXPECT_EQ(strings.find(std::string(32768, 'x')), std::string::npos);
  EXPECT_NE(sheet1.find("<c r=\"F1\"><v>-3</v></c>"), std::string::npos);
  EXPECT_EQ(sheet1.find("<pane"), std::string::npos);  // header_rows = 0: nothing frozen
}

TEST(XlsxTest, SheetNamesFollowExcelRules) {
  EXPECT_EQ(SanitizeSheetName("相談会別", 0), "相談会別");
  EXPECT_EQ(SanitizeSheetName("a[b]c:d*e?f/g\\h", 0), "a_b_c_d_e_f_g_h");
  EXPECT_EQ(SanitizeSheetName("'quoted'", 0), "quoted");
  EXPECT_EQ(SanitizeSheetName("''", 2), "Sheet3");
  EXPECT_EQ(SanitizeSheetName("", 0), "Sheet1");
  EXPECT_EQ(SanitizeSheetName("History", 0), "History_");
  EXPECT_EQ(SanitizeSheetName("HISTORY", 0), "HISTORY_");
  EXPECT_EQ(SanitizeSheetName("tab\there", 0), "tab_here");
  EXPECT_EQ(SanitizeSheetName(std::string(40, 'a'), 0), std::string(31, 'a'));
  // 31 characters, cut between code points (each of these is 3 bytes in UTF-8).
  std::string japanese;
  for (int i = 0; i < 40; ++i) japanese += "あ";
  std::string expected;
  for (int i = 0; i < 31; ++i) expected += "あ";
  EXPECT_EQ(SanitizeSheetName(japanese, 0), expected);
  // Outside the BMP a character is two UTF-16 units in Excel's count.
  std::string emoji;
  for (int i = 0; i < 20; ++i) emoji += "\U0001F600";
  EXPECT_EQ(SanitizeSheetName(emoji, 0).size(), 15u * 4);
  // An apostrophe exposed by the cut is removed too.
  EXPECT_EQ(SanitizeSheetName(std::string(30, 'a') + "'b", 0), std::string(30, 'a'));
  // Ill-formed UTF-8 becomes U+FFFD.
  EXPECT_EQ(SanitizeSheetName("a\xFF", 0), "a\uFFFD");
}

TEST(XlsxTest, DuplicateNamesAreMadeUnique) {
  const std::string long_name(31, 'n');
  const auto xlsx = BuildXlsx({{.name = "Data"},
                               {.name = "data"},
                               {.name = "DATA"},
                               {.name = "Café"},
                               {.name = "CAFÉ"},
                               {.name = long_name},
                               {.name = long_name},
                               {.name = ""},
                               {.name = "Sheet8"}});
  ASSERT_TRUE(xlsx.ok());
  const std::string workbook = Unzip(*xlsx).at("xl/workbook.xml");
  for (const std::string& name :
       std::vector<std::string>{"Data", "data (2)", "DATA (3)", "Café", "CAFÉ (2)", long_name,
                                std::string(27, 'n') + " (2)", "Sheet8", "Sheet8 (2)"}) {
    EXPECT_NE(workbook.find("name=\"" + name + "\""), std::string::npos) << name << workbook;
  }
}

TEST(XlsxTest, EmptyWorkbookStillOpens) {
  const auto xlsx = BuildXlsx({});
  ASSERT_TRUE(xlsx.ok());
  const auto members = Unzip(*xlsx);
  EXPECT_TRUE(members.contains("xl/workbook.xml"));
  EXPECT_TRUE(members.contains("xl/worksheets/sheet1.xml"));
}

TEST(XlsxTest, TooManyColumnsIsInvalidInput) {
  Sheet sheet{.name = "wide"};
  sheet.rows.push_back(std::vector<Cell>(16385, Cell{.value = std::int64_t{1}}));
  const auto xlsx = BuildXlsx({sheet});
  ASSERT_FALSE(xlsx.ok());
  EXPECT_EQ(xlsx.error().code, core::ErrorCode::kInvalidInput);
}

TEST(XlsxTest, LeavesNoTemporaryFiles) {
  std::string dir = (std::filesystem::temp_directory_path() / "tsunagu-xlsx-tmp-XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  const char* previous = std::getenv("TMPDIR");
  const std::string saved = previous != nullptr ? previous : "";
  setenv("TMPDIR", dir.c_str(), 1);
  const auto xlsx = BuildXlsx({PerDaySheet()});
  if (previous != nullptr) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  EXPECT_TRUE(xlsx.ok());
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tsunagu::reports
