// Configuration: TOML file, then environment (TSUNAGU_*), then command-line flags.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace tsunagu::core {

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";
  std::string public_url = "http://127.0.0.1:8080";  // base of links in e-mails
  bool cookie_secure = true;  // false only for plain-http loopback development and tests
  // Requests wait on the database and the disk: with 8, booking load left a third of 2 cores
  // idle and SQLite's groups of writes small.
  int worker_threads = 16;
  std::size_t max_body_bytes = std::size_t{1024} * 1024;
  // Peers (addresses or CIDR ranges, IPv4 or IPv6) whose X-Forwarded-For / Forwarded header
  // names the client: the TLS proxy in front. From any other peer those headers are ignored,
  // so nobody can choose the address that login throttling and the audit log see.
  std::vector<std::string> trusted_proxies;
  // Seconds a rendered public page (portal, calendar, event, salon and directory pages) may be
  // served again to anonymous visitors; 0 renders every request. A change made through this
  // server shows at once; one made through another server shows after at most this long.
  int public_cache_seconds = 5;
};

struct DatabaseConfig {
  std::string url = "sqlite:var/tsunagu.db";
  int pool_size = 8;
};

struct MailConfig {
  std::string smtp_url;  // smtp://host:port, smtps://... or file:DIR (development); empty: mail
                         // stays queued
  std::string from = "tsunagu@localhost";
  std::string username;
  std::string password;
};

struct SecurityConfig {
  std::string key_file = "var/keys.toml";
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  int invitation_valid_hours = 72;
  int lockout_threshold = 10;  // failures per account before a temporary lock
  int lockout_minutes = 15;
  // Public forms (booking, cancel, questionnaire, waiting-list offers) per client address
  // within public_form_window_minutes; more get 429. A call centre behind one address may
  // need more.
  int public_form_limit = 20;
  int public_form_window_minutes = 10;
  // Open (not cancelled) public bookings one client address may hold on one consultation day:
  // a family books for two; more from one place goes through the 事務局 by phone, so nobody
  // can drain a day's places from one address.
  int public_bookings_per_address_day = 2;
  bool fast_password_hashing = false;  // tests only: Argon2id at minimum cost
};

// Live page streams (SECURITY.md rule 7): each open stream re-checks the viewer's session and
// access on every event and at least every recheck_seconds (a withdrawal, logout or disabled
// account ends it within that time), ends after max_stream_seconds (the browser reconnects and
// catches up), and one account holds at most max_streams_per_user of them.
struct LiveConfig {
  int recheck_seconds = 30;
  int max_stream_seconds = 3600;
  int max_streams_per_user = 20;
};

// The source tree the program was built from (web/, data/, sql/ by default). Only config.cpp
// sees the build's path, so every other object file compiles the same in any checkout.
const std::string& SourceDir();

struct Config {
  ServerConfig server;
  DatabaseConfig database;
  MailConfig mail;
  SecurityConfig security;
  LiveConfig live;
  std::string web_dir = SourceDir() + "/web";  // templates/, static/, messages/
  std::string data_dir = SourceDir() + "/data";
  std::string log_level = "info";
};

// Loads the file when it exists (a missing explicit file is an error), then applies
// environment overrides. Unknown keys are errors, so typos do not silently fall back.
Result<Config> LoadConfig(const std::filesystem::path& file, bool file_required);

// Splits "host:port" ("[::1]:8080" allowed).
Result<std::pair<std::string, std::uint16_t>> ParseListen(const std::string& listen);

}  // namespace tsunagu::core
