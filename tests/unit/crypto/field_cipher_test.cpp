#include "crypto/field_cipher.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "crypto/init.hpp"
#include "crypto/random.hpp"

namespace tsunagu::crypto {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteText(const fs::path& path, const std::string& text, fs::perms perms) {
  {
    std::ofstream out(path, std::ios::trunc);
    out << text;
  }
  fs::permissions(path, perms);
}

class FieldCipherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(Initialize()); }

  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "tsunagu-keyring-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  static mode_t ModeOf(const fs::path& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0);
    return st.st_mode & 07777;
  }

  fs::path dir_;
};

TEST_F(FieldCipherTest, RoundTripWithFormat) {
  FieldCipher cipher(Keyring::Generate());
  const std::string stored = cipher.Encrypt("山田 太郎", "client:42:name");
  const std::string prefix = "v1." + cipher.keyring().current_kid() + ".";
  ASSERT_EQ(stored.substr(0, prefix.size()), prefix);
  const auto payload = Base64Decode(stored.substr(prefix.size()));
  ASSERT_TRUE(payload.has_value());
  EXPECT_EQ(payload->size(), 24u + std::string("山田 太郎").size() + 16u);
  EXPECT_EQ(stored.find("山田"), std::string::npos);

  auto plain = cipher.Decrypt(stored, "client:42:name");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "山田 太郎");
}

TEST_F(FieldCipherTest, EmptyPlaintextRoundTrips) {
  FieldCipher cipher(Keyring::Generate());
  auto plain = cipher.Decrypt(cipher.Encrypt("", ""), "");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "");
}

TEST_F(FieldCipherTest, RandomNonceGivesDifferentCiphertexts) {
  FieldCipher cipher(Keyring::Generate());
  EXPECT_NE(cipher.Encrypt("same", "ad"), cipher.Encrypt("same", "ad"));
}

TEST_F(FieldCipherTest, WrongAssociatedDataFails) {
  FieldCipher cipher(Keyring::Generate());
  const std::string stored = cipher.Encrypt("diagnosis", "client:42:diagnosis");
  auto moved = cipher.Decrypt(stored, "client:43:diagnosis");
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().message_key, "error.decrypt_failed");
  EXPECT_EQ(moved.error().code, core::ErrorCode::kInternal);
  EXPECT_FALSE(cipher.Decrypt(stored, "").ok());
}

TEST_F(FieldCipherTest, EveryTamperedByteIsDetected) {
  FieldCipher cipher(Keyring::Generate());
  const std::string stored = cipher.Encrypt("note", "ad");
  const std::string prefix = "v1." + cipher.keyring().current_kid() + ".";
  std::string sealed = *Base64Decode(stored.substr(prefix.size()));
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    std::string changed = sealed;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    auto result = cipher.Decrypt(prefix + Base64Encode(changed), "ad");
    ASSERT_FALSE(result.ok()) << "byte " << i;
    EXPECT_EQ(result.error().message_key, "error.decrypt_failed");
  }
  // Truncated and malformed values.
  EXPECT_FALSE(cipher.Decrypt(prefix + Base64Encode(sealed.substr(0, 39)), "ad").ok());
  EXPECT_FALSE(cipher.Decrypt(stored.substr(0, stored.size() - 4), "ad").ok());
  EXPECT_FALSE(cipher.Decrypt("v2" + stored.substr(2), "ad").ok());
  EXPECT_FALSE(cipher.Decrypt("plain text", "ad").ok());
  EXPECT_FALSE(cipher.Decrypt("", "ad").ok());
  EXPECT_FALSE(cipher.Decrypt(prefix + "!!!!", "ad").ok());
}

TEST_F(FieldCipherTest, UnknownKidAndOtherKeyringFail) {
  FieldCipher cipher(Keyring::Generate());
  FieldCipher other(Keyring::Generate());
  const std::string stored = cipher.Encrypt("x", "ad");
  const std::string prefix = "v1." + cipher.keyring().current_kid() + ".";
  auto unknown = cipher.Decrypt("v1.knotthere." + stored.substr(prefix.size()), "ad");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message_key, "error.unknown_key_id");
  EXPECT_FALSE(other.Decrypt(stored, "ad").ok());
}

