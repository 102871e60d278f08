#include "reports/svg_chart.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace tsunagu::reports {
namespace {

// A small well-formedness check: every tag closes in order, attribute values are quoted and
// hold no raw < or &, and text holds no raw < and only known entities. Returns "" when fine.
std::string CheckWellFormed(const std::string& xml) {
  std::vector<std::string> open;
  std::size_t at = 0;
  const auto entity_ok = [&](std::size_t amp) {
    static const std::regex kEntity("^&(amp|lt|gt|quot|#39|#[0-9]+|#x[0-9A-Fa-f]+);");
    return std::regex_search(xml.substr(amp, 12), kEntity);
  };
  while (at < xml.size()) {
    if (xml[at] == '&') {
      if (!entity_ok(at)) return "bad entity at " + std::to_string(at);
      ++at;
      continue;
    }
    if (xml[at] == '>') return "stray > at " + std::to_string(at);
    if (xml[at] != '<') {
      ++at;
      continue;
    }
    const bool closing = at + 1 < xml.size() && xml[at + 1] == '/';
    std::size_t p = at + (closing ? 2 : 1);
    const std::size_t name_start = p;
    while (p < xml.size() && (std::isalnum(static_cast<unsigned char>(xml[p])) || xml[p] == '-'))
      ++p;
    const std::string name = xml.substr(name_start, p - name_start);
    if (name.empty()) return "empty tag name at " + std::to_string(at);
    bool self_closing = false;
    // Attributes: name="value" pairs.
    while (true) {
      while (p < xml.size() && xml[p] == ' ') ++p;
      if (p >= xml.size()) return "unterminated tag " + name;
      if (xml[p] == '>') {
        ++p;
        break;
      }
      if (xml.compare(p, 2, "/>") == 0) {
        self_closing = true;
        p += 2;
        break;
      }
      if (closing) return "attribute on closing tag " + name;
      const std::size_t eq = xml.find('=', p);
      if (eq == std::string::npos || xml[eq + 1] != '"') return "unquoted attribute in " + name;
      const std::size_t end = xml.find('"', eq + 2);
      if (end == std::string::npos) return "unterminated attribute in " + name;
      for (std::size_t i = eq + 2; i < end; ++i) {
        if (xml[i] == '<') return "< in attribute of " + name;
        if (xml[i] == '&' && !entity_ok(i)) return "bad entity in attribute of " + name;
      }
      p = end + 1;
    }
    if (closing) {
      if (open.empty() || open.back() != name) return "mismatched </" + name + ">";
      open.pop_back();
    } else if (!self_closing) {
      open.push_back(name);
    }
    at = p;
    if (open.empty() && at != xml.size()) return "content after the root element";
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

// Python's XML parser as a second opinion when python3 is on the machine.
bool PythonParses(const std::string& xml) {
  FILE* pipe = popen(
      "python3 -c 'import sys, xml.parsers.expat as x; "
      "x.ParserCreate().Parse(sys.stdin.buffer.read(), True)' 2>/dev/null",
      "w");
  if (pipe == nullptr) return true;
  std::fwrite(xml.data(), 1, xml.size(), pipe);
  const int status = pclose(pipe);
  return status == 0;
}

void ExpectSafeAccessibleSvg(const std::string& svg, const std::string& title) {
  EXPECT_EQ(CheckWellFormed(svg), "") << svg;
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title>" + title + "</title>"), std::string::npos);
  // Nothing a strict Content-Security-Policy would block.
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("style"), std::string::npos);
  static const std::regex kEventHandler("\\son[a-z]+=\"");
  EXPECT_FALSE(std::regex_search(svg, kEventHandler));
  EXPECT_EQ(svg.find("href"), std::string::npos);
  // Coordinates are never printed with an exponent, NaN or infinity.
  EXPECT_EQ(svg.find("e+"), std::string::npos);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf"), std::string::npos);
}

double Luminance(const std::string& hex) {
  const auto channel = [&](int i) {
    const double c = std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

double ContrastOnWhite(const std::string& hex) {
  return 1.05 / (Luminance(hex) + 0.05);
}

// Every <text> fill reaches WCAG AA contrast (4.5:1) on the chart's white background.
void ExpectReadableText(const std::string& svg) {
  EXPECT_NE(svg.find("<rect width=\""), std::string::npos);  // the opaque background
  static const std::regex kTextFill("<text[^>]* fill=\"(#[0-9A-Fa-f]{6})\"");
  int texts = 0;
  for (std::sregex_iterator it(svg.begin(), svg.end(), kTextFill), end; it != end; ++it) {
    EXPECT_GE(ContrastOnWhite((*it)[1]), 4.5) << (*it)[1];
    ++texts;
  }
  EXPECT_GT(texts, 0);
}

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(SvgChartTest, ColoursMeetContrast) {
  EXPECT_GE(ContrastOnWhite("#0017C1"), 3.0);  // marks: non-text contrast (WCAG 1.4.11)
  EXPECT_GE(ContrastOnWhite("#767676"), 4.5);
  EXPECT_GE(ContrastOnWhite("#1A1A1A"), 4.5);
}

TEST(SvgChartTest, HorizontalBarChartTopics) {
  BarChartSpec spec{.title = "相談したい事項",
                    .description = "相談25件のうち、治療と仕事の両立が8件（32.0%）",
                    .bars = {{"①治療と仕事の両立", 8, "8件 (32.0%)"},
                             {"②職場復帰", 3, "3件 (12.0%)"},
                             {"③再就職", 0, ""}}};
  const std::string svg = HorizontalBarChart(spec);
  ExpectSafeAccessibleSvg(svg, "相談したい事項");
  ExpectReadableText(svg);
  EXPECT_NE(svg.find("<desc>相談25件のうち、治療と仕事の両立が8件（32.0%）</desc>"),
            std::string::npos);
  EXPECT_NE(svg.find(">①治療と仕事の両立</text>"), std::string::npos);
  EXPECT_NE(svg.find(">8件 (32.0%)</text>"), std::string::npos);
  EXPECT_NE(svg.find(">0</text>"), std::string::npos);  // empty value_label → FormatCount
  // Two bars drawn in blue (the zero bar has none), value labels as text beside each.
  EXPECT_EQ(Count(svg, "fill=\"#0017C1\""), 2);
  EXPECT_EQ(svg.find("stroke-dasharray"), std::string::npos);  // no target line
}

TEST(SvgChartTest, BarsScaleToMaximumOrTarget) {
  static const std::regex kBarWidth("<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
  const auto widths = [](const std::string& svg) {
    std::vector<double> out;
    for (std::sregex_iterator it(svg.begin(), svg.end(), kBarWidth), end; it != end; ++it) {
      out.push_back(std::stod((*it)[1]));
    }
    return out;
  };
  BarChartSpec spec{.title = "t", .bars = {{"a", 10, ""}, {"b", 5, ""}}};
  std::vector<double> w = widths(HorizontalBarChart(spec));
  ASSERT_EQ(w.size(), 2u);
  EXPECT_NEAR(w[1] * 2, w[0], 0.2);

  spec.target = 20;
  spec.target_label = "目標 20";
  const std::string with_target = HorizontalBarChart(spec);
  ExpectSafeAccessibleSvg(with_target, "t");
  const std::vector<double> scaled = widths(with_target);
  ASSERT_EQ(scaled.size(), 2u);
  EXPECT_NEAR(scaled[0] * 2, w[0], 0.2);  // the target, not the maximum, fills the plot
  EXPECT_NE(with_target.find("stroke-dasharray"), std::string::npos);
  EXPECT_NE(with_target.find(">目標 20</text>"), std::string::npos);

  spec.target = 4;  // below the maximum: bars keep the maximum's scale
  spec.target_label.clear();
  const std::string low_target = HorizontalBarChart(spec);
  EXPECT_EQ(widths(low_target), w);
  EXPECT_NE(low_target.find(">4</text>"), std::string::npos);
}

TEST(SvgChartTest, TextIsEscaped) {
  BarChartSpec spec{.title = "<script>alert(1)</script>",
                    .description = "a & b \"c\" 'd'",
                    .bars = {{"<&\">", 1, "<b>"}},
                    .target = 2,
                    .target_label = "x\"onload=\"y",
                    .described_by = "tbl\" onclick=\"x"};
  const std::string svg = HorizontalBarChart(spec);
  ExpectSafeAccessibleSvg(svg, "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_TRUE(PythonParses(svg));
  EXPECT_NE(svg.find("<desc>a &amp; b &quot;c&quot; &#39;d&#39;</desc>"), std::string::npos);
  EXPECT_NE(svg.find(">&lt;&amp;&quot;&gt;</text>"), std::string::npos);
  EXPECT_NE(svg.find(">&lt;b&gt;</text>"), std::string::npos);
  EXPECT_NE(svg.find("aria-describedby=\"tbl&quot; onclick=&quot;x\""), std::string::npos);
  // Control characters would make the XML ill-formed.
  spec.bars[0].label = std::string("a\x01") + "b";
  EXPECT_EQ(CheckWellFormed(HorizontalBarChart(spec)), "");
  EXPECT_TRUE(PythonParses(HorizontalBarChart(spec)));
}

TEST(SvgChartTest, LongLabelsAreShortenedWhole) {
  const std::string long_label(200, 'x');
  const std::string japanese =
      "治療と仕事の両立に関する相談を受け付けますのでお気軽にお問い合わせください";
  BarChartSpec spec{.title = "t", .bars = {{long_label, 1, ""}, {japanese, 2, ""}}};
  const std::string svg = HorizontalBarChart(spec);
  ExpectSafeAccessibleSvg(svg, "t");
  EXPECT_EQ(svg.find(long_label), std::string::npos);
  EXPECT_NE(svg.find("xxx\u2026</text>"), std::string::npos);
  // Cut between characters, never inside a UTF-8 sequence.
  EXPECT_NE(svg.find(">治療と仕事"), std::string::npos);
  EXPECT_TRUE(PythonParses(svg));
}

TEST(SvgChartTest, EmptyAndDegenerateInputs) {
  ExpectSafeAccessibleSvg(HorizontalBarChart({.title = "empty"}), "empty");
  ExpectSafeAccessibleSvg(HorizontalBarChart({.title = "neg", .bars = {{"a", -5, ""}}}), "neg");
  ExpectSafeAccessibleSvg(ColumnChart({.title = "empty"}), "empty");
  ExpectSafeAccessibleSvg(ColumnChart({.title = "zeros", .columns = {{"4/13", 0, ""}}}), "zeros");
  ExpectSafeAccessibleSvg(
      HorizontalBarChart({.title = "narrow", .bars = {{"a", 1, ""}}, .width = 1}), "narrow");
  const std::string huge = ColumnChart(
      {.title = "huge", .columns = {{"a", std::numeric_limits<std::int64_t>::max(), ""}}});
  ExpectSafeAccessibleSvg(huge, "huge");
}

TEST(SvgChartTest, ColumnChartForTheFiscalYear) {
  // Seed 000: 24 consultation days in FY2017 (H29), 25 consultations in all.
  const std::vector<std::pair<std::string, int>> days = {
      {"4/13", 0},  {"4/25", 1},  {"5/18", 0},  {"5/23", 0},  {"6/8", 2},   {"6/20", 0},
      {"7/13", 1},  {"7/25", 0},  {"8/10", 2},  {"8/22", 3},  {"9/4", 1},   {"9/26", 0},
      {"10/10", 1}, {"10/25", 2}, {"11/10", 2}, {"11/29", 1}, {"12/12", 2}, {"12/27", 0},
      {"1/9", 0},   {"1/24", 2},  {"2/13", 1},  {"2/28", 1},  {"3/13", 0},  {"3/28", 3}};
  ColumnChartSpec spec{.title = "相談会ごとの相談者数",
                       .description = "24回で計25件",
                       .described_by = "per-day-table"};
  int total = 0;
  for (const auto& [label, value] : days) {
    spec.columns.push_back({label, value, ""});
    total += value;
  }
  EXPECT_EQ(total, 25);
  const std::string svg = ColumnChart(spec);
  ExpectSafeAccessibleSvg(svg, "相談会ごとの相談者数");
  ExpectReadableText(svg);
  EXPECT_NE(svg.find("aria-describedby=\"per-day-table\""), std::string::npos);
  for (const auto& [label, value] : days) {
    EXPECT_NE(svg.find(">" + label + "</text>"), std::string::npos) << label;
  }
  // 15 days with consultations get a column; "12/27" does not fit 24 px side by side.
  EXPECT_EQ(Count(svg, "fill=\"#0017C1\""), 15);
  EXPECT_TRUE(PythonParses(svg));
  EXPECT_NE(svg.find("rotate(-45 "), std::string::npos);
  // y ticks 0..3 for a maximum of 3.
  EXPECT_NE(svg.find(">3</text>"), std::string::npos);

  // Few columns: labels side by side.
  const std::string few =
      ColumnChart({.title = "few", .columns = {{"4/13", 1, ""}, {"4/25", 2, ""}}});
  ExpectSafeAccessibleSvg(few, "few");
  EXPECT_EQ(few.find("rotate("), std::string::npos);
}

TEST(SvgChartTest, ColumnChartTicksAreRound) {
  const std::string svg = ColumnChart({.title = "t", .columns = {{"a", 1234, ""}, {"b", 10, ""}}});
  ExpectSafeAccessibleSvg(svg, "t");
  // Max 1,234 → step 500, top 1,500.
  for (const char* tick : {">0</text>", ">500</text>", ">1,000</text>", ">1,500</text>"}) {
    EXPECT_NE(svg.find(tick), std::string::npos) << tick;
  }
  EXPECT_NE(svg.find(">1,234</text>"), std::string::npos);
}

TEST(SvgChartTest, ProgressBar) {
  const std::string svg = ProgressBar("相談件数 25 / 目標 300", 25, 300);
  ExpectSafeAccessibleSvg(svg, "相談件数 25 / 目標 300");
  ExpectReadableText(svg);
  EXPECT_NE(svg.find(">相談件数 25 / 目標 300</text>"), std::string::npos);
  EXPECT_NE(svg.find(">8.3%</text>"), std::string::npos);
  static const std::regex kRect(
      "<rect x=\"1\" y=\"28\" width=\"([0-9.]+)\"[^>]*fill=\"(#[0-9A-F]+)\"");
  std::vector<std::pair<double, std::string>> rects;
  for (std::sregex_iterator it(svg.begin(), svg.end(), kRect), end; it != end; ++it) {
    rects.emplace_back(std::stod((*it)[1]), (*it)[2]);
  }
  ASSERT_EQ(rects.size(), 2u);  // track, then fill
  EXPECT_EQ(rects[1].second, "#0017C1");
  EXPECT_NEAR(rects[1].first / rects[0].first, 25.0 / 300.0, 0.002);

  const std::string over = ProgressBar("over", 320, 300);
  EXPECT_NE(over.find(">106.7%</text>"), std::string::npos);
  const std::string none = ProgressBar({.title = "none", .value = 3, .target = 0});
  ExpectSafeAccessibleSvg(none, "none");
  EXPECT_NE(none.find(">\u2014</text>"), std::string::npos);
  EXPECT_EQ(none.find("#0017C1"), std::string::npos);
}

}  // namespace
}  // namespace tsunagu::reports
