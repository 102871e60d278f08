#include "reports/numbers.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace tsunagu::reports {
namespace {

TEST(FormatPercentTest, SeedRates) {
  EXPECT_EQ(FormatPercent(25, 300), "8.3%");  // seed 000: consultations against the target
  EXPECT_EQ(FormatPercent(3, 25), "12.0%");
  EXPECT_EQ(FormatPercent(8, 25), "32.0%");
  EXPECT_EQ(FormatPercent(25, 25), "100.0%");
  EXPECT_EQ(FormatPercent(0, 300), "0.0%");
}

TEST(FormatPercentTest, NoWholeMeansNoRate) {
  EXPECT_EQ(FormatPercent(0, 0), "\u2014");
  EXPECT_EQ(FormatPercent(5, 0), "\u2014");
}

TEST(FormatPercentTest, RoundsHalfUp) {
  EXPECT_EQ(FormatPercent(1, 16), "6.3%");    // 6.25
  EXPECT_EQ(FormatPercent(1, 8, 0), "13%");   // 12.5
  EXPECT_EQ(FormatPercent(1, 3), "33.3%");    // 33.33…
  EXPECT_EQ(FormatPercent(2, 3), "66.7%");    // 66.66…
  EXPECT_EQ(FormatPercent(1, 200, 0), "1%");  // 0.5
  EXPECT_EQ(FormatPercent(1, 1000), "0.1%");
  EXPECT_EQ(FormatPercent(1, 2001), "0.0%");  // 0.0499…
  // 0.15 is not exact in binary; integer arithmetic still rounds it up.
  EXPECT_EQ(FormatPercent(15, 10000), "0.2%");
}

TEST(FormatPercentTest, DecimalsAndOverTarget) {
  EXPECT_EQ(FormatPercent(25, 300, 0), "8%");
  EXPECT_EQ(FormatPercent(25, 300, 2), "8.33%");
  EXPECT_EQ(FormatPercent(1, 3, 6), "33.333333%");
  EXPECT_EQ(FormatPercent(1, 3, 99), "33.333333%");  // clamped to 6
  EXPECT_EQ(FormatPercent(1, 3, -1), "33%");         // clamped to 0
  EXPECT_EQ(FormatPercent(1, 10000, 2), "0.01%");
  EXPECT_EQ(FormatPercent(320, 300), "106.7%");
  EXPECT_EQ(FormatPercent(3000, 1), "300000.0%");
}

TEST(FormatPercentTest, SignsAndExtremes) {
  EXPECT_EQ(FormatPercent(-1, 8), "-12.5%");
  EXPECT_EQ(FormatPercent(1, -8), "-12.5%");
  EXPECT_EQ(FormatPercent(-1, -8), "12.5%");
  EXPECT_EQ(FormatPercent(-1, 3000), "0.0%");  // no "-0.0%"
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ(FormatPercent(kMax, kMax), "100.0%");
  EXPECT_EQ(FormatPercent(kMin, kMin), "100.0%");
  EXPECT_EQ(FormatPercent(kMax, 1, 0), "922337203685477580700%");
  EXPECT_EQ(FormatPercent(1, kMax), "0.0%");
}

TEST(FormatCountTest, ThousandsSeparators) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(7), "7");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1,000");
  EXPECT_EQ(FormatCount(1234), "1,234");
  EXPECT_EQ(FormatCount(12345), "12,345");
  EXPECT_EQ(FormatCount(123456), "123,456");
  EXPECT_EQ(FormatCount(1000000), "1,000,000");
  EXPECT_EQ(FormatCount(-1234567), "-1,234,567");
  EXPECT_EQ(FormatCount(-12), "-12");
  EXPECT_EQ(FormatCount(std::numeric_limits<std::int64_t>::max()), "9,223,372,036,854,775,807");
  EXPECT_EQ(FormatCount(std::numeric_limits<std::int64_t>::min()), "-9,223,372,036,854,775,808");
}

}  // namespace
}  // namespace tsunagu::reports
