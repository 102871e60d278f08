// QR codes (libqrencode) for printed posters and leaflets: the matrix, an SVG for pages, and a
// PBM image (for checking a code with a decoder). No image endpoint or script is needed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::core {

// The modules of a code, error correction level M, without the quiet zone.
struct QrMatrix {
  int width = 0;
  std::vector<bool> dark;  // row by row, width * width
  bool Dark(int x, int y) const { return dark[static_cast<std::size_t>(y) * width + x]; }
};

// nullopt when the text is empty, holds a NUL, or is too long for any QR version (about 2.3 kB).
std::optional<QrMatrix> EncodeQr(std::string_view text);

// A standalone <svg> (4-module quiet zone, white background, crisp module edges) whose dark
// modules are one <path>, with role="img", a <title> holding `title` (escaped) for screen
// readers and aria-labelledby pointing at it (`id` makes the title's id unique on the page).
// `module_mm` sets its printed size: each module that many millimetres. Empty when EncodeQr
// fails.
std::string QrSvgWithTitle(std::string_view text, std::string_view title, std::string_view id,
                           double module_mm = 1.0);

// A plain (P1) PBM of the code, `scale` pixels a module, with the quiet zone.
std::string QrPbm(std::string_view text, int scale = 4);

}  // namespace tsunagu::core
