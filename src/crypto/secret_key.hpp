#pragma once

#include <cstddef>

namespace tsunagu::crypto {

// A fixed-size key in memory that libsodium keeps out of swap and core dumps (sodium_malloc:
// mlock'd, guard pages) and wipes when freed. Move-only, so a key is never copied by accident.
// Needs crypto::Initialize() to have run.
class SecretKey {
 public:
  static constexpr std::size_t kSize = 32;

  // Allocates a zero-filled key; throws std::bad_alloc when secure memory cannot be had.
  SecretKey();
  // A fresh random key.
  static SecretKey Random();

  SecretKey(SecretKey&& other) noexcept;
  SecretKey& operator=(SecretKey&& other) noexcept;
  SecretKey(const SecretKey&) = delete;
  SecretKey& operator=(const SecretKey&) = delete;
  ~SecretKey();

  unsigned char* data() { return data_; }
  const unsigned char* data() const { return data_; }
  static constexpr std::size_t size() { return kSize; }

 private:
  unsigned char* data_ = nullptr;
};

}  // namespace tsunagu::crypto
