#include <gtest/gtest.h>

#include <string>

#include "auth/password.hpp"
#include "core/config.hpp"
#include "crypto/init.hpp"

namespace tsunagu::auth {
namespace {

class PasswordHashPrimitivesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(crypto::Initialize()); }
  const PasswordHasherOptions fast_ = PasswordHasherOptions::ForTests();
};

TEST_F(PasswordHashPrimitivesTest, HashIsArgon2idAndVerifies) {
  const std::string hash = HashPassword("correct horse 馬 battery", fast_);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(VerifyPassword(hash, "correct horse 馬 battery"));
  EXPECT_FALSE(VerifyPassword(hash, "correct horse 馬 batterY"));
  EXPECT_FALSE(VerifyPassword(hash, ""));
}

TEST_F(PasswordHashPrimitivesTest, SaltMakesHashesDiffer) {
  EXPECT_NE(HashPassword("same password here", fast_), HashPassword("same password here", fast_));
}

TEST_F(PasswordHashPrimitivesTest, DefaultCostIsThreePassesAnd64MiB) {
  const PasswordHasherOptions defaults;
  EXPECT_EQ(defaults.opslimit, 3u);
  EXPECT_EQ(defaults.memlimit, 64u * 1024 * 1024);
  const std::string hash = HashPassword("a real default-cost hash", defaults);
  EXPECT_NE(hash.find("$m=65536,t=3,"), std::string::npos) << hash;
  EXPECT_TRUE(VerifyPassword(hash, "a real default-cost hash"));
  EXPECT_FALSE(NeedsRehash(hash));
}

TEST_F(PasswordHashPrimitivesTest, GarbageHashNeverVerifies) {
  EXPECT_FALSE(VerifyPassword("", "x"));
  EXPECT_FALSE(VerifyPassword("not a hash", "not a hash"));
  EXPECT_FALSE(VerifyPassword(std::string(500, '$'), "x"));
  EXPECT_TRUE(NeedsRehash("not a hash"));
}

TEST_F(PasswordHashPrimitivesTest, NeedsRehashWhenCostChangesOrAlgorithmIsOld) {
  const std::string hash = HashPassword("some long password", fast_);
  EXPECT_FALSE(NeedsRehash(hash, fast_));
  EXPECT_TRUE(NeedsRehash(hash));  // default cost is higher
  char argon2i[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_argon2i_str(argon2i, "pw", 2, crypto_pwhash_argon2i_OPSLIMIT_MIN,
                                      crypto_pwhash_argon2i_MEMLIMIT_MIN),
            0);
  EXPECT_TRUE(VerifyPassword(argon2i, "pw"));
  EXPECT_TRUE(NeedsRehash(argon2i, PasswordHasherOptions{crypto_pwhash_argon2i_OPSLIMIT_MIN,
                                                         crypto_pwhash_argon2i_MEMLIMIT_MIN}));
}

class PasswordPolicyPrimitivesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = PasswordPolicy::Load(core::SourceDir() + "/data/common-passwords.txt");
    ASSERT_TRUE(loaded.ok());
    policy_ = new PasswordPolicy(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete policy_;
    policy_ = nullptr;
  }

  static std::string KeyOf(const core::Status& status) {
    return status.ok() ? "ok" : status.error().message_key;
  }
  static std::string Check(std::string_view password, std::string_view who = "") {
    return KeyOf(policy_->Check(password, who));
  }

  static inline PasswordPolicy* policy_ = nullptr;
};

TEST_F(PasswordPolicyPrimitivesTest, LengthCountsCodePoints) {
  EXPECT_EQ(Check("abcdefgh1234"), "password.too_short");  // 12
  EXPECT_EQ(Check("wkq8 zmt2 pfj"), "ok");                 // 13
  // 12 kana are 36 bytes but still too short; 13 are enough.
  EXPECT_EQ(Check("つなぐしえんのぱすわーど"), "password.too_short");
  EXPECT_EQ(Check("つなぐしえんのぱすわーどだ"), "ok");
  EXPECT_EQ(Check(std::string(128, 'x') + std::string(128, 'y')), "ok");
  EXPECT_EQ(Check(std::string(128, 'x') + std::string(129, 'y')), "password.too_long");
  std::string kana;
  for (int i = 0; i < 32; ++i) kana += "つなぐしえんです";  // 256 code points, 768 bytes
  EXPECT_EQ(Check(kana), "ok");
  EXPECT_EQ(Check(kana + "ね"), "password.too_long");
}

