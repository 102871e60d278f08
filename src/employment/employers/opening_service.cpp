#include "employment/employers/opening_service.hpp"

#include "auth/record_access.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "employment/employers/rows.hpp"
#include "storage/row.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::employers {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;
using storage::IsNull;

constexpr const char* kSelect =
    "SELECT j.id, j.organization_id, j.employer_id, e.name, e.practices, j.title, j.duties, "
    "j.municipality, j.work_place, j.start_minutes, j.end_minutes, j.weekly_days, "
    "j.weekly_hours, j.hours_note, j.short_hours, j.staggered_hours, j.telework, "
    "j.hospital_leave, j.wage_kind, j.wage_min, j.wage_max, j.employment_type, j.status, "
    "j.valid_until, j.published, j.version FROM job_opening j JOIN employer e ON e.id = "
    "j.employer_id ";

std::optional<int> Opt(const soci::row& r, std::size_t i) {
  if (IsNull(r, i)) return std::nullopt;
  return static_cast<int>(GetInt(r, i));
}

Opening Read(const soci::row& r, const std::string& today) {
  Opening o;
  o.id = GetInt(r, 0);
  o.organization_id = GetInt(r, 1);
  o.employer_id = GetInt(r, 2);
  o.employer_name = GetText(r, 3);
  o.employer_practices = GetText(r, 4);
  o.title = GetText(r, 5);
  o.duties = GetText(r, 6);
  o.municipality = GetText(r, 7);
  o.work_place = GetText(r, 8);
  o.start_minutes = Opt(r, 9);
  o.end_minutes = Opt(r, 10);
  o.weekly_days = Opt(r, 11);
  o.weekly_hours = Opt(r, 12);
  o.hours_note = GetText(r, 13);
  o.short_hours = GetInt(r, 14) == 1;
  o.staggered_hours = GetInt(r, 15) == 1;
  o.telework = GetInt(r, 16) == 1;
  o.hospital_leave = GetInt(r, 17) == 1;
  o.wage_kind = GetText(r, 18);
  o.wage_min = Opt(r, 19);
  o.wage_max = Opt(r, 20);
  o.employment_type = GetText(r, 21);
  o.status = GetText(r, 22);
  o.valid_until = GetText(r, 23);
  o.published = GetInt(r, 24) == 1;
  o.version = static_cast<int>(GetInt(r, 25));
  o.expired = !o.valid_until.empty() && o.valid_until < today;
  return o;
}

bool Offered(const Opening& o) {
  return o.status == "open" && !o.expired;
}

bool Matches(const Opening& o, const OpeningQuery& q) {
  if (q.state == "open" && !Offered(o)) return false;
  if (q.state == "closed" && o.status != "closed") return false;
  if (q.state == "expired" && !(o.status == "open" && o.expired)) return false;
  if (!q.municipality.empty() && o.municipality != q.municipality) return false;
  if (!q.employment_type.empty() && o.employment_type != q.employment_type) return false;
  if (q.short_hours && !o.short_hours) return false;
  if (q.telework && !o.telework) return false;
  if (!q.valid_on.empty() && !o.valid_until.empty() && o.valid_until < q.valid_on) return false;
  if (q.employer_id != 0 && o.employer_id != q.employer_id) return false;
  if (q.max_weekly_hours && o.weekly_hours && *o.weekly_hours > *q.max_weekly_hours) return false;
  return true;
}

OpeningInput Tidy(OpeningInput in) {
  for (auto* f : {&in.title, &in.work_place}) *f = core::Trim(*f);
  for (auto* f : {&in.municipality, &in.valid_until}) *f = core::Trim(core::NormalizeNfkc(*f));
  for (auto* f : {&in.duties, &in.hours_note}) *f = core::Trim(core::NormalizeNewlines(*f));
  return in;
}

struct Bound {
  int value = 0;
  soci::indicator ind = soci::i_null;
};
Bound Bind(const std::optional<int>& v) {
  return v ? Bound{*v, soci::i_ok} : Bound{};
}

