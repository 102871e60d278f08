// The rendered public pages (the portal, the calendar, event and salon pages, the directory),
// kept for a few seconds so that a crowd opening the portal after a newspaper notice costs one
// render per page, not one per visitor.
//
// Only anonymous GETs of the listed route patterns are kept, per language and request target,
// and only 200 answers the handler set no cookie on. Every state-changing request this server
// handles and every clock-job round clears the cache at once; what another server or a
// command-line run changed shows after at most `[server] public_cache_seconds`. A page
// rendered while a change committed is never kept (its generation is stale). The visitor's
// double-submit CSRF token in a kept page is replaced by the next visitor's own.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/scheduled_jobs.hpp"
#include "http/message.hpp"

namespace tsunagu::app {

class PublicPageCache {
 public:
  // ttl_seconds 0 keeps nothing. max_entries bounds memory: when full, everything is dropped
  // (filters and months make many keys; the popular ones come back at once).
  explicit PublicPageCache(int ttl_seconds, std::size_t max_entries = 512);

  // Whether answers of this route pattern may be kept.
  bool Covers(const std::string& pattern) const;
  // The key of a request: its language, target and whether htmx asked for a fragment.
  // Empty when the request must not be served from the cache (an over-long target).
  static std::string Key(const http::Request& request, const std::string& lang);

  // The generation a render starts in: Store keeps the page only if nothing changed since.
  std::uint64_t generation() const { return generation_.load(); }

  // A kept answer for key, with `token` in place of the token it was rendered with.
  std::optional<http::Response> Find(const std::string& key, std::int64_t now,
                                     const std::string& token) const;
  void Store(const std::string& key, const http::Response& response,
             const std::string& rendered_token, std::uint64_t started_generation, std::int64_t now);
  // Something changed: nothing kept so far is served again.
  void Invalidate();

 private:
  struct Entry {
    int status = 200;
    http::Headers headers;
    // The body cut at every occurrence of the token it was rendered with.
    std::vector<std::string> pieces;
    std::uint64_t generation = 0;
    std::int64_t stored_at = 0;
  };

  const int ttl_seconds_;
  const std::size_t max_entries_;
  std::atomic<std::uint64_t> generation_{1};
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Entry>> entries_;
};

// The clock jobs, each clearing `pages` after a round that did something or failed (a
// waiting-list offer or a salon's new meetings change what the pages show).
std::vector<ScheduledJobs::Job> ClearingPublicPages(PublicPageCache& pages,
                                                    std::vector<ScheduledJobs::Job> jobs);

}  // namespace tsunagu::app
