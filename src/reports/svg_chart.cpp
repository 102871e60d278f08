#include "reports/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/markup.hpp"
#include "reports/numbers.hpp"

namespace tsunagu::reports {

namespace {

constexpr std::string_view kBlue = "#0017C1";        // blue-900: marks
constexpr std::string_view kText = "#1A1A1A";        // solid-gray-900: 17:1 on white
constexpr std::string_view kSubtleText = "#4D4D4D";  // solid-gray-700: 8.5:1 on white
constexpr std::string_view kAxis = "#767676";        // solid-gray-536: 4.5:1, also a track edge
constexpr std::string_view kGrid = "#CCCCCC";        // solid-gray-200: decorative only
constexpr std::string_view kTrack = "#E6E6E6";       // solid-gray-100
constexpr std::string_view kTargetLine = "#333333";  // solid-gray-800
constexpr std::string_view kBackground = "#FFFFFF";
constexpr std::string_view kFontFamily = "'Noto Sans JP','Noto Sans CJK JP',sans-serif";
constexpr std::string_view kEllipsis = "\u2026";
constexpr int kFontSize = 14;
constexpr int kSmallFontSize = 12;
constexpr int kMinWidth = 240;
constexpr int kMaxWidth = 4000;

// Escapes for both text and attribute values. C0 controls are not allowed in XML 1.0 and
// would make the document ill-formed, so they become spaces.
std::string Xml(std::string_view text) {
  std::string clean(text);
  for (char& c : clean) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return core::EscapeMarkup(clean);
}

// Coordinates to one decimal with integer arithmetic: no locale, no exponent, no "-0".
std::string Num(double value) {
  const long long tenths = std::llround(value * 10.0);
  if (tenths == 0) return "0";
  const long long whole = std::llabs(tenths) / 10;
  const long long fraction = std::llabs(tenths) % 10;
  std::string out = tenths < 0 ? "-" : "";
  out += std::to_string(whole);
  if (fraction != 0) out += "." + std::to_string(fraction);
  return out;
}

// Byte length of the UTF-8 sequence that starts with `lead` (1 for stray bytes, so the loop
// always advances).
std::size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

// Advance of one character in em. Without font metrics on the server this errs wide:
// full-width (CJK, kana, full-width forms) 1 em, half-width katakana 0.5, ASCII 0.62.
double CharacterEm(std::string_view sequence) {
  if (sequence.size() == 1) return 0.62;
  if (sequence.size() == 3 && static_cast<unsigned char>(sequence[0]) == 0xEF) {
    const unsigned code = (static_cast<unsigned>(sequence[1] & 0x3F) << 6) |
                          static_cast<unsigned>(sequence[2] & 0x3F);
    // U+FF61..U+FF9F: half-width katakana and punctuation.
    if (code >= 0xF61 && code <= 0xF9F) return 0.5;
  }
  return sequence.size() == 2 ? 0.7 : 1.0;
}

template <typename Visit>
void ForEachCharacter(std::string_view text, Visit visit) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t length =
        std::min(SequenceLength(static_cast<unsigned char>(text[at])), text.size() - at);
    if (!visit(at, text.substr(at, length))) return;
    at += length;
  }
}

double TextWidth(std::string_view text, int font_size) {
  double em = 0;
  ForEachCharacter(text, [&](std::size_t, std::string_view c) {
    em += CharacterEm(c);
    return true;
  });
  return em * font_size;
}

// Whole characters that fit in max_width, with "…" when something was cut.
std::string Shorten(std::string_view text, double max_width, int font_size) {
  if (TextWidth(text, font_size) <= max_width) return std::string(text);
  const double budget = max_width - 1.0 * font_size;  // room for the ellipsis
  double used = 0;
  std::size_t cut = 0;
  ForEachCharacter(text, [&](std::size_t at, std::string_view c) {
    used += CharacterEm(c) * font_size;
    if (used > budget) return false;
    cut = at + c.size();
    return true;
  });
  return std::string(text.substr(0, cut)) + std::string(kEllipsis);
}