TEST_F(PasswordPolicyPrimitivesTest, ErrorsAreInvalidInputOnPasswordField) {
  const core::Status status = policy_->Check("short", "");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::ErrorCode::kInvalidInput);
  ASSERT_EQ(status.error().fields.size(), 1u);
  EXPECT_EQ(status.error().fields[0].field, "password");
  EXPECT_EQ(status.error().fields[0].message_key, "password.too_short");
}

TEST_F(PasswordPolicyPrimitivesTest, CommonPasswordsAreRefused) {
  EXPECT_EQ(Check("password1234567"), "password.common");
  EXPECT_EQ(Check("PASSWORD1234567"), "password.common");
  EXPECT_EQ(Check("1234567890123"), "password.common");
  EXPECT_EQ(Check("qwertyuiopasdf"), "password.common");
  EXPECT_EQ(Check("iloveyou12345"), "password.common");
  EXPECT_EQ(Check("Sakura2024!!!!"), "password.common");  // word, then digits and symbols
  EXPECT_EQ(Check("takahashi19850101"), "password.common");
  EXPECT_EQ(Check("P@ssw0rd123456!"), "password.common");  // look-alike substitutions
  EXPECT_EQ(Check("1qaz2wsx3edc4rfv"), "password.common");
  EXPECT_EQ(Check("correcthorsebatterystaple"), "password.common");
}

TEST_F(PasswordPolicyPrimitivesTest, RepeatedCharactersAndUnitsAreRefused) {
  EXPECT_EQ(Check("aaaaaaaaaaaaaaa"), "password.common");
  EXPECT_EQ(Check("あああああああああああああ"), "password.common");
  EXPECT_EQ(Check("abababababababab"), "password.common");
  EXPECT_EQ(Check("xyz1xyz1xyz1xyz1"), "password.common");
}

TEST_F(PasswordPolicyPrimitivesTest, GoodPassphrasesPass) {
  EXPECT_EQ(Check("murasaki-kumo-7-tsuru"), "ok");
  EXPECT_EQ(Check("sakura is blooming in kyoto"), "ok");  // words in a phrase are fine
  EXPECT_EQ(Check("猫と一緒に朝ごはんを食べる"), "ok");
  EXPECT_EQ(Check("Tr0ub4dor&3-horse"), "ok");
}

TEST_F(PasswordPolicyPrimitivesTest, IdentityIsRefused) {
  EXPECT_EQ(Check("xx-tanaka.taro-2024", "tanaka.taro@example.jp"), "password.contains_identity");
  EXPECT_EQ(Check("my TANAKA secret phrase", "tanaka.taro@example.jp"),
            "password.contains_identity");
  EXPECT_EQ(Check("blue river mountain", "tanaka.taro@example.jp"), "ok");
  EXPECT_EQ(Check("hello kenji-san 2024", "kenji@example.jp"), "password.contains_identity");
  // The domain is not the user's identity.
  EXPECT_EQ(Check("example jp rocks here", "kenji@example.jp"), "ok");
  EXPECT_EQ(Check("山田太郎のながいパスワードです", "山田太郎"), "password.contains_identity");
  EXPECT_EQ(Check("quiet blue morning", ""), "ok");
}

TEST_F(PasswordPolicyPrimitivesTest, FromListIsCaseInsensitive) {
  const PasswordPolicy policy = PasswordPolicy::FromList("CorrectBatteryStaple\r\n\nother\n");
  EXPECT_EQ(KeyOf(policy.Check("correctbatterystaple", "")), "password.common");
  EXPECT_EQ(KeyOf(policy.Check("CORRECTBATTERYSTAPLE99", "")), "password.common");
  EXPECT_EQ(KeyOf(policy.Check("some other phrase", "")), "ok");
}

TEST_F(PasswordPolicyPrimitivesTest, MissingListIsAnError) {
  auto loaded = PasswordPolicy::Load("/nonexistent/common-passwords.txt");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message_key, "error.password_list_unreadable");
}

}  // namespace
}  // namespace tsunagu::auth
