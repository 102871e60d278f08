#include <gtest/gtest.h>

#include <set>

#include "auth/totp.hpp"
#include "crypto/init.hpp"

namespace tsunagu::auth {
namespace {

// RFC 6238 appendix B uses the ASCII secret "12345678901234567890" for SHA-1.
constexpr std::string_view kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

class TotpPrimitivesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(crypto::Initialize()); }
};

TEST_F(TotpPrimitivesTest, Rfc6238Sha1VectorsLastSixDigits) {
  EXPECT_EQ(TotpCodeAt(kRfcSecret, 59), "287082");           // 94287082
  EXPECT_EQ(TotpCodeAt(kRfcSecret, 1111111109), "081804");   // 07081804
  EXPECT_EQ(TotpCodeAt(kRfcSecret, 1111111111), "050471");   // 14050471
  EXPECT_EQ(TotpCodeAt(kRfcSecret, 1234567890), "005924");   // 89005924
  EXPECT_EQ(TotpCodeAt(kRfcSecret, 2000000000), "279037");   // 69279037
  EXPECT_EQ(TotpCodeAt(kRfcSecret, 20000000000), "353130");  // 65353130
}

TEST_F(TotpPrimitivesTest, SecretSpellingsAreEquivalent) {
  EXPECT_EQ(TotpCodeAt("gezdgnbvgy3tqojqgezdgnbvgy3tqojq", 59), "287082");
  EXPECT_EQ(TotpCodeAt("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", 59), "287082");
  EXPECT_EQ(TotpCodeAt("not base32!", 59), "");
  EXPECT_EQ(TotpCodeAt("", 59), "");
}

TEST_F(TotpPrimitivesTest, NewSecretIs160BitBase32) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string secret = NewTotpSecret();
    EXPECT_EQ(secret.size(), 32u);
    EXPECT_EQ(secret.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos);
    EXPECT_EQ(TotpCodeAt(secret, 1700000000).size(), 6u);
    EXPECT_TRUE(seen.insert(secret).second);
  }
}

TEST_F(TotpPrimitivesTest, OtpauthUriIsPercentEncoded) {
  EXPECT_EQ(OtpauthUri("Tsunagu", "user@example.jp", "ABC234"),
            "otpauth://totp/Tsunagu:user%40example.jp?secret=ABC234&issuer=Tsunagu"
            "&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(OtpauthUri("つなぐ 支援", "a b&c", "X"),
            "otpauth://totp/%E3%81%A4%E3%81%AA%E3%81%90%20%E6%94%AF%E6%8F%B4:a%20b%26c"
            "?secret=X&issuer=%E3%81%A4%E3%81%AA%E3%81%90%20%E6%94%AF%E6%8F%B4"
            "&algorithm=SHA1&digits=6&period=30");
}

TEST_F(TotpPrimitivesTest, AcceptsPreviousCurrentAndNextStepOnly) {
  const std::int64_t now = 1111111111;  // step 37037037, 1 s into the step
  const std::int64_t step = now / 30;
  EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCodeAt(kRfcSecret, now), now, -1), step);
  EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCodeAt(kRfcSecret, now - 30), now, -1), step - 1);
  EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCodeAt(kRfcSecret, now + 30), now, -1), step + 1);
  EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCodeAt(kRfcSecret, now - 60), now, -1), std::nullopt);
  EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCodeAt(kRfcSecret, now + 60), now, -1), std::nullopt);
}

TEST_F(TotpPrimitivesTest, WindowEdgesFollowStepBoundaries) {
  const std::int64_t step_start = 1111111110;  // first second of step 37037037
  const std::string code = TotpCodeAt(kRfcSecret, step_start);
  // Valid from the first second of the previous step to the last second of the next one.
  EXPECT_TRUE(VerifyTotp(kRfcSecret, code, step_start - 30, -1).has_value());
  EXPECT_FALSE(VerifyTotp(kRfcSecret, code, step_start - 31, -1).has_value());
  EXPECT_TRUE(VerifyTotp(kRfcSecret, code, step_start + 59, -1).has_value());
  EXPECT_FALSE(VerifyTotp(kRfcSecret, code, step_start + 60, -1).has_value());
  // The RFC code at time 59 is the last second of step 1.
  EXPECT_EQ(VerifyTotp(kRfcSecret, "287082", 59, -1), 1);
  EXPECT_EQ(VerifyTotp(kRfcSecret, "287082", 89, -1), 1);
  EXPECT_EQ(VerifyTotp(kRfcSecret, "287082", 90, -1), std::nullopt);
}

TEST_F(TotpPrimitivesTest, ReplayOfUsedStepIsRefused) {
  const std::int64_t now = 1234567890;
  const std::string code = TotpCodeAt(kRfcSecret, now);
  const auto first = VerifyTotp(kRfcSecret, code, now, -1);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(VerifyTotp(kRfcSecret, code, now, *first), std::nullopt);
  EXPECT_EQ(VerifyTotp(kRfcSecret, code, now + 20, *first), std::nullopt);
  // An older code (previous step) after a newer one was used is also refused.
  EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCodeAt(kRfcSecret, now - 30), now, *first), std::nullopt);
  // The next step's code is still accepted.
  EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCodeAt(kRfcSecret, now + 30), now + 30, *first), *first + 1);
}

TEST_F(TotpPrimitivesTest, CodeFormat) {
  const std::int64_t now = 1234567890;  // code 005924
  EXPECT_TRUE(VerifyTotp(kRfcSecret, "005924", now, -1).has_value());
  EXPECT_TRUE(VerifyTotp(kRfcSecret, " 005 924 ", now, -1).has_value());
  EXPECT_FALSE(VerifyTotp(kRfcSecret, "5924", now, -1).has_value());      // leading zeros matter
  EXPECT_FALSE(VerifyTotp(kRfcSecret, "89005924", now, -1).has_value());  // 8-digit RFC form
  EXPECT_FALSE(VerifyTotp(kRfcSecret, "00592a", now, -1).has_value());
  EXPECT_FALSE(VerifyTotp(kRfcSecret, "005-924", now, -1).has_value());
  EXPECT_FALSE(VerifyTotp(kRfcSecret, "００５９２４", now, -1).has_value());  // full-width
  EXPECT_FALSE(VerifyTotp(kRfcSecret, "", now, -1).has_value());
  EXPECT_FALSE(VerifyTotp("!!!", "005924", now, -1).has_value());
  EXPECT_FALSE(VerifyTotp(NewTotpSecret(), "005924", now, -1).has_value());
}

}  // namespace
}  // namespace tsunagu::auth
