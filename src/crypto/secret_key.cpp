#include "crypto/secret_key.hpp"

#include <sodium.h>

#include <new>
#include <utility>

namespace tsunagu::crypto {

SecretKey::SecretKey() : data_(static_cast<unsigned char*>(sodium_malloc(kSize))) {
  if (data_ == nullptr) throw std::bad_alloc();
  sodium_memzero(data_, kSize);
}

SecretKey SecretKey::Random() {
  SecretKey key;
  randombytes_buf(key.data_, kSize);
  return key;
}

SecretKey::SecretKey(SecretKey&& other) noexcept : data_(std::exchange(other.data_, nullptr)) {}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
  if (this != &other) {
    sodium_free(data_);
    data_ = std::exchange(other.data_, nullptr);
  }
  return *this;
}

// sodium_free wipes the memory before releasing it.
SecretKey::~SecretKey() {
  sodium_free(data_);
}

}  // namespace tsunagu::crypto