TEST_F(FieldCipherTest, RotationKeepsOldValuesReadable) {
  FieldCipher before(Keyring::Generate());
  const std::string old_value = before.Encrypt("old", "ad");

  fs::path path = dir_ / "keys";
  ASSERT_TRUE(Keyring::GenerateFile(path).ok());
  auto first = Keyring::LoadFile(path);
  ASSERT_TRUE(first.ok());
  const std::string first_kid = first->current_kid();
  FieldCipher cipher_v1(std::move(first).value());
  const std::string value_v1 = cipher_v1.Encrypt("first", "ad");
  const std::string index_v1 = cipher_v1.BlindIndex("yamada", "client.name");

  auto rotated_kid = Keyring::RotateFile(path);
  ASSERT_TRUE(rotated_kid.ok());
  EXPECT_NE(*rotated_kid, first_kid);
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_FALSE(fs::exists(dir_ / "keys.new"));

  auto second = Keyring::LoadFile(path);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->current_kid(), *rotated_kid);
  EXPECT_EQ(second->KeyIds().size(), 2u);
  FieldCipher cipher_v2(std::move(second).value());
  EXPECT_TRUE(cipher_v2.NeedsReencrypt(value_v1));
  auto still = cipher_v2.Decrypt(value_v1, "ad");
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(*still, "first");
  const std::string value_v2 = cipher_v2.Encrypt("second", "ad");
  EXPECT_FALSE(cipher_v2.NeedsReencrypt(value_v2));
  EXPECT_EQ(value_v2.substr(0, 3 + rotated_kid->size()), "v1." + *rotated_kid);
  // The blind-index key does not rotate, so existing indexes stay valid.
  EXPECT_EQ(cipher_v2.BlindIndex("yamada", "client.name"), index_v1);
  // A keyring that never held the old key cannot read it.
  EXPECT_FALSE(cipher_v2.Decrypt(old_value, "ad").ok());
}

TEST_F(FieldCipherTest, AddKeyInMemory) {
  Keyring keyring = Keyring::Generate();
  const std::string first = keyring.current_kid();
  const std::string second = keyring.AddKey();
  EXPECT_NE(first, second);
  EXPECT_EQ(keyring.current_kid(), second);
  EXPECT_NE(keyring.Find(first), nullptr);
  EXPECT_EQ(keyring.Find("nope"), nullptr);
}

TEST_F(FieldCipherTest, BlindIndexIsDeterministicKeyedAndPerPurpose) {
  FieldCipher cipher(Keyring::Generate());
  FieldCipher other(Keyring::Generate());
  const std::string a = cipher.BlindIndex("09012345678", "client.phone");
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a, cipher.BlindIndex("09012345678", "client.phone"));
  EXPECT_NE(a, cipher.BlindIndex("09012345678", "client.name"));
  EXPECT_NE(a, cipher.BlindIndex("09012345679", "client.phone"));
  EXPECT_NE(a, other.BlindIndex("09012345678", "client.phone"));
  EXPECT_NE(a, HashToken("09012345678"));
  // Purpose and value cannot slide into each other.
  EXPECT_NE(cipher.BlindIndex("c", "ab"), cipher.BlindIndex("bc", "a"));
}

TEST_F(FieldCipherTest, GenerateFileCreates0600AndRefusesOverwrite) {
  const fs::path path = dir_ / "keys";
  ASSERT_TRUE(Keyring::GenerateFile(path).ok());
  EXPECT_EQ(ModeOf(path), 0600u);
  const std::string text = ReadAll(path);
  EXPECT_NE(text.find("format tsunagu-keyring-v1"), std::string::npos);
  EXPECT_NE(text.find("blind_index "), std::string::npos);

  auto again = Keyring::GenerateFile(path);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().message_key, "error.keyfile_exists");
  EXPECT_EQ(ReadAll(path), text);

  auto loaded = Keyring::LoadFile(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->KeyIds().size(), 1u);
}

TEST_F(FieldCipherTest, GenerateFileIgnoresPermissiveUmask) {
  const mode_t old = ::umask(0);
  const fs::path path = dir_ / "keys";
  const auto status = Keyring::GenerateFile(path);
  ::umask(old);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(ModeOf(path), 0600u);
}

