#pragma once

namespace tsunagu::app {

// Parses the command line and runs one subcommand; returns the process exit code.
int RunCli(int argc, char** argv);

}  // namespace tsunagu::app
