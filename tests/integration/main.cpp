#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include "crypto/init.hpp"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (!tsunagu::crypto::Initialize()) return 1;
  // Access lines for every request would drown the test output; warnings and errors stay.
  spdlog::set_level(spdlog::level::warn);
  return RUN_ALL_TESTS();
}
