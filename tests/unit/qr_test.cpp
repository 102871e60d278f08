// QR codes for posters (core/qr.hpp): the SVG names itself for screen readers, keeps a quiet
// zone and crisp modules, and the code decodes back to the page's address (zbarimg, from
// Debian zbar-tools, which scripts/install-deps installs).
#include "core/qr.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace tsunagu::core {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

bool HaveZbarimg() {
  return std::system("command -v zbarimg >/dev/null 2>&1") == 0;
}

// Writes the PBM and reads it back with zbarimg: the decoded text, or "" on failure.
std::string Decode(const std::string& pbm) {
  const auto path =
      std::filesystem::temp_directory_path() /
      ("tsunagu-qr-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
       std::to_string(std::rand()) + ".pbm");
  {
    std::ofstream out(path, std::ios::binary);
    out << pbm;
  }
  const std::string command =
      "zbarimg --quiet --raw -Sdisable -Sqrcode.enable '" + path.string() + "' 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string text;
  if (pipe) {
    std::array<char, 512> buf{};
    while (fgets(buf.data(), buf.size(), pipe.get())) text += buf.data();
  }
  std::filesystem::remove(path);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

TEST(Qr, SvgHasATitleForScreenReadersAQuietZoneAndCrispModules) {
  const std::string svg = QrSvgWithTitle("https://tsunagu.example.jp/events/12",
                                         "フォーラム <案内> のページ", "poster");
  EXPECT_THAT(svg, HasSubstr("role=\"img\""));
  EXPECT_THAT(svg, HasSubstr("aria-labelledby=\"qr-title-poster\""));
  EXPECT_THAT(svg,
              HasSubstr("<title id=\"qr-title-poster\">フォーラム &lt;案内&gt; のページ</title>"));
  EXPECT_THAT(svg, HasSubstr("shape-rendering=\"crispEdges\""));
  EXPECT_THAT(svg, HasSubstr("fill=\"#ffffff\""));
  EXPECT_THAT(svg, Not(HasSubstr("<script")));
  EXPECT_THAT(svg, Not(HasSubstr("style=")));
  const auto m = EncodeQr("https://tsunagu.example.jp/events/12");
  ASSERT_TRUE(m);
  // The path starts 4 modules in from each edge: the first dark module is the finder's corner.
  EXPECT_THAT(svg, HasSubstr("d=\"M4 4h7"));
  EXPECT_THAT(svg, HasSubstr("viewBox=\"0 0 " + std::to_string(m->width + 8)));
}

TEST(Qr, NothingForTextNoCodeCanHold) {
  EXPECT_EQ(QrSvgWithTitle("", "x", "a"), "");
  EXPECT_EQ(QrSvgWithTitle(std::string(4000, 'a'), "x", "a"), "");
  EXPECT_EQ(QrPbm(std::string("a\0b", 3)), "");
}

TEST(Qr, PbmIsTheCodeWithItsQuietZone) {
  const std::string pbm = QrPbm("https://tsunagu.example.jp/book/3", 2);
  const auto m = EncodeQr("https://tsunagu.example.jp/book/3");
  ASSERT_TRUE(m);
  const int size = (m->width + 8) * 2;
  EXPECT_EQ(pbm.rfind("P1\n" + std::to_string(size) + " " + std::to_string(size) + "\n", 0), 0u);
}

TEST(Qr, TheCodeDecodesBackToTheAddress) {
  if (!HaveZbarimg()) {
    GTEST_SKIP() << "zbarimg (Debian zbar-tools) is not installed here; scripts/install-deps "
                    "installs it, and CI runs this test";
  }
  for (const std::string url :
       {"https://tsunagu.example.jp/events/12", "http://127.0.0.1:8080/book/3",
        "https://tsunagu.example.jp/events/123456?lang=en"}) {
    EXPECT_EQ(Decode(QrPbm(url, 4)), url);
  }
}

}  // namespace
}  // namespace tsunagu::core
