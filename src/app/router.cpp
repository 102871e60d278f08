#include "app/router.hpp"

#include <set>

namespace tsunagu::app {
namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    auto next = path.find('/', pos);
    if (next == std::string::npos) next = path.size();
    parts.push_back(path.substr(pos, next - pos));
    pos = next + 1;
  }
  return parts;
}

bool MatchPattern(const std::string& pattern, const std::string& path,
                  std::map<std::string, std::string>& params) {
  if (pattern == path) return true;
  auto p = Split(pattern);
  auto q = Split(path);
  if (p.size() != q.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i].size() > 2 && p[i].front() == '{' && p[i].back() == '}') {
      if (q[i].empty()) return false;
      found[p[i].substr(1, p[i].size() - 2)] = q[i];
    } else if (p[i] != q[i]) {
      return false;
    }
  }
  params = std::move(found);
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

Match Router::Find(const std::string& method, const std::string& path) const {
  Match m;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(r.pattern, path, params)) continue;
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
