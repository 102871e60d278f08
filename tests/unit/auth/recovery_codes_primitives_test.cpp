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
};

TEST_F(RecoveryCodesPrimitivesTest, FormatAndAlphabet) {
  const std::vector<std::string> codes = NewRecoveryCodes();
  ASSERT_EQ(codes.size(), 10u);
  for (const std::string& code : codes) {
    ASSERT_EQ(code.size(), 12u) << code;
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(code[9], '-');
    const std::string symbols = code.substr(0, 4) + code.substr(5, 4) + code.substr(10);
    EXPECT_EQ(symbols.find_first_not_of(kRecoveryAlphabet), std::string::npos) << code;
    EXPECT_EQ(code.find_first_of("01ilo"), std::string::npos);
  }
  EXPECT_EQ(NewRecoveryCodes(3).size(), 3u);
  EXPECT_TRUE(NewRecoveryCodes(0).empty());
  EXPECT_EQ(kRecoveryAlphabet.size(), 31u);
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

TEST_F(RecoveryCodesPrimitivesTest, NormalizeAndHash) {
  EXPECT_EQ(NormalizeRecoveryCode("AB2C-D3EF-GH"), "ab2cd3efgh");
  EXPECT_EQ(NormalizeRecoveryCode(" ab2c d3ef gh "), "ab2cd3efgh");
  const std::string code = NewRecoveryCodes(1).front();
  EXPECT_EQ(HashRecoveryCode(code), crypto::HashToken(NormalizeRecoveryCode(code)));
  std::string upper = code;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(HashRecoveryCode(upper), HashRecoveryCode(code));
  EXPECT_NE(HashRecoveryCode("ab2c-d3ef-gh"), HashRecoveryCode("ab2c-d3ef-gj"));
}

}  // namespace
}  // namespace tsunagu::auth
