#include <string>

#include "core/text.hpp"
#include "events/handlers/lifecycle.hpp"
#include "web/forms.hpp"

namespace tsunagu::events::handlers {
namespace {

int Number(const web::RequestContext& ctx, const char* field, int fallback) {
  const std::string text = core::Trim(core::NormalizeNfkc(ctx.Form(field)));
  return text.empty() ? fallback : web::ParseInt(text);
}

}  // namespace

LifecycleSettings ReadLifecycle(const web::RequestContext& ctx) {
  const LifecycleSettings defaults;
  LifecycleSettings in;
  in.online_notice_days = Number(ctx, "online_notice_days", defaults.online_notice_days);
  in.hold_hours = Number(ctx, "hold_hours", defaults.hold_hours);
  in.waitlist_cutoff_hours = Number(ctx, "waitlist_cutoff_hours", defaults.waitlist_cutoff_hours);
  in.retention_days = Number(ctx, "retention_days", defaults.retention_days);
  return in;
}

void AddLifecycleValues(Values& v, const LifecycleSettings& s) {
  v.emplace("online_notice_days", std::to_string(s.online_notice_days));
  v.emplace("hold_hours", std::to_string(s.hold_hours));
  v.emplace("waitlist_cutoff_hours", std::to_string(s.waitlist_cutoff_hours));
  v.emplace("retention_days", std::to_string(s.retention_days));
}

void AddLifecycleFields(ctemplate::TemplateDictionary& dict, const Values& values, bool creating) {
  const LifecycleSettings defaults;
  auto set = [&](const char* field, const char* key, int fallback) {
    auto it = values.find(field);
    dict.SetValue(key, it == values.end() ? std::to_string(fallback) : it->second);
  };
  set("online_notice_days", "V_ONLINE_NOTICE_DAYS", defaults.online_notice_days);
  set("hold_hours", "V_HOLD_HOURS", defaults.hold_hours);
  set("waitlist_cutoff_hours", "V_WAITLIST_CUTOFF_HOURS", defaults.waitlist_cutoff_hours);
  set("retention_days", "V_RETENTION_DAYS", defaults.retention_days);
  dict.ShowSection(creating ? "RETENTION_EDITABLE" : "RETENTION_FIXED");
}

}  // namespace tsunagu::events::handlers
