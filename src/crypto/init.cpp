#include "crypto/init.hpp"

#include <liboath/oath.h>
#include <sodium.h>

namespace tsunagu::crypto {

bool Initialize() {
  // sodium_init returns 1 when it already ran, which is as good as 0.
  if (sodium_init() < 0) return false;
  return oath_init() == OATH_OK;
}

}  // namespace tsunagu::crypto
