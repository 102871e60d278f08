#include "cases/case_service.hpp"

#include <algorithm>

#include "cases/case_rows.hpp"
#include "consultations/model.hpp"
#include "core/text.hpp"
#include "live/bus.hpp"
#include "referrals/referral_service.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::cases {

using namespace case_rows;  // NOLINT(google-build-using-namespace): this domain's own helpers

namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

std::vector<core::FieldError> ValidateEntry(const EntryInput& in, bool partner) {
  std::vector<core::FieldError> errors;
  if (in.kind.empty()) {
    errors.push_back({"kind", "error.required"});
  } else if (!consultations::InList(kEntryKinds, in.kind) || (partner && in.kind != "comment")) {
    errors.push_back({"kind", "error.invalid_choice"});
  }
  if (!core::ParseIsoDate(in.occurred_on)) errors.push_back({"occurred_on", "error.date"});
  if (core::Trim(in.body).empty()) {
    errors.push_back({"body", "error.required"});
  } else if (core::CountCodePoints(in.body) > CaseService::kMaxBody) {
    errors.push_back({"body", "error.too_long"});
  }
  return errors;
}

}  // namespace

long long OpenCaseOf(soci::session& s, long long organization_id, long long client_id) {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT id FROM support_case WHERE organization_id = :o AND client_id = :c AND status <> "
       "'closed'",
      soci::into(id, ind), soci::use(organization_id), soci::use(client_id);
  return s.got_data() && ind == soci::i_ok ? id : 0;
}

void CaseService::Publish(std::int64_t case_id, const std::string& event, std::int64_t id) const {
  bus_.Publish("case:" + std::to_string(case_id), event, std::to_string(id));
}

void CaseService::PublishReferral(std::int64_t referral_id, const std::string& status) const {
  bus_.Publish("referral:" + std::to_string(referral_id), "referral", status);
}

auth::CaseView CaseService::Access(soci::session& s, const auth::Principal& who,
                                   std::int64_t case_id, bool edit, core::Date today) const {
  auto view = auth::RecordAccess::Case(s, who, case_id, today);
  if (!view) throw Abort{core::Error::NotFound()};
  if (edit && !view->runs_case) throw Abort{core::Error::Forbidden()};
  return *view;
}

core::Result<std::int64_t> CaseService::Open(const auth::Principal& who, const audit::Actor& actor,
                                             std::int64_t client_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::int64_t>([&](soci::session& s) {
    auto view = auth::RecordAccess::Client(s, who, client_id, today);
    if (!view) throw Abort{core::Error::NotFound()};
    if (!view->owner) throw Abort{core::Error::Forbidden()};
    long long org = who.organization_id;
    long long client = client_id;
    long long user = who.user_id;
    long long at = now;
    long long id = 0;
    // One open case per person here (the support_case_open_uq index holds it under races).
    if (OpenCaseOf(s, org, client) != 0)
      throw Abort{core::Error::Conflict("case.error.already_open")};
    s << "INSERT INTO support_case (organization_id, client_id, owner_user_id, status, "
         "opened_at, updated_at) VALUES (:o, :c, :u, 'intake', :t, :t2) RETURNING id",
        soci::use(org), soci::use(client), soci::use(user), soci::use(at), soci::use(at),
        soci::into(id);
    s << "INSERT INTO case_staff (case_id, user_id) VALUES (:c, :u)", soci::use(id),
        soci::use(user);
    audit::AuditLog::Append(s, actor, {"case.open", "support_case", std::to_string(id), "{}"}, now);
    return static_cast<std::int64_t>(id);
  });
}

std::vector<CaseSummary> CaseService::Summaries(soci::session& s, const auth::Principal& who,
                                                const std::vector<long long>& ids,
                                                core::Date today) const {
  std::vector<CaseSummary> out;
  for (long long id : ids) {
    auto view = auth::RecordAccess::Case(s, who, id, today);
    if (!view) continue;
    soci::row r;
    s << "SELECT o.name, u.display_name, sc.status, sc.outcome, sc.updated_at, c.name_enc, "
         "(SELECT COUNT(*) FROM case_task t WHERE t.case_id = sc.id AND t.status = 'open') "
         "FROM support_case sc JOIN organization o ON o.id = sc.organization_id JOIN app_user "
         "u ON u.id = sc.owner_user_id JOIN client c ON c.id = sc.client_id WHERE sc.id = :id",
        soci::into(r), soci::use(id);
    CaseSummary sum;
    sum.id = id;
    sum.organization_name = GetText(r, 0);
    sum.owner_name = GetText(r, 1);
    sum.status = GetText(r, 2);
    sum.outcome = GetText(r, 3);
    sum.updated_at = GetInt(r, 4);
    if (view->client.Has("basic")) {
      sum.client_name = storage::Unseal(cipher_, GetText(r, 5),
                                        "client:" + std::to_string(view->client_id) + ":name");
    }
    sum.own = view->runs_case;
    sum.open_tasks = view->runs_case ? static_cast<int>(GetInt(r, 6)) : 0;
    out.push_back(std::move(sum));
  }
  return out;
}

