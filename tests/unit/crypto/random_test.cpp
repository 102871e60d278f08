#include "crypto/random.hpp"

#include <gtest/gtest.h>

#include <set>

#include "crypto/init.hpp"

namespace tsunagu::crypto {
namespace {

class CryptoRandomTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(Initialize()); }
};

TEST_F(CryptoRandomTest, InitializeCanRunTwice) {
  EXPECT_TRUE(Initialize());
}

TEST_F(CryptoRandomTest, RandomTokenIsUrlSafeUnpaddedAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string token = RandomToken();
    EXPECT_EQ(token.size(), 43u);  // 32 bytes -> ceil(256 / 6) characters
    EXPECT_EQ(
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << token;
    EXPECT_TRUE(seen.insert(token).second);
  }
  EXPECT_EQ(RandomToken(16).size(), 22u);
}

TEST_F(CryptoRandomTest, HashTokenIsBlake2b256Hex) {
  // BLAKE2b-256 of the empty string, from the BLAKE2 reference implementation.
  EXPECT_EQ(HashToken(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(HashToken("abc").size(), 64u);
  EXPECT_NE(HashToken("abc"), HashToken("abd"));
  EXPECT_EQ(HashToken("abc"), HashToken("abc"));
}

TEST_F(CryptoRandomTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret "));
  EXPECT_FALSE(ConstantTimeEquals("", "x"));
}

TEST_F(CryptoRandomTest, Base64RoundTripAndRfc4648Vectors) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Encode("\xfb\xff"), "+/8=");
  const std::string binary("\x00\x01\xfe\xff zero", 9);
  EXPECT_EQ(Base64Decode(Base64Encode(binary)), binary);
  EXPECT_EQ(Base64Decode("Zm9vYmFy"), "foobar");
  EXPECT_EQ(Base64Decode(""), "");
}

TEST_F(CryptoRandomTest, Base64DecodeRejectsInvalidInput) {
  EXPECT_FALSE(Base64Decode("Zg").has_value());     // padding missing
  EXPECT_FALSE(Base64Decode("Zm9v!").has_value());  // bad character
  EXPECT_FALSE(Base64Decode("Zm9v Zm9v").has_value());
  EXPECT_FALSE(Base64Decode("-_8=").has_value());  // URL-safe alphabet is another variant
}

TEST_F(CryptoRandomTest, HexAndSha256) {
  EXPECT_EQ(HexEncode(std::string("\x00\xab\xff", 3)), "00abff");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace tsunagu::crypto
