#include "auth/qr_svg.hpp"

#include <qrencode.h>

#include <memory>

#include "core/markup.hpp"

namespace tsunagu::auth {

namespace {

constexpr int kQuietZone = 4;

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

std::string XmlEscape(std::string_view s) {
  return core::EscapeMarkup(s);
}

}  // namespace

std::string QrSvg(std::string_view text, std::string_view aria_label, int module_px) {
  if (module_px < 1) module_px = 1;
  // QRcode_encodeString8bit wants a NUL-terminated string; a NUL inside the text would be cut.
  const std::string terminated(text);
  if (terminated.find('\0') != std::string::npos) return {};
  std::unique_ptr<QRcode, QrFree> code(
      QRcode_encodeString8bit(terminated.c_str(), 0, QR_ECLEVEL_M));
  if (!code) return {};

  const int width = code->width;
  const int size = width + 2 * kQuietZone;
  // One horizontal run of dark modules becomes one rectangle in the path, which keeps the path
  // short (runs, not single modules).
  std::string path;
  for (int y = 0; y < width; ++y) {
    const unsigned char* row = code->data + static_cast<std::ptrdiff_t>(y) * width;
    int x = 0;
    while (x < width) {
      if ((row[x] & 1) == 0) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < width && (row[x] & 1) != 0) ++x;
      path += 'M' + std::to_string(start + kQuietZone) + ' ' + std::to_string(y + kQuietZone) +
              'h' + std::to_string(x - start) + "v1h-" + std::to_string(x - start) + 'z';
    }
  }

  const std::string px = std::to_string(size * module_px);
  const std::string units = std::to_string(size);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px + "\" height=\"" +
                    px + "\" viewBox=\"0 0 " + units + ' ' + units +
                    "\" role=\"img\" aria-label=\"" + XmlEscape(aria_label) +
                    "\" shape-rendering=\"crispEdges\">";
  // The light background is part of the code: without it a dark page theme hides the quiet zone.
  svg += "<rect width=\"" + units + "\" height=\"" + units + "\" fill=\"#ffffff\"/>";
  svg += "<path fill=\"#000000\" d=\"" + path + "\"/>";
  svg += "</svg>";
  return svg;
}

}  // namespace tsunagu::auth
