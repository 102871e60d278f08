#include "app/router.hpp"

#include <set>
#include <string_view>

namespace tsunagu::app {
namespace {

// The segments of a path after its leading '/': "/a/b" has "a" and "b", "/" one empty one.
template <typename Part>
std::vector<Part> Split(std::string_view path) {
  std::vector<Part> parts;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    auto next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    parts.emplace_back(path.substr(pos, next - pos));
    pos = next + 1;
  }
  return parts;
}

bool IsCapture(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Whether the path's segments fit the pattern's, with the captured segments in `params`.
bool MatchSegments(const std::vector<std::string>& pattern,
                   const std::vector<std::string_view>& path,
                   std::map<std::string, std::string>& params) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (IsCapture(pattern[i])) {
      if (path[i].empty()) return false;
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (IsCapture(pattern[i])) {
      params[pattern[i].substr(1, pattern[i].size() - 2)] = std::string(path[i]);
    }
  }
  return true;
}

}  // namespace

core::Status Router::Validate() const {
  std::set<std::string> seen;
  for (const auto& r : routes_) {
    if (r.permission == auth::Permission::kUndeclared) {
      return core::Error::Invalid("route without a declared permission: " + r.method + " " +
                                  r.pattern);
    }
    if (!r.handler) return core::Error::Invalid("route without a handler: " + r.pattern);
    if (!seen.insert(r.method + " " + r.pattern).second) {
      return core::Error::Invalid("route declared twice: " + r.method + " " + r.pattern);
    }
  }
  return core::OkStatus();
}

void Router::Add(Route route) {
  segments_.push_back(Split<std::string>(route.pattern));
  routes_.push_back(std::move(route));
}

Match Router::Find(const std::string& method, const std::string& path) const {
  Match m;
  const auto parts = Split<std::string_view>(path);
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const Route& r = routes_[i];
    std::map<std::string, std::string> params;
    if (r.pattern != path && !MatchSegments(segments_[i], parts, params)) continue;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      m.route = &r;
      m.params = std::move(params);
      return m;
    }
    m.path_known = true;
  }
  return m;
}

}  // namespace tsunagu::app
