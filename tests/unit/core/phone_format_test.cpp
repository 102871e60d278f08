// Phone numbers hyphenated by area code with libphonenumber (issue 14 point 12).
#include "core/phone_format.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace tsunagu::core {
namespace {

TEST(PhoneFormat, JapaneseNumbersAreHyphenatedByAreaCode) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"0312345678", "03-1234-5678"},    // 東京: two-digit area code
      {"0486001234", "048-600-1234"},    // さいたま: three digits
      {"0480123456", "0480-12-3456"},    // 久喜: four digits
      {"0126712345", "01267-1-2345"},    // 五桁の市外局番（岩見沢市）
      {"09012345678", "090-1234-5678"},  // mobile
      {"0120123456", "0120-123-456"},    // フリーダイヤル
      {"05012345678", "050-1234-5678"},  // IP phone
      {"03-1234-5678", "03-1234-5678"},  // already hyphenated
      {"+81312345678", "03-1234-5678"},  // international form
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(FormatPhoneJp(in), want) << in;
}

TEST(PhoneFormat, WhatIsNotAValidJapaneseNumberIsShownAsGiven) {
  for (const std::string& in : std::vector<std::string>{
           "", "12", "0000000000", "内線123", "+12025550123", std::string(40, '9'), "<script>"}) {
    EXPECT_EQ(FormatPhoneJp(in), in) << in;
  }
}

TEST(PhoneFormat, ManyThreadsAtOnceGetTheSameAnswers) {
  std::vector<std::thread> threads;
  std::vector<std::string> got(8);
  for (std::size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&got, i] {
      for (int n = 0; n < 200; ++n) got[i] = FormatPhoneJp("09012345678");
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& g : got) EXPECT_EQ(g, "090-1234-5678");
}

}  // namespace
}  // namespace tsunagu::core
