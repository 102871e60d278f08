// tsunagu: the command-line entry point (serve, migrate, demo, user, org, backup, restore,
// audit verify, keys generate).
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/app.hpp"
#include "app/cli.hpp"
#include "crypto/init.hpp"

int main(int argc, char** argv) {
  // Databases, backups, key files and mail folders hold personal data: private by default.
  ::umask(077);
  if (!tsunagu::crypto::Initialize()) {
    std::cerr << "libsodium could not be initialised\n";
    return 1;
  }
  return tsunagu::app::RunCli(argc, argv);
}
