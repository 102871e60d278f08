#include <gtest/gtest.h>

#include "crypto/init.hpp"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (!tsunagu::crypto::Initialize()) return 1;
  return RUN_ALL_TESTS();
}
