#include <gtest/gtest.h>

#include <sstream>

#include "auth/qr_svg.hpp"

namespace tsunagu::auth {
namespace {

TEST(QrSvgPrimitivesTest, IsStandaloneSvgWithOnePathAndLabel) {
  const std::string svg =
      QrSvg("otpauth://totp/Tsunagu:a%40b.jp?secret=ABC", "二段階認証のQRコード");
  ASSERT_FALSE(svg.empty());
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"二段階認証のQRコード\""), std::string::npos);
  EXPECT_NE(svg.find("<path fill=\"#000000\" d=\"M"), std::string::npos);
  EXPECT_EQ(svg.find("<path", svg.find("<path") + 1), std::string::npos);
  // Nothing a strict CSP would block.
  EXPECT_EQ(svg.find("style"), std::string::npos);
  EXPECT_EQ(svg.find("script"), std::string::npos);
  EXPECT_EQ(svg.find(" on"), std::string::npos);
}

TEST(QrSvgPrimitivesTest, SizeIncludesQuietZoneAndModulePixels) {
  // Version 1 is 21 modules; with 4 modules of quiet zone each side the view box is 29.
  const std::string svg = QrSvg("hi", "qr", 5);
  EXPECT_NE(svg.find("viewBox=\"0 0 29 29\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("width=\"145\""), std::string::npos);
  EXPECT_NE(svg.find("height=\"145\""), std::string::npos);
  // The top-left finder pattern starts at the quiet-zone edge: a 7-module run at (4,4).
  EXPECT_NE(svg.find("M4 4h7v1h-7z"), std::string::npos);
  // No module is drawn inside the quiet zone.
  std::string path = svg.substr(svg.find(" d=\"") + 4);
  path = path.substr(0, path.find('"'));
  int runs = 0;
  for (std::size_t at = path.find('M'); at != std::string::npos; at = path.find('M', at + 1)) {
    // Each run is "M<x> <y>h<len>v1h-<len>z".
    std::istringstream in(path.substr(at + 1));
    int x = 0;
    int y = 0;
    int run = 0;
    char h = 0;
    in >> x >> y >> h >> run;
    ASSERT_EQ(h, 'h');
    EXPECT_GE(x, 4);
    EXPECT_GE(y, 4);
    EXPECT_LE(x + run, 25);
    EXPECT_LT(y, 25);
    ++runs;
  }
  EXPECT_GT(runs, 21);
}

TEST(QrSvgPrimitivesTest, LabelIsEscaped) {
  const std::string svg = QrSvg("x", "a\"b<c>&'d");
  EXPECT_NE(svg.find("aria-label=\"a&quot;b&lt;c&gt;&amp;&#39;d\""), std::string::npos) << svg;
}

TEST(QrSvgPrimitivesTest, TooLongTextGivesEmpty) {
  EXPECT_EQ(QrSvg(std::string(5000, 'x'), "qr"), "");
  EXPECT_EQ(QrSvg(std::string("a\0b", 3), "qr"), "");
}

}  // namespace
}  // namespace tsunagu::auth
