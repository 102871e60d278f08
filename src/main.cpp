// tsunagu: the command-line entry point (serve, migrate, demo, user, org, backup, restore,
// audit verify, keys generate).
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/app.hpp"
#include "app/cli.hpp"
#include "crypto/init.hpp"

int main(int argc, char** argv) {
  if (!tsunagu::crypto::Initialize()) {
    std::cerr << "libsodium could not be initialised\n";
    return 1;
  }
  return tsunagu::app::RunCli(argc, argv);
}