void Audit(soci::session& s, const audit::Actor& actor, const auth::Principal& who,
           const std::string& action, std::int64_t id, std::int64_t now) {
  audit::AuditLog::Append(
      s, actor, {action, "job_opening", std::to_string(id), "{}", who.organization_id}, now);
}

std::string Today(const core::Clock& clock) {
  return core::ToIso(core::DateFromUnixSeconds(clock.NowSeconds()));
}

// The opening when its employer is visible to `who`.
std::optional<Opening> LoadVisible(soci::session& s, const auth::Principal& who, std::int64_t id,
                                   const std::string& today) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return std::nullopt;
  long long jid = id;
  long long org = who.organization_id;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string(kSelect) + "WHERE j.id = :i AND " + VisibleEmployerFilter(),
       soci::use(jid), soci::use(org), soci::use(org), soci::use(org));
  for (const auto& r : rows) {
    Opening o = Read(r, today);
    o.own = o.organization_id == who.organization_id;
    return o;
  }
  return std::nullopt;
}

void LockAtVersion(soci::session& s, std::int64_t id, int version) {
  long long jid = id;
  s << "UPDATE job_opening SET version = version WHERE id = :i", soci::use(jid);
  long long current = 0;
  s << "SELECT version FROM job_opening WHERE id = :i", soci::use(jid), soci::into(current);
  if (current != version) throw Abort{core::Error::Conflict("employers.error.stale")};
}