TEST_F(FieldCipherTest, LoadFileChecksPermissions) {
  const fs::path path = dir_ / "keys";
  ASSERT_TRUE(Keyring::GenerateFile(path).ok());
  using P = fs::perms;
  for (const P bad : {P::owner_read | P::owner_write | P::group_read,
                      P::owner_read | P::owner_write | P::others_read,
                      P::owner_read | P::group_read | P::others_read,
                      P::owner_all,  // 0700: executable key file is not expected either
                      P::owner_read | P::owner_write | P::group_write}) {
    fs::permissions(path, bad);
    auto loaded = Keyring::LoadFile(path);
    ASSERT_FALSE(loaded.ok()) << std::oct << static_cast<int>(bad);
    EXPECT_EQ(loaded.error().message_key, "error.keyfile_permissions");
  }
  fs::permissions(path, P::owner_read);
  EXPECT_TRUE(Keyring::LoadFile(path).ok());
  fs::permissions(path, P::owner_read | P::owner_write);
  EXPECT_TRUE(Keyring::LoadFile(path).ok());
}

TEST_F(FieldCipherTest, LoadFileErrors) {
  auto missing = Keyring::LoadFile(dir_ / "absent");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message_key, "error.keyfile_unreadable");
  auto directory = Keyring::LoadFile(dir_);
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.error().message_key, "error.keyfile_unreadable");
}

TEST_F(FieldCipherTest, ParseAcceptsCommentsAndRejectsBadFiles) {
  const std::string key_a = Base64Encode(std::string(32, 'a'));
  const std::string key_b = Base64Encode(std::string(32, 'b'));
  const std::string good =
      "# keys\nformat tsunagu-keyring-v1\ncurrent k2  # newest\n"
      "key k1 " +
      key_a + "\nkey k2 " + key_b + "\n\nblind_index " + key_a + "\n";
  auto parsed = Keyring::Parse(good);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->current_kid(), "k2");
  EXPECT_EQ(parsed->KeyIds(), (std::vector<std::string>{"k1", "k2"}));

  const std::vector<std::string> bad = {
      "",
      "format tsunagu-keyring-v1\ncurrent k1\nkey k1 " + key_a + "\n",  // no blind index
      "format tsunagu-keyring-v1\ncurrent k9\nkey k1 " + key_a + "\nblind_index " + key_a,
      "current k1\nkey k1 " + key_a + "\nblind_index " + key_a,  // no format line
      "format tsunagu-keyring-v2\ncurrent k1\nkey k1 " + key_a + "\nblind_index " + key_a,
      "format tsunagu-keyring-v1\ncurrent k1\nkey k1 " + Base64Encode(std::string(16, 'a')) +
          "\nblind_index " + key_a,  // short key
      "format tsunagu-keyring-v1\ncurrent k1\nkey k1 " + key_a + "\nkey k1 " + key_b +
          "\nblind_index " + key_a,  // duplicate kid
      "format tsunagu-keyring-v1\ncurrent k.1\nkey k.1 " + key_a + "\nblind_index " + key_a,
      "format tsunagu-keyring-v1\ncurrent k1\nkey k1 " + key_a + "\nblind_index " + key_a +
          "\nextra line",
  };
  for (const std::string& text : bad) {
    auto result = Keyring::Parse(text);
    ASSERT_FALSE(result.ok()) << text;
    EXPECT_EQ(result.error().message_key, "error.keyfile_invalid");
  }
}

TEST_F(FieldCipherTest, LoadedFileDecryptsWhatParsedKeysEncrypted) {
  const std::string key_a = Base64Encode(std::string(32, 'a'));
  const std::string text =
      "format tsunagu-keyring-v1\ncurrent k1\nkey k1 " + key_a + "\nblind_index " + key_a + "\n";
  const fs::path path = dir_ / "keys";
  WriteText(path, text, fs::perms::owner_read | fs::perms::owner_write);
  auto from_file = Keyring::LoadFile(path);
  ASSERT_TRUE(from_file.ok());
  auto from_text = Keyring::Parse(text);
  ASSERT_TRUE(from_text.ok());
  FieldCipher a(std::move(from_file).value());
  FieldCipher b(std::move(from_text).value());
  auto plain = b.Decrypt(a.Encrypt("same key", "ad"), "ad");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "same key");
}

}  // namespace
}  // namespace tsunagu::crypto