core::Result<std::vector<CaseSummary>> CaseService::List(const auth::Principal& who,
                                                         const audit::Actor& actor,
                                                         bool open_only) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) {
    return std::vector<CaseSummary>{};
  }
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::vector<CaseSummary>>([&](soci::session& s) {
    long long org = who.organization_id;
    const std::string day = core::ToIso(today);
    std::vector<long long> ids;
    {
      // Own cases, and cases a consent names this organisation for; Access below decides
      // each one (the consent must also name the running organisation).
      const std::string sql =
          std::string(
              "SELECT sc.id FROM support_case sc JOIN client c ON c.id = sc.client_id WHERE ") +
          auth::RecordAccess::CaseListFilter() + (open_only ? " AND sc.status <> 'closed'" : "") +
          " ORDER BY sc.updated_at DESC, sc.id DESC LIMIT 200";
      soci::rowset<soci::row> rows =
          (s.prepare << sql, soci::use(org), soci::use(org), soci::use(day), soci::use(day));
      for (const auto& r : rows) ids.push_back(GetInt(r, 0));
    }
    auto out = Summaries(s, who, ids, today);
    audit::AuditLog::Append(s, actor,
                            {"case.list", "organization", std::to_string(org),
                             "{\"rows\":" + std::to_string(out.size()) + "}"},
                            now);
    return out;
  });
}

core::Result<std::vector<CaseSummary>> CaseService::ForClient(const auth::Principal& who,
                                                              std::int64_t client_id) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::vector<CaseSummary>>([&](soci::session& s) {
    long long cid = client_id;
    std::vector<long long> ids;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT id FROM support_case WHERE client_id = :c ORDER BY id DESC",
           soci::use(cid));
      for (const auto& r : rows) ids.push_back(GetInt(r, 0));
    }
    return Summaries(s, who, ids, today);
  });
}

core::Result<std::int64_t> CaseService::AddEntry(const auth::Principal& who,
                                                 const audit::Actor& actor, std::int64_t case_id,
                                                 const EntryInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  auto added = db_.Write<std::int64_t>([&](soci::session& s) {
    const auto view = Access(s, who, case_id, false, today);
    auto errors = ValidateEntry(input, !view.runs_case);
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    const long long id = InsertEntry(s, cipher_, case_id, who, input.kind, input.occurred_on,
                                     core::NormalizeNewlines(core::Trim(input.body)), now);
    // Mentions: staff of the organisations that see the case; others are ignored.
    std::vector<std::int64_t> told;
    for (auto user : input.mentions) {
      long long uid = user;
      const bool of_case_org = IsCaseWorker(s, view.case_org_id, uid);
      const bool of_mine = IsCaseWorker(s, who.organization_id, uid);
      if ((!of_case_org && !of_mine) || user == who.user_id) continue;
      if (std::find(told.begin(), told.end(), user) != told.end()) continue;
      s << "INSERT INTO timeline_mention (entry_id, user_id) VALUES (:e, :u)", soci::use(id),
          soci::use(uid);
      told.push_back(user);
    }
    notifier_.ToUsers(s, told, {"case_mention", CasePath(case_id)});
    if (!view.runs_case) {
      notifier_.ToOrganization(s, view.case_org_id, {"case_updated", CasePath(case_id)},
                               who.user_id);
    }
    audit::AuditLog::Append(
        s, actor,
        {"case.entry_add", "support_case", std::to_string(case_id),
         "{\"entry\":" + std::to_string(id) + ",\"kind\":\"" + input.kind + "\"}"},
        now);
    return static_cast<std::int64_t>(id);
  });
  if (added) Publish(case_id, "timeline", *added);
  return added;
}