std::string Open(int width, int height, std::string_view title, std::string_view description,
                 std::string_view described_by) {
  const std::string w = std::to_string(width);
  const std::string h = std::to_string(height);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h +
                    "\" viewBox=\"0 0 " + w + ' ' + h + "\" role=\"img\"";
  if (!described_by.empty()) svg += " aria-describedby=\"" + Xml(described_by) + '"';
  svg += " font-family=\"" + std::string(kFontFamily) + "\" font-size=\"" +
         std::to_string(kFontSize) + "\">";
  svg += "<title>" + Xml(title) + "</title>";
  if (!description.empty()) svg += "<desc>" + Xml(description) + "</desc>";
  // An opaque background keeps the text contrast on tinted pages and in dark mode.
  svg +=
      "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"" + std::string(kBackground) + "\"/>";
  return svg;
}

struct TextOptions {
  std::string_view anchor = "start";
  std::string_view fill = kText;
  int font_size = kFontSize;
  bool halo = false;  // a white outline so a line crossing the text does not hide it
  std::string transform;
};

std::string Text(double x, double y, std::string_view content, const TextOptions& options) {
  std::string out =
      "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" fill=\"" + std::string(options.fill) + '"';
  if (options.anchor != "start") out += " text-anchor=\"" + std::string(options.anchor) + '"';
  if (options.font_size != kFontSize) {
    out += " font-size=\"" + std::to_string(options.font_size) + '"';
  }
  if (options.halo) {
    out += " stroke=\"" + std::string(kBackground) +
           "\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
  }
  if (!options.transform.empty()) out += " transform=\"" + options.transform + '"';
  out += '>' + Xml(content) + "</text>";
  return out;
}

std::string Rect(double x, double y, double width, double height, std::string_view fill,
                 std::string_view stroke = {}) {
  std::string out = "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" + Num(width) +
                    "\" height=\"" + Num(height) + "\" fill=\"" + std::string(fill) + '"';
  if (!stroke.empty()) out += " stroke=\"" + std::string(stroke) + "\" stroke-width=\"1\"";
  return out + "/>";
}

std::string Line(double x1, double y1, double x2, double y2, std::string_view stroke,
                 int stroke_width = 1, std::string_view dash = {}) {
  std::string out = "<line x1=\"" + Num(x1) + "\" y1=\"" + Num(y1) + "\" x2=\"" + Num(x2) +
                    "\" y2=\"" + Num(y2) + "\" stroke=\"" + std::string(stroke) +
                    "\" stroke-width=\"" + std::to_string(stroke_width) + '"';
  if (!dash.empty()) out += " stroke-dasharray=\"" + std::string(dash) + '"';
  return out + "/>";
}

std::string ValueLabel(const Bar& bar) {
  return bar.value_label.empty() ? FormatCount(bar.value) : bar.value_label;
}

std::int64_t NonNegative(std::int64_t value) {
  return std::max<std::int64_t>(value, 0);
}

// Baseline that centres a line of text on y (SVG places text on its baseline).
double CentredBaseline(double y, int font_size) {
  return y + font_size * 0.35;
}

int ClampWidth(int width) {
  return std::clamp(width, kMinWidth, kMaxWidth);
}

// A round tick step (1, 2 or 5 × 10ⁿ, at least 1 because values are counts) giving about
// five intervals up to max.
std::int64_t TickStep(std::int64_t max) {
  if (max <= 5) return 1;
  const double rough = static_cast<double>(max) / 5.0;
  std::int64_t magnitude = 1;
  while (static_cast<double>(magnitude) * 10 <= rough) magnitude *= 10;
  for (const std::int64_t factor : {1, 2, 5}) {
    if (static_cast<double>(magnitude * factor) >= rough) return magnitude * factor;
  }
  return magnitude * 10;
}

}  // namespace

