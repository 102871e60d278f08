// The route table: method, path pattern, required permission, handler.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "auth/policy.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "web/context.hpp"

namespace tsunagu::app {

using RouteHandler = std::function<http::Response(web::RequestContext&)>;

struct Route {
  std::string method;   // GET, POST, ...
  std::string pattern;  // "/org/members/{id}"; a segment in braces captures one path segment
  auth::Permission permission = auth::Permission::kUndeclared;
  RouteHandler handler;
  bool api = false;  // JSON API: token auth, problem+json errors, no CSRF (no cookies)
};

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool path_known = false;  // some route has this path, with another method (405)
};

class Router {
 public:
  void Add(Route route);
  // Every route must declare a permission and patterns must be unique; the server refuses to
  // start otherwise (SECURITY.md rule 1).
  core::Status Validate() const;
  Match Find(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  // Each route's pattern split at '/' once, when added (Find compares a path with each).
  std::vector<std::vector<std::string>> segments_;
};

}  // namespace tsunagu::app