core::Status CaseService::EditEntry(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t case_id, std::int64_t entry_id, int version,
                                    const EntryInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  auto done = db_.WriteVoid([&](soci::session& s) {
    const auto view = Access(s, who, case_id, false, today);
    long long eid = entry_id;
    long long cid = case_id;
    long long org = 0;
    std::string kind;
    std::string occurred_on;
    std::string body_enc;
    int current = 0;
    long long author = 0;
    long long edited_at = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT organization_id, kind, occurred_on, body_enc, version, author_id, updated_at "
         "FROM timeline_entry WHERE id = :e AND case_id = :c",
        soci::into(org, ind), soci::into(kind), soci::into(occurred_on), soci::into(body_enc),
        soci::into(current), soci::into(author), soci::into(edited_at), soci::use(eid),
        soci::use(cid);
    if (!s.got_data() || ind != soci::i_ok) throw Abort{core::Error::NotFound()};
    if (org != who.organization_id || !consultations::InList(kEntryKinds, kind)) {
      throw Abort{core::Error::Forbidden()};
    }
    EntryInput in = input;
    if (kind == "comment" || !view.runs_case) in.kind = kind;  // a comment stays a comment
    auto errors = ValidateEntry(in, !view.runs_case);
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    if (current != version) throw Abort{core::Error::Conflict("case.error.stale")};
    // The text as it was, re-sealed for its place in the history.
    const std::string previous = storage::Unseal(cipher_, body_enc, EntryAd(eid));
    const std::string old_sealed = cipher_.Encrypt(
        previous, "timeline_revision:" + std::to_string(eid) + ":" + std::to_string(current));
    s << "INSERT INTO timeline_revision (entry_id, version, kind, occurred_on, body_enc, "
         "edited_by, edited_at) VALUES (:e, :v, :k, :d, :b, :u, :t)",
        soci::use(eid), soci::use(current), soci::use(kind), soci::use(occurred_on),
        soci::use(old_sealed), soci::use(author), soci::use(edited_at);
    const std::string sealed =
        cipher_.Encrypt(core::NormalizeNewlines(core::Trim(in.body)), EntryAd(eid));
    long long at = now;
    long long editor = who.user_id;
    soci::statement st =
        (s.prepare << "UPDATE timeline_entry SET kind = :k, occurred_on = :d, body_enc = :b, "
                      "version = version + 1, author_id = :u, updated_at = :t WHERE id = :e AND "
                      "version = :v",
         soci::use(in.kind), soci::use(in.occurred_on), soci::use(sealed), soci::use(editor),
         soci::use(at), soci::use(eid), soci::use(current));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw Abort{core::Error::Conflict("case.error.stale")};
    audit::AuditLog::Append(s, actor,
                            {"case.entry_edit", "support_case", std::to_string(case_id),
                             "{\"entry\":" + std::to_string(entry_id) + "}"},
                            now);
  });
  if (done) Publish(case_id, "timeline", entry_id);
  return done;
}

core::Result<std::vector<EntryRevision>> CaseService::History(const auth::Principal& who,
                                                              const audit::Actor& actor,
                                                              std::int64_t case_id,
                                                              std::int64_t entry_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::vector<EntryRevision>>([&](soci::session& s) {
    Access(s, who, case_id, false, today);
    long long eid = entry_id;
    long long cid = case_id;
    long long n = 0;
    s << "SELECT COUNT(*) FROM timeline_entry WHERE id = :e AND case_id = :c", soci::into(n),
        soci::use(eid), soci::use(cid);
    if (n == 0) throw Abort{core::Error::NotFound()};
    std::vector<std::pair<EntryRevision, std::string>> raw;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT r.version, r.kind, r.occurred_on, r.body_enc, u.display_name, "
                      "r.edited_at FROM timeline_revision r JOIN app_user u ON u.id = "
                      "r.edited_by WHERE r.entry_id = :e ORDER BY r.version DESC",
         soci::use(eid));
    for (const auto& r : rows) {
      EntryRevision rev;
      rev.version = static_cast<int>(GetInt(r, 0));
      rev.kind = GetText(r, 1);
      rev.occurred_on = core::ParseIsoDate(GetText(r, 2)).value_or(core::Date{});
      rev.edited_by = GetText(r, 4);
      rev.edited_at = GetInt(r, 5);
      raw.emplace_back(std::move(rev), GetText(r, 3));
    }
    std::vector<EntryRevision> out;
    for (auto& [rev, enc] : raw) {
      rev.body = storage::Unseal(
          cipher_, enc,
          "timeline_revision:" + std::to_string(eid) + ":" + std::to_string(rev.version));
      out.push_back(std::move(rev));
    }
    audit::AuditLog::Append(s, actor,
                            {"case.entry_history", "support_case", std::to_string(case_id),
                             "{\"entry\":" + std::to_string(entry_id) + "}"},
                            now);
    return out;
  });
}

}  // namespace tsunagu::cases
