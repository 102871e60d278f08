#pragma once

namespace tsunagu::crypto {

// Initialises libsodium and liboath. main() and every test that touches crypto call it before
// any other crypto or auth primitive; it is safe to call more than once and from several threads.
// Returns false when the libraries cannot start (no usable random source): the program must not
// go on without crypto.
[[nodiscard]] bool Initialize();

}  // namespace tsunagu::crypto
