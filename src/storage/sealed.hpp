// Encrypted columns read inside a transaction (crypto::FieldCipher, SECURITY.md rule 6).
#pragma once

#include <string>

#include "crypto/field_cipher.hpp"

namespace tsunagu::storage {

// The plain text of a sealed column. A value never written (empty column) reads as empty
// text; one that does not open (wrong key, tampered, moved to another row) aborts the
// transaction with the cipher's error rather than showing anything.
std::string Unseal(const crypto::FieldCipher& cipher, const std::string& stored,
                   const std::string& ad);

}  // namespace tsunagu::storage
