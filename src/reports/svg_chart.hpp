// Report charts as inline SVG drawn by the server: no script, no style attribute or element
// (presentation attributes only), so they pass a strict Content-Security-Policy, print, and
// work with JavaScript off. Every chart is role="img" with the caller's <title> (accessible
// name) and <desc>; the numbers are also printed as text beside the marks, so colour is never
// the only signal. All text comes from the caller (message catalogue) and is XML-escaped here.
// Colours are the Digital Agency tokens: blue-900 #0017C1 for marks, solid-gray-900 #1A1A1A and
// -700 #4D4D4D for text on a white background (≥ 8:1), -536 #767676 for axes (4.5:1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::reports {

struct Bar {
  std::string label;
  std::int64_t value = 0;   // negative values are drawn as 0
  std::string value_label;  // shown at the end of the mark; empty → FormatCount(value)
};

struct BarChartSpec {
  std::string title;
  std::string description;
  std::vector<Bar> bars;
  int width = 640;
  // Draws a dashed vertical line at the target, labelled with target_label (empty →
  // FormatCount(target)). Bars are scaled to the larger of the maximum and the target.
  std::optional<std::int64_t> target;
  std::string target_label;
  // id of the element (usually the table with the same numbers) that describes the chart.
  std::string described_by;
};

// One row per bar: label on the left (shortened with "…" when longer than 40% of the width;
// the caller's table has it whole), bar, value label after the bar.
std::string HorizontalBarChart(const BarChartSpec& spec);

struct ColumnChartSpec {
  std::string title;
  std::string description;
  std::vector<Bar> columns;  // label is the x label, e.g. "4/13"
  int width = 640;
  int height = 280;  // grows when rotated x labels need the room
  std::string described_by;
};

// Vertical columns with a y axis of round ticks (1, 2, 5 × 10ⁿ). x labels are turned 45° when
// they do not fit side by side (24 days in 640 px); value labels sit above columns when they
// fit.
std::string ColumnChart(const ColumnChartSpec& spec);

struct ProgressBarSpec {
  std::string title;  // shown above the bar, e.g. "相談件数 25 / 目標 300"
  std::string description;
  std::int64_t value = 0;
  std::int64_t target = 0;  // ≤ 0 draws an empty track and "—"
  int width = 640;
  std::string described_by;
};

// A track for the target, filled up to value (capped at the track end), followed by the rate
// from FormatPercent ("8.3%", "106.7%").
std::string ProgressBar(const ProgressBarSpec& spec);
std::string ProgressBar(std::string_view title, std::int64_t value, std::int64_t target,
                        int width = 640);

}  // namespace tsunagu::reports
