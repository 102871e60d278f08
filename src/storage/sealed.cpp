#include "storage/sealed.hpp"

#include "storage/database.hpp"

namespace tsunagu::storage {

std::string Unseal(const crypto::FieldCipher& cipher, const std::string& stored,
                   const std::string& ad) {
  if (stored.empty()) return {};
  auto plain = cipher.Decrypt(stored, ad);
  if (!plain) throw Abort{plain.error()};
  return *plain;
}

}  // namespace tsunagu::storage
