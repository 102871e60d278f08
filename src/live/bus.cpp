#include "live/bus.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "live/postgres_bus.hpp"

namespace tsunagu::live {
namespace {

bool IsFieldChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' ||
         c == '_' || c == '-' || c == '.';
}

bool IsField(std::string_view s, bool may_be_empty) {
  if (s.empty()) return may_be_empty;
  return s.size() <= kMaxFieldBytes && std::all_of(s.begin(), s.end(), IsFieldChar);
}

}  // namespace

bool IsPublishable(std::string_view topic, std::string_view event, std::string_view data) {
  return IsField(topic, false) && IsField(event, false) && IsField(data, true);
}

bool AdmitForPublish(std::string_view topic, std::string_view event, std::string_view data) {
  if (IsPublishable(topic, event, data)) return true;
  // Sizes only: the refused text may be exactly the personal data this guards against.
  spdlog::error("live: refused a message (topic {} bytes, event {} bytes, data {} bytes)",
                topic.size(), event.size(), data.size());
  return false;
}

void LocalBus::Publish(const std::string& topic, const std::string& event,
                       const std::string& data) {
  if (!AdmitForPublish(topic, event, data)) return;
  hub_.Deliver(topic, event, data);
}

std::unique_ptr<Bus> MakeBus(Hub& hub, storage::Database& db) {
  if (db.engine() == storage::Engine::kPostgresql) {
    return std::make_unique<PostgresBus>(hub, db);
  }
  return std::make_unique<LocalBus>(hub);
}

}  // namespace tsunagu::live