std::string HorizontalBarChart(const BarChartSpec& spec) {
  const int width = ClampWidth(spec.width);
  constexpr int kRowHeight = 30;
  constexpr int kBarHeight = 20;
  constexpr int kGap = 8;
  const bool has_target = spec.target.has_value() && *spec.target > 0;
  const std::string target_text =
      has_target ? (spec.target_label.empty() ? FormatCount(*spec.target) : spec.target_label)
                 : std::string();
  const int top = has_target ? 28 : 8;
  const int bottom = 8;

  double label_width = 0;
  double value_width = 0;
  for (const Bar& bar : spec.bars) {
    label_width = std::max(label_width, TextWidth(bar.label, kFontSize));
    value_width = std::max(value_width, TextWidth(ValueLabel(bar), kFontSize));
  }
  label_width = std::min(label_width, width * 0.4);
  value_width = std::min(value_width, width * 0.25);
  const double plot_x = kGap + label_width + kGap;
  const double plot_width = std::max(20.0, width - plot_x - kGap - value_width - kGap);

  std::int64_t scale = has_target ? *spec.target : 1;
  for (const Bar& bar : spec.bars) scale = std::max(scale, NonNegative(bar.value));

  const int rows = static_cast<int>(spec.bars.size());
  const int height = top + std::max(rows, 1) * kRowHeight + bottom;
  const auto x_of = [&](std::int64_t value) {
    return plot_x +
           plot_width * (static_cast<double>(NonNegative(value)) / static_cast<double>(scale));
  };

  std::string svg = Open(width, height, spec.title, spec.description, spec.described_by);
  for (int i = 0; i < rows; ++i) {
    const Bar& bar = spec.bars[static_cast<std::size_t>(i)];
    const double row_y = top + i * kRowHeight;
    const double bar_y = row_y + (kRowHeight - kBarHeight) / 2.0;
    const double middle = row_y + kRowHeight / 2.0;
    svg += Text(plot_x - kGap, CentredBaseline(middle, kFontSize),
                Shorten(bar.label, label_width, kFontSize), {.anchor = "end"});
    const double end = x_of(bar.value);
    if (end - plot_x >= 0.5) svg += Rect(plot_x, bar_y, end - plot_x, kBarHeight, kBlue);
    svg += Text(end + 6, CentredBaseline(middle, kFontSize),
                Shorten(ValueLabel(bar), value_width + kGap, kFontSize), {.halo = true});
  }
  // The axis is drawn after the bars so it stays visible where a bar starts.
  svg += Line(plot_x, top, plot_x, height - bottom, kAxis);
  if (has_target) {
    const double x = x_of(*spec.target);
    svg += Line(x, top - 4, x, height - bottom, kTargetLine, 2, "6 4");
    // Keep the label inside the picture when the target sits at the right edge.
    const double half = TextWidth(target_text, kSmallFontSize) / 2;
    const double label_x = std::clamp(x, plot_x + half, width - kGap - half);
    svg += Text(label_x, top - 10, target_text,
                {.anchor = "middle", .fill = kText, .font_size = kSmallFontSize});
  }
  svg += "</svg>";
  return svg;
}

