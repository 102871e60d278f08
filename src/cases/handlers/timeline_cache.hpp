// Timeline entries as rendered for an earlier view, kept so that the next view of the same
// timeline shows them without reading, decrypting and rendering them again (issue 17, point 7:
// a case page of a long case; the live fragment that every open page of a case asks for when
// its timeline changes).
//
// An entry is found by what decides how the entries look: the case's TimelineStamp (its mark,
// which every entry added, edited or removed moves, its count, the viewer's organisation and
// whether it sees documents), how many are shown and the language. The stamp comes from the
// database on every request, after the access check, so each server's cache answers the same
// and a change made through another server is never hidden. What the stamp does not follow (a
// person's or organisation's name changed since) shows for at most kMaxAgeSeconds.
//
// The entries hold personal data: they stay in this process's memory only, at most
// kMaxAgeSeconds, and at most kMaxBytes in all (the least recently used go first).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "cases/case_service.hpp"
#include "core/clock.hpp"

namespace tsunagu::cases::handlers {

struct RenderedEntries {
  std::string html;          // the <li> of each entry shown, newest first
  std::size_t count = 0;     // how many entries
  std::int64_t last_id = 0;  // the oldest one shown (the "older entries" link's anchor)
};

class TimelineCache {
 public:
  static constexpr std::int64_t kMaxAgeSeconds = 60;
  static constexpr std::size_t kMaxBytes = std::size_t{16} << 20U;

  explicit TimelineCache(const core::Clock& clock, std::size_t max_bytes = kMaxBytes)
      : clock_(clock), max_bytes_(max_bytes) {}

  static std::string Key(const TimelineStamp& stamp, std::size_t shown, const std::string& lang);

  // The entries kept under `key`, or nullptr (none, or older than kMaxAgeSeconds).
  std::shared_ptr<const RenderedEntries> Find(const std::string& key);
  void Keep(const std::string& key, std::shared_ptr<const RenderedEntries> entries);

  std::size_t bytes() const;
  std::size_t size() const;

 private:
  struct Kept {
    std::string key;
    std::shared_ptr<const RenderedEntries> entries;
    std::int64_t at = 0;
  };
  void Drop(std::list<Kept>::iterator it);

  const core::Clock& clock_;
  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Kept> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Kept>::iterator> by_key_;
  std::size_t bytes_ = 0;
};

}  // namespace tsunagu::cases::handlers
