#include "app/public_cache.hpp"

#include <array>
#include <string_view>

namespace tsunagu::app {
namespace {

// The public pages read by everyone and changed by few. The booking page's free places are
// at most the setting's seconds old (a booking through this server clears the kept pages at
// once), and the place is decided again when the booking is sent. The steps of a booking
// (its form, confirmation) and personal pages (registrations, offers, shared documents) are
// never kept.
constexpr std::array<std::string_view, 9> kCovered = {"/",
                                                      "/calendar",
                                                      "/events",
                                                      "/events/{id}",
                                                      "/salons",
                                                      "/salons/{id}",
                                                      "/directory",
                                                      "/directory/services/{id}",
                                                      "/book/{program_id}"};

constexpr std::size_t kMaxTarget = 1024;

std::vector<std::string> Cut(const std::string& body, const std::string& token) {
  std::vector<std::string> pieces;
  if (token.empty()) {
    pieces.push_back(body);
    return pieces;
  }
  std::size_t from = 0;
  for (std::size_t at = body.find(token); at != std::string::npos; at = body.find(token, from)) {
    pieces.push_back(body.substr(from, at - from));
    from = at + token.size();
  }
  pieces.push_back(body.substr(from));
  return pieces;
}

}  // namespace

PublicPageCache::PublicPageCache(int ttl_seconds, std::size_t max_entries)
    : ttl_seconds_(ttl_seconds < 0 ? 0 : ttl_seconds), max_entries_(max_entries) {}

bool PublicPageCache::Covers(const std::string& pattern) const {
  if (ttl_seconds_ == 0) return false;
  for (auto covered : kCovered) {
    if (covered == pattern) return true;
  }
  return false;
}

std::string PublicPageCache::Key(const http::Request& request, const std::string& lang) {
  if (request.target.size() > kMaxTarget) return {};
  const bool fragment = request.Header("HX-Request").has_value();
  return lang + (fragment ? "\x1fhx\x1f" : "\x1f\x1f") + request.target;
}

std::optional<http::Response> PublicPageCache::Find(const std::string& key, std::int64_t now,
                                                    const std::string& token) const {
  std::shared_ptr<const Entry> entry;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    entry = it->second;
  }
  if (entry->generation != generation_.load() || now < entry->stored_at ||
      now - entry->stored_at >= ttl_seconds_) {
    return std::nullopt;
  }
  http::Response r;
  r.status = entry->status;
  r.headers = entry->headers;
  std::size_t size = 0;
  for (const auto& p : entry->pieces) size += p.size() + token.size();
  r.body.reserve(size);
  for (std::size_t i = 0; i < entry->pieces.size(); ++i) {
    if (i > 0) r.body += token;
    r.body += entry->pieces[i];
  }
  return r;
}

void PublicPageCache::Store(const std::string& key, const http::Response& response,
                            const std::string& rendered_token, std::uint64_t started_generation,
                            std::int64_t now) {
  if (ttl_seconds_ == 0 || key.empty() || response.status != 200 || response.stream ||
      !response.file_path.empty()) {
    return;
  }
  auto entry = std::make_shared<Entry>();
  entry->status = response.status;
  entry->headers = response.headers;
  entry->pieces = Cut(response.body, rendered_token);
  entry->generation = started_generation;
  entry->stored_at = now;
  std::lock_guard lock(mutex_);
  // A change committed while this page rendered: it may show the old state.
  if (started_generation != generation_.load()) return;
  if (entries_.size() >= max_entries_ && entries_.find(key) == entries_.end()) entries_.clear();
  entries_[key] = std::move(entry);
}

void PublicPageCache::Invalidate() {
  std::lock_guard lock(mutex_);
  generation_.fetch_add(1);
  entries_.clear();
}

std::vector<ScheduledJobs::Job> ClearingPublicPages(PublicPageCache& pages,
                                                    std::vector<ScheduledJobs::Job> jobs) {
  for (auto& job : jobs) {
    job.run = [&pages, run = std::move(job.run)](core::Date today) {
      auto done = run(today);
      if (!done || *done > 0) pages.Invalidate();
      return done;
    };
  }
  return jobs;
}

}  // namespace tsunagu::app
