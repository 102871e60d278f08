// How a change made by one process reaches the pages open on every process: Publish here,
// and each process's Hub delivers to its own streams. Only a topic, an event name and a small
// id travel; the page then re-fetches through an ordinary authorised GET.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "live/hub.hpp"
#include "storage/database.hpp"

namespace tsunagu::live {

// Longest topic, event or data accepted; ids and names fit, sentences do not.
inline constexpr std::size_t kMaxFieldBytes = 64;

// True when every field is at most kMaxFieldBytes of [A-Za-z0-9:_.-] (topic and event also
// non-empty). Anything else is refused, so that personal data, which would then travel
// through the database and to every process, cannot be put on the wire by mistake.
bool IsPublishable(std::string_view topic, std::string_view event, std::string_view data);
// IsPublishable, logging a refusal (sizes only, never the text). Every Bus calls it first.
bool AdmitForPublish(std::string_view topic, std::string_view event, std::string_view data);

class Bus {
 public:
  virtual ~Bus() = default;
  // Fire and forget: a live update is a hint to re-fetch, so a lost one costs a stale view,
  // never data (and pages catch up: live/catch_up.hpp, and a resync after a listener gap).
  // Call it after the transaction that made the change has committed, and not inside a
  // Database::Read/Write body (it may need a pooled session).
  // Refused messages (IsPublishable) are logged without their contents and dropped.
  virtual void Publish(const std::string& topic, const std::string& event,
                       const std::string& data) = 0;
  // Starts hearing what other processes publish (`serve` does; a one-shot command has no
  // pages open and need not). Returns whether it hears them yet; it keeps trying if not.
  virtual bool Listen() { return true; }
  // Ends background work (idempotent); the destructor also does it.
  virtual void Stop() {}
};

// One process (SQLite): delivers at once to the hub.
class LocalBus final : public Bus {
 public:
  explicit LocalBus(Hub& hub) : hub_(hub) {}
  void Publish(const std::string& topic, const std::string& event,
               const std::string& data) override;

 private:
  Hub& hub_;
};

// The bus for the database's engine: LocalBus for SQLite, a PostgresBus for PostgreSQL
// (several processes share one database), not yet listening: call Listen() to serve pages.
std::unique_ptr<Bus> MakeBus(Hub& hub, storage::Database& db);

}  // namespace tsunagu::live