std::vector<Opening> VisibleRows(soci::session& s, const auth::Principal& who,
                                 const std::string& today) {
  long long org = who.organization_id;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string(kSelect) + "WHERE " + VisibleEmployerFilter() +
                        " ORDER BY j.status DESC, j.valid_until DESC, j.id DESC",
       soci::use(org), soci::use(org), soci::use(org));
  std::vector<Opening> out;
  for (const auto& r : rows) {
    Opening o = Read(r, today);
    o.own = o.organization_id == who.organization_id;
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

std::optional<int> ParseHhMm(const std::string& text) {
  const std::string t = core::Trim(core::NormalizeNfkc(text));
  const auto colon = t.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 2 || t.size() - colon != 3) {
    return std::nullopt;
  }
  const int h = web::ParseInt(t.substr(0, colon));
  const int m = web::ParseInt(t.substr(colon + 1));
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string FormatHhMm(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::vector<core::FieldError> OpeningService::Validate(const OpeningInput& in) {
  std::vector<core::FieldError> errors;
  for (const auto& f : in.unreadable) errors.push_back({f, "employers.error." + f});
  auto unread = [&](const char* f) {
    for (const auto& u : in.unreadable) {
      if (u == f) return true;
    }
    return false;
  };
  if (in.title.empty()) errors.push_back({"title", "employers.error.title"});
  web::CheckLength(errors, "title", in.title, 100, false);
  web::CheckLength(errors, "duties", in.duties, 2000, false);
  web::CheckLength(errors, "municipality", in.municipality, 50, false);
  web::CheckLength(errors, "work_place", in.work_place, 200, false);
  web::CheckLength(errors, "hours_note", in.hours_note, 500, false);
  if (in.start_minutes && (*in.start_minutes < 0 || *in.start_minutes >= 1440) &&
      !unread("start_time")) {
    errors.push_back({"start_time", "employers.error.start_time"});
  }
  if (in.end_minutes && in.start_minutes && *in.end_minutes <= *in.start_minutes &&
      !unread("end_time")) {
    errors.push_back({"end_time", "employers.error.end_time"});
  }
  if (in.weekly_days && (*in.weekly_days < 1 || *in.weekly_days > 7) && !unread("weekly_days")) {
    errors.push_back({"weekly_days", "employers.error.weekly_days"});
  }
  if (in.weekly_hours && (*in.weekly_hours < 1 || *in.weekly_hours > 60) &&
      !unread("weekly_hours")) {
    errors.push_back({"weekly_hours", "employers.error.weekly_hours"});
  }
  if (!InList(kWageKinds, in.wage_kind))
    errors.push_back({"wage_kind", "employers.error.wage_kind"});
  if (in.wage_min && *in.wage_min < 0 && !unread("wage_min")) {
    errors.push_back({"wage_min", "employers.error.wage_min"});
  }
  if (in.wage_max && (*in.wage_max < 0 || (in.wage_min && *in.wage_max < *in.wage_min)) &&
      !unread("wage_max")) {
    errors.push_back({"wage_max", "employers.error.wage_max"});
  }
  if (!InList(kEmploymentTypes, in.employment_type)) {
    errors.push_back({"employment_type", "employers.error.employment_type"});
  }
  if (!in.valid_until.empty() && !core::ParseIsoDate(in.valid_until)) {
    errors.push_back({"valid_until", "employers.error.valid_until"});
  }
  return errors;
}

core::Result<std::vector<Opening>> OpeningService::List(const auth::Principal& who,
                                                        const OpeningQuery& query) {
  const std::string today = Today(clock_);
  return db_.Read<std::vector<Opening>>([&](soci::session& s) {
    if (!auth::Policy::CanCounsel(who, who.organization_id)) throw Abort{core::Error::Forbidden()};
    std::vector<Opening> out;
    for (auto& o : VisibleRows(s, who, today)) {
      if (Matches(o, query)) out.push_back(std::move(o));
    }
    return out;
  });
}

core::Result<Opening> OpeningService::Get(const auth::Principal& who, std::int64_t id) {
  const std::string today = Today(clock_);
  return db_.Read<Opening>([&](soci::session& s) {
    auto o = LoadVisible(s, who, id, today);
    if (!o) throw Abort{core::Error::NotFound()};
    return *o;
  });
}

core::Result<std::int64_t> OpeningService::Create(const auth::Principal& who,
                                                  const audit::Actor& actor,
                                                  const OpeningInput& input) {
  const OpeningInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    const Employer employer = LoadOwnEmployer(s, who, in.employer_id);
    if (employer.status != "active") throw Abort{core::Error::Conflict("employers.error.archived")};
    if (auto errors = Validate(in); !errors.empty()) {
      throw Abort{core::Error::Invalid("error.form", std::move(errors))};
    }
    return InsertOpening(s, who, actor, in, now);
  });
}

core::Status OpeningService::Update(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t id, const OpeningInput& input) {
  const OpeningInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = Today(clock_);
  return db_.WriteVoid([&](soci::session& s) {
    auto old = LoadVisible(s, who, id, today);
    if (!old || !old->own) throw Abort{core::Error::NotFound()};
    LockAtVersion(s, id, input.version);
    if (auto errors = Validate(in); !errors.empty()) {
      throw Abort{core::Error::Invalid("error.form", std::move(errors))};
    }
    long long jid = id;
    long long at = now;
    auto sm = Bind(in.start_minutes), em = Bind(in.end_minutes), wd = Bind(in.weekly_days),
         wh = Bind(in.weekly_hours), wmin = Bind(in.wage_min), wmax = Bind(in.wage_max);
    int sh = in.short_hours, st = in.staggered_hours, tw = in.telework, hl = in.hospital_leave,
        pub = in.published;
    s << "UPDATE job_opening SET title = :t, duties = :d, municipality = :m, work_place = :wp, "
         "start_minutes = :sm, end_minutes = :em, weekly_days = :wd, weekly_hours = :wh, "
         "hours_note = :hn, short_hours = :sh, staggered_hours = :st, telework = :tw, "
         "hospital_leave = :hl, wage_kind = :wk, wage_min = :wmin, wage_max = :wmax, "
         "employment_type = :et, valid_until = :vu, published = :pub, version = version + 1, "
         "updated_at = :up WHERE id = :i",
        soci::use(in.title), soci::use(in.duties), soci::use(in.municipality),
        soci::use(in.work_place), soci::use(sm.value, sm.ind), soci::use(em.value, em.ind),
        soci::use(wd.value, wd.ind), soci::use(wh.value, wh.ind), soci::use(in.hours_note),
        soci::use(sh), soci::use(st), soci::use(tw), soci::use(hl), soci::use(in.wage_kind),
        soci::use(wmin.value, wmin.ind), soci::use(wmax.value, wmax.ind),
        soci::use(in.employment_type), soci::use(in.valid_until), soci::use(pub), soci::use(at),
        soci::use(jid);
    Audit(s, actor, who, "job_opening.update", id, now);
  });
}

