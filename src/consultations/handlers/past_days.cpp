// GET /days/past: the consultation days of the past year the signed-in staff member was
// rostered on, each linked to its board (records to write, notes, what happened). The home
// page links only the next 14 days; counselors reach their past days from here.
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/routes.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations::handlers {
namespace {

constexpr int kDaysBack = 366;

struct PastDay {
  std::int64_t program_id = 0;
  std::int64_t day_id = 0;
  core::Date date;
  int start_minutes = 0;
  int end_minutes = 0;
  std::string program_name;
  std::int64_t attended = 0;
  std::int64_t missing_records = 0;
};

// Days of the active organisation's programmes, before today, with this user on the roster.
core::Result<std::vector<PastDay>> RosteredPastDays(app::Services& sv, const auth::Principal& who,
                                                    core::Date today) {
  return sv.db.Read<std::vector<PastDay>>([&](soci::session& s) {
    long long user = who.user_id;
    long long org = who.organization_id;
    const std::string from = core::ToIso(core::AddDays(today, -kDaysBack));
    const std::string to = core::ToIso(today);
    std::vector<PastDay> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT d.program_id, d.id, d.day_date, d.start_minutes, d.end_minutes, "
                      "p.name, (SELECT COUNT(*) FROM booking b WHERE b.day_id = d.id AND "
                      "b.status = 'attended'), (SELECT COUNT(*) FROM booking b WHERE b.day_id = "
                      "d.id AND b.status = 'attended' AND NOT EXISTS (SELECT 1 FROM "
                      "consultation_record r WHERE r.booking_id = b.id)) FROM consultation_day d "
                      "JOIN program p ON p.id = d.program_id JOIN day_staff st ON st.day_id = "
                      "d.id AND st.user_id = :u WHERE p.organization_id = :o AND d.status = "
                      "'scheduled' AND d.day_date >= :a AND d.day_date < :b ORDER BY d.day_date "
                      "DESC, d.start_minutes, d.id",
         soci::use(user), soci::use(org), soci::use(from), soci::use(to));
    for (const auto& r : rows) {
      PastDay d;
      d.program_id = storage::GetInt(r, 0);
      d.day_id = storage::GetInt(r, 1);
      d.date = core::ParseIsoDate(storage::GetText(r, 2)).value_or(core::Date{});
      d.start_minutes = static_cast<int>(storage::GetInt(r, 3));
      d.end_minutes = static_cast<int>(storage::GetInt(r, 4));
      d.program_name = storage::GetText(r, 5);
      d.attended = storage::GetInt(r, 6);
      d.missing_records = storage::GetInt(r, 7);
      out.push_back(std::move(d));
    }
    return out;
  });
}

http::Response ShowPastDays(app::Services& sv, web::RequestContext& ctx) {
  auto days = RosteredPastDays(sv, *ctx.Who(), Today(sv));
  if (!days) return Failure(sv, ctx, days.error());
  ctemplate::TemplateDictionary dict("late_past_days");
  if (days->empty()) {
    dict.ShowSection("NO_DAYS");
  } else {
    dict.ShowSection("HAS_DAYS");
  }
  for (const auto& d : *days) {
    auto* row = dict.AddSectionDictionary("DAY");
    row->SetValue("PATH", DayBoardPath(d.program_id, d.day_id));
    row->SetValue("DATE", core::FormatDate(d.date, ctx.lang));
    row->SetValue("HOURS", TimeRange(d.start_minutes, d.end_minutes));
    row->SetValue("PROGRAM", d.program_name);
    row->SetIntValue("ATTENDED", d.attended);
    row->SetIntValue("MISSING", d.missing_records);
  }
  return sv.pages.Render(ctx, "late/past_days", "late.past.title", dict);
}

}  // namespace

void AddPastDayRoutes(app::Router& router, app::Services& sv) {
  router.Add({"GET", "/days/past", auth::Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return ShowPastDays(sv, ctx); }});
}

}  // namespace tsunagu::consultations::handlers
