#include <gtest/gtest.h>

#include <set>

#include "auth/recovery_codes.hpp"
#include "crypto/init.hpp"
#include "crypto/random.hpp"

namespace tsunagu::auth {
namespace {

class RecoveryCodesPrimitivesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(crypto::Initialize()); }
  const PasswordHasherOptions fast_ = PasswordHasherOptions::ForTests();
};

TEST_F(RecoveryCodesPrimitivesTest, FormatAndAlphabet) {
  const std::vector<std::string> codes = NewRecoveryCodes();
  ASSERT_EQ(codes.size(), 10u);
  for (const std::string& code : codes) {
    ASSERT_EQ(code.size(), 19u) << code;
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(code[9], '-');
    EXPECT_EQ(code[14], '-');
    const std::string symbols = NormalizeRecoveryCode(code);
    EXPECT_EQ(symbols.size(), 16u);
    EXPECT_EQ(symbols.find_first_not_of(kRecoveryAlphabet), std::string::npos) << code;
    EXPECT_EQ(code.find_first_of("01ilo"), std::string::npos);
    EXPECT_TRUE(LooksLikeRecoveryCode(code));
  }
  EXPECT_EQ(NewRecoveryCodes(3).size(), 3u);
  EXPECT_TRUE(NewRecoveryCodes(0).empty());
  EXPECT_EQ(kRecoveryAlphabet.size(), 31u);
  EXPECT_FALSE(LooksLikeRecoveryCode("123456"));
  EXPECT_FALSE(LooksLikeRecoveryCode("ab2c-d3ef-gh")) << "the old 10-symbol shape";
}

TEST_F(RecoveryCodesPrimitivesTest, CodesAreUniqueAndUseWholeAlphabet) {
  std::set<std::string> seen;
  std::set<char> symbols;
  for (const std::string& code : NewRecoveryCodes(1000)) {
    EXPECT_TRUE(seen.insert(code).second);
    for (char c : code) symbols.insert(c);
  }
  symbols.erase('-');
  EXPECT_EQ(symbols.size(), kRecoveryAlphabet.size());
}

TEST_F(RecoveryCodesPrimitivesTest, StoredAsSaltedArgon2id) {
  EXPECT_EQ(NormalizeRecoveryCode("AB2C-D3EF-GH"), "ab2cd3efgh");
  EXPECT_EQ(NormalizeRecoveryCode(" ab2c d3ef gh "), "ab2cd3efgh");
  const std::string code = NewRecoveryCodes(1).front();
  const std::string stored = HashRecoveryCode(code, fast_);
  EXPECT_EQ(stored.rfind("$argon2id$", 0), 0u);
  EXPECT_NE(HashRecoveryCode(code, fast_), stored) << "salted: the same code hashes differently";
  EXPECT_TRUE(VerifyRecoveryCode(code, stored));
  std::string upper = code;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_TRUE(VerifyRecoveryCode(upper, stored));
  std::string other = code;
  other.back() = other.back() == 'z' ? 'y' : 'z';
  EXPECT_FALSE(VerifyRecoveryCode(other, stored));
  // An unsalted hash from before is never accepted.
  EXPECT_FALSE(VerifyRecoveryCode(code, crypto::HashToken(NormalizeRecoveryCode(code))));
}

}  // namespace
}  // namespace tsunagu::auth
