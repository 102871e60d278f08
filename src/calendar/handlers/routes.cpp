#include "calendar/handlers/routes.hpp"

#include "http/message.hpp"

namespace tsunagu::calendar::handlers {

void AddRoutes(app::Router& router, const Deps& deps) {
  AddCalendarPageRoutes(router, deps);
  AddFeedRoutes(router, deps);
  AddPosterRoutes(router, deps);
}

Filter ReadFilter(const http::Request& request) {
  Filter f;
  f.kind = request.Query("kind").value_or("");
  f.area = request.Query("area").value_or("");
  f.mode = request.Query("mode").value_or("");
  f.audience = request.Query("audience").value_or("");
  return CleanFilter(std::move(f));
}

std::string FilterQuery(const Filter& f) {
  std::string q;
  const auto add = [&q](const char* name, const std::string& value) {
    if (value.empty()) return;
    if (!q.empty()) q += '&';
    q += name;
    q += '=';
    q += http::PercentEncode(value);
  };
  add("kind", f.kind);
  add("area", f.area);
  add("mode", f.mode);
  add("audience", f.audience);
  return q;
}

core::Date Today(const Deps& d) {
  return core::DateFromUnixSeconds(d.clock.NowSeconds());
}

}  // namespace tsunagu::calendar::handlers
