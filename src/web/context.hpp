// What a handler knows about the request beyond HTTP: language, who is asking, session.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "auth/sessions.hpp"
#include "http/message.hpp"
#include "orgs/model.hpp"
#include "web/multipart.hpp"

namespace tsunagu::web {

struct RequestContext {
  http::Request& request;
  std::string request_id;
  std::string lang = "ja";
  // Set when a session or API token identified the caller.
  std::optional<auth::Principal> principal;
  std::optional<auth::Session> session;
  std::optional<orgs::User> user;
  std::optional<orgs::Organization> organization;  // the active organisation
  std::optional<orgs::Membership> membership;      // the user's membership in it
  bool several_organizations = false;              // a choice of organisation to switch to
  bool is_api = false;
  // Decoded form fields of a POST (application/x-www-form-urlencoded or multipart/form-data).
  std::multimap<std::string, std::string> form;
  // Files of a multipart/form-data POST (its text fields are in `form`).
  std::vector<UploadedFile> files;
  // Double-submit token for forms shown before any session exists (login).
  std::string anonymous_csrf;
  // Extra Set-Cookie headers the middleware adds to the response (session changes).
  std::vector<std::string> set_cookies;

  std::string Form(const std::string& name) const {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
  }
  // Every value of a repeated field (checkboxes, multi-selects), in the order sent.
  std::vector<std::string> FormValues(const std::string& name) const {
    std::vector<std::string> values;
    auto [from, to] = form.equal_range(name);
    for (auto it = from; it != to; ++it) values.push_back(it->second);
    return values;
  }
  std::string Param(const std::string& name) const {
    auto it = request.path_params.find(name);
    return it == request.path_params.end() ? std::string() : it->second;
  }

  audit::Actor Actor() const {
    audit::Actor a;
    if (principal) {
      a.user_id = principal->user_id;
      a.organization_id = principal->organization_id;
    }
    a.ip = request.remote_address;
    a.request_id = request_id;
    return a;
  }
  const auth::Principal* Who() const { return principal ? &*principal : nullptr; }
  std::string CsrfToken() const { return session ? session->csrf_token : std::string(); }
};

}  // namespace tsunagu::web