core::Status OpeningService::SetOpen(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t id, int version, bool open) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = Today(clock_);
  return db_.WriteVoid([&](soci::session& s) {
    auto old = LoadVisible(s, who, id, today);
    if (!old || !old->own) throw Abort{core::Error::NotFound()};
    LockAtVersion(s, id, version);
    long long jid = id;
    long long at = now;
    const std::string status = open ? "open" : "closed";
    s << "UPDATE job_opening SET status = :s, version = version + 1, updated_at = :up WHERE id = "
         ":i",
        soci::use(status), soci::use(at), soci::use(jid);
    Audit(s, actor, who, open ? "job_opening.reopen" : "job_opening.close", id, now);
  });
}

core::Result<CaseFit> OpeningService::ForCase(const auth::Principal& who, std::int64_t case_id,
                                              OpeningQuery query, bool default_municipality) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  const std::string iso = core::ToIso(today);
  return db_.Read<CaseFit>([&](soci::session& s) {
    auto view = auth::RecordAccess::Case(s, who, case_id, today);
    if (!view || !view->runs_case) throw Abort{core::Error::NotFound()};
    CaseFit fit;
    fit.case_id = case_id;
    if (view->client.Has("basic")) {
      long long cid = view->client_id;
      s << "SELECT municipality FROM client WHERE id = :c", soci::use(cid),
          soci::into(fit.municipality);
    }
    if (default_municipality) query.municipality = fit.municipality;
    query.state = "open";
    long long org = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kSelect) + "WHERE e.status = 'active' AND " +
                          VisibleEmployerFilter() + " ORDER BY j.valid_until DESC, j.id DESC",
         soci::use(org), soci::use(org), soci::use(org));
    for (const auto& r : rows) {
      Opening o = Read(r, iso);
      o.own = o.organization_id == who.organization_id;
      if (Matches(o, query)) fit.openings.push_back(std::move(o));
    }
    return fit;
  });
}

core::Result<std::vector<Opening>> OpeningService::Published(const OpeningQuery& query) {
  const std::string today = Today(clock_);
  return db_.Read<std::vector<Opening>>([&](soci::session& s) {
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kSelect) +
                          "WHERE j.published = 1 AND j.status = 'open' AND e.status = 'active' "
                          "ORDER BY j.id DESC");
    std::vector<Opening> out;
    OpeningQuery q = query;
    q.state = "open";
    for (const auto& r : rows) {
      Opening o = Read(r, today);
      if (Matches(o, q)) out.push_back(std::move(o));
    }
    return out;
  });
}

core::Result<Opening> OpeningService::PublishedOne(std::int64_t id) {
  const std::string today = Today(clock_);
  return db_.Read<Opening>([&](soci::session& s) {
    long long jid = id;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kSelect) +
                          "WHERE j.id = :i AND j.published = 1 AND j.status = 'open' AND "
                          "e.status = 'active'",
         soci::use(jid));
    for (const auto& r : rows) {
      Opening o = Read(r, today);
      if (Offered(o)) return o;
    }
    throw Abort{core::Error::NotFound()};
  });
}

}  // namespace tsunagu::employment::employers