std::string ColumnChart(const ColumnChartSpec& spec) {
  const int width = ClampWidth(spec.width);
  constexpr int kGap = 8;
  constexpr int kTop = 22;  // room for the value label of the tallest column
  constexpr int kMinPlotHeight = 80;

  std::int64_t max = 0;
  double x_label_width = 0;
  for (const Bar& column : spec.columns) {
    max = std::max(max, NonNegative(column.value));
    x_label_width = std::max(x_label_width, TextWidth(column.label, kSmallFontSize));
  }
  const std::int64_t step = TickStep(max);
  // The axis ends on a tick; near INT64_MAX rounding up would overflow, so it ends at max.
  const std::int64_t intervals = max / step + (max % step != 0 ? 1 : 0);
  const std::int64_t top_value = std::max(
      step, intervals <= std::numeric_limits<std::int64_t>::max() / step ? intervals * step : max);

  const double tick_label_width = TextWidth(FormatCount(top_value), kSmallFontSize);
  const double plot_x = kGap + tick_label_width + kGap;
  const double plot_width = std::max(20.0, width - plot_x - kGap);
  const std::size_t count = std::max<std::size_t>(spec.columns.size(), 1);
  const double slot = plot_width / static_cast<double>(count);
  const bool rotate = x_label_width > slot - 2;
  // A label turned 45° needs its length × sin 45° below the axis.
  const double max_label = std::min(x_label_width, 120.0);
  const int bottom = rotate ? static_cast<int>(std::ceil(max_label * 0.71)) + kSmallFontSize + 8
                            : kSmallFontSize + 12;
  const int plot_height = std::max(kMinPlotHeight, spec.height - kTop - bottom);
  const int height = kTop + plot_height + bottom;
  const double base_y = kTop + plot_height;
  const auto y_of = [&](std::int64_t value) {
    return base_y -
           plot_height * (static_cast<double>(NonNegative(value)) / static_cast<double>(top_value));
  };

  std::string svg = Open(width, height, spec.title, spec.description, spec.described_by);
  for (std::int64_t i = 0; i <= top_value / step; ++i) {
    const std::int64_t tick = i * step;
    const double y = y_of(tick);
    if (tick != 0) svg += Line(plot_x, y, plot_x + plot_width, y, kGrid);
    svg += Text(plot_x - 6, CentredBaseline(y, kSmallFontSize), FormatCount(tick),
                {.anchor = "end", .fill = kSubtleText, .font_size = kSmallFontSize});
  }
  const double column_width = std::max(2.0, slot * 0.6);
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    const Bar& column = spec.columns[i];
    const double centre = plot_x + slot * (static_cast<double>(i) + 0.5);
    const double y = y_of(column.value);
    if (base_y - y >= 0.5) {
      svg += Rect(centre - column_width / 2, y, column_width, base_y - y, kBlue);
    }
    const std::string value = ValueLabel(column);
    if (TextWidth(value, kSmallFontSize) <= slot) {
      svg += Text(centre, y - 5, value,
                  {.anchor = "middle", .fill = kText, .font_size = kSmallFontSize});
    }
    const std::string label = Shorten(column.label, max_label, kSmallFontSize);
    if (rotate) {
      const double label_y = base_y + kSmallFontSize + 2;
      svg += Text(centre + 4, label_y, label,
                  {.anchor = "end",
                   .fill = kText,
                   .font_size = kSmallFontSize,
                   .transform = "rotate(-45 " + Num(centre + 4) + ' ' + Num(label_y) + ')'});
    } else {
      svg += Text(centre, base_y + kSmallFontSize + 4, label,
                  {.anchor = "middle", .fill = kText, .font_size = kSmallFontSize});
    }
  }
  svg += Line(plot_x, base_y, plot_x + plot_width, base_y, kAxis);
  svg += "</svg>";
  return svg;
}

std::string ProgressBar(const ProgressBarSpec& spec) {
  const int width = ClampWidth(spec.width);
  constexpr int kGap = 8;
  constexpr int kTitleBaseline = 18;
  constexpr int kTrackY = 28;
  constexpr int kTrackHeight = 22;
  constexpr int kHeight = kTrackY + kTrackHeight + kGap;

  const std::string rate = FormatPercent(spec.value, spec.target);
  // Wide enough for "100.0%" and more, so the track length does not depend on the value.
  const double rate_width = std::max(TextWidth("1000.0%", kFontSize), TextWidth(rate, kFontSize));
  const double track_x = 1;
  const double track_width = std::max(20.0, width - track_x - kGap - rate_width - kGap);

  std::string svg = Open(width, kHeight, spec.title, spec.description, spec.described_by);
  svg += Text(track_x, kTitleBaseline, Shorten(spec.title, width - 2, kFontSize), {});
  svg += Rect(track_x, kTrackY, track_width, kTrackHeight, kTrack, kAxis);
  if (spec.target > 0) {
    const double share = std::min(
        1.0, static_cast<double>(NonNegative(spec.value)) / static_cast<double>(spec.target));
    const double filled = track_width * share;
    if (filled >= 0.5) svg += Rect(track_x, kTrackY, filled, kTrackHeight, kBlue);
  }
  svg += Text(track_x + track_width + kGap,
              CentredBaseline(kTrackY + kTrackHeight / 2.0, kFontSize), rate, {});
  svg += "</svg>";
  return svg;
}

std::string ProgressBar(std::string_view title, std::int64_t value, std::int64_t target,
                        int width) {
  return ProgressBar(ProgressBarSpec{
      .title = std::string(title), .value = value, .target = target, .width = width});
}

}  // namespace tsunagu::reports
