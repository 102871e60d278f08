#include "core/qr.hpp"

#include <qrencode.h>

#include <cstdio>
#include <memory>

#include "core/markup.hpp"

namespace tsunagu::core {
namespace {

constexpr int kQuietZone = 4;  // ISO/IEC 18004: four modules of light margin

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::optional<QrMatrix> EncodeQr(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const std::string terminated(text);  // libqrencode reads up to the first NUL
  if (terminated.find('\0') != std::string::npos) return std::nullopt;
  std::unique_ptr<QRcode, QrFree> code(
      QRcode_encodeString8bit(terminated.c_str(), 0, QR_ECLEVEL_M));
  if (!code) return std::nullopt;
  QrMatrix m;
  m.width = code->width;
  m.dark.resize(static_cast<std::size_t>(m.width) * m.width);
  for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
  return m;
}

std::string QrSvgWithTitle(std::string_view text, std::string_view title, std::string_view id,
                           double module_mm) {
  const auto m = EncodeQr(text);
  if (!m) return {};
  const int size = m->width + 2 * kQuietZone;
  // One horizontal run of dark modules is one rectangle of the path.
  std::string path;
  for (int y = 0; y < m->width; ++y) {
    int x = 0;
    while (x < m->width) {
      if (!m->Dark(x, y)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < m->width && m->Dark(x, y)) ++x;
      path += 'M' + std::to_string(start + kQuietZone) + ' ' + std::to_string(y + kQuietZone) +
              'h' + std::to_string(x - start) + "v1h-" + std::to_string(x - start) + 'z';
    }
  }
  char mm[32];
  std::snprintf(mm, sizeof mm, "%.1fmm", size * (module_mm > 0 ? module_mm : 1.0));
  const std::string units = std::to_string(size);
  const std::string title_id = "qr-title-" + EscapeMarkup(id);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"" +
                    std::string(mm) + "\" height=\"" + std::string(mm) + "\" viewBox=\"0 0 " +
                    units + ' ' + units + "\" role=\"img\" aria-labelledby=\"" + title_id +
                    "\" shape-rendering=\"crispEdges\">";
  svg += "<title id=\"" + title_id + "\">" + EscapeMarkup(title) + "</title>";
  // The light background is part of the code (the quiet zone), whatever the page behind it.
  svg += "<rect width=\"" + units + "\" height=\"" + units + "\" fill=\"#ffffff\"/>";
  svg += "<path fill=\"#000000\" d=\"" + path + "\"/>";
  svg += "</svg>";
  return svg;
}

std::string QrPbm(std::string_view text, int scale) {
  const auto m = EncodeQr(text);
  if (!m) return {};
  if (scale < 1) scale = 1;
  const int size = (m->width + 2 * kQuietZone) * scale;
  std::string out = "P1\n" + std::to_string(size) + ' ' + std::to_string(size) + '\n';
  for (int py = 0; py < size; ++py) {
    const int y = py / scale - kQuietZone;
    for (int px = 0; px < size; ++px) {
      const int x = px / scale - kQuietZone;
      const bool dark = x >= 0 && y >= 0 && x < m->width && y < m->width && m->Dark(x, y);
      out += dark ? '1' : '0';
      out += (px + 1 == size) ? '\n' : ' ';
    }
  }
  return out;
}

}  // namespace tsunagu::core
