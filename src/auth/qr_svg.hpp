// QR codes as inline SVG (TOTP enrolment, posters), so no image endpoint or script is needed.
#pragma once

#include <string>
#include <string_view>

namespace tsunagu::auth {

// A standalone <svg> element (error correction level M, 4-module quiet zone) whose dark modules
// are one <path>; role="img" with `aria_label` (escaped) as its accessible name. Uses only
// attributes, no style attribute or script, so it passes a strict Content-Security-Policy.
// Empty when the text is too long for any QR version (about 2.3 kB at level M).
std::string QrSvg(std::string_view text, std::string_view aria_label, int module_px = 4);

}  // namespace tsunagu::auth
