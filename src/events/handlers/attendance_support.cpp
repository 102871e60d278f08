#include "events/handlers/attendance_support.hpp"

namespace tsunagu::events::handlers {

AttendanceService AttendanceOf(const Deps& d) {
  return AttendanceService(d.db, d.clock, d.events->cipher());
}

std::string EventBase(std::int64_t event_id) {
  return "/org/events/" + std::to_string(event_id);
}

std::string TypeLabel(const Deps& d, const web::RequestContext& ctx,
                      const std::vector<ParticipantType>& types, const std::string& code) {
  for (const auto& t : types) {
    if (t.code != code) continue;
    if (t.builtin) return d.pages.T(ctx, "events_attendance.type." + code);
    return ctx.lang == "en" ? t.label_en : t.label_ja;
  }
  if (InList(kBuiltinTypes, code)) return d.pages.T(ctx, "events_attendance.type." + code);
  return d.pages.T(ctx, "events_attendance.type.other");
}

void AddTypeChoices(const Deps& d, const web::RequestContext& ctx,
                    ctemplate::TemplateDictionary& dict, const std::vector<ParticipantType>& types,
                    const std::string& chosen) {
  for (const auto& t : types) {
    auto* row = dict.AddSectionDictionary("TYPE");
    row->SetValue("CODE", t.code);
    row->SetValue("LABEL", TypeLabel(d, ctx, types, t.code));
    if (t.code == chosen) row->ShowSection("SELECTED");
  }
}

void AddCounts(const Deps& d, const web::RequestContext& ctx, ctemplate::TemplateDictionary& dict,
               const Event& event, const AttendanceCounts& counts,
               const std::vector<ParticipantType>& types) {
  dict.SetIntValue("ATTENDED_TOTAL", counts.attended);
  dict.SetIntValue("REGISTERED_TOTAL", counts.registered);
  dict.SetIntValue("WALK_INS", counts.walk_ins);
  for (auto mode : kModes) {
    const std::string m(mode);
    if (!event.Offers(m) && counts.attended_by_mode.count(m) == 0) continue;
    auto* row = dict.AddSectionDictionary("MODE_COUNT");
    row->SetValue("LABEL", d.pages.T(ctx, "events.mode." + m));
    auto a = counts.attended_by_mode.find(m);
    auto r = counts.registered_by_mode.find(m);
    row->SetIntValue("ATTENDED", a == counts.attended_by_mode.end() ? 0 : a->second);
    row->SetIntValue("REGISTERED", r == counts.registered_by_mode.end() ? 0 : r->second);
  }
  for (const auto& t : types) {
    auto a = counts.attended_by_type.find(t.code);
    auto r = counts.registered_by_type.find(t.code);
    const int attended = a == counts.attended_by_type.end() ? 0 : a->second;
    const int registered = r == counts.registered_by_type.end() ? 0 : r->second;
    if (attended == 0 && registered == 0) continue;
    auto* row = dict.AddSectionDictionary("TYPE_COUNT");
    row->SetValue("LABEL", TypeLabel(d, ctx, types, t.code));
    row->SetIntValue("ATTENDED", attended);
    row->SetIntValue("REGISTERED", registered);
  }
}

}  // namespace tsunagu::events::handlers
