#include "cases/case_rows.hpp"

#include "rights/use_stop.hpp"
#include "storage/row.hpp"

namespace tsunagu::cases::case_rows {

using storage::GetInt;

std::string EntryAd(long long id) {
  return "timeline_entry:" + std::to_string(id) + ":body";
}

std::string CasePath(long long id) {
  return "/cases/" + std::to_string(id);
}

// A timeline entry in the caller's transaction; returns its id.
long long InsertEntry(soci::session& s, const crypto::FieldCipher& cipher, long long case_id,
                      const auth::Principal& who, const std::string& kind,
                      const std::string& occurred_on, const std::string& body, std::int64_t now) {
  // 利用停止: nothing new is written about the person; the case's own status changes are.
  if (kind != "status_change") rights::RefuseStoppedCaseEntry(s, case_id);
  long long org = who.organization_id;
  long long user = who.user_id;
  long long at = now;
  long long id = 0;
  s << "INSERT INTO timeline_entry (case_id, organization_id, author_id, kind, occurred_on, "
       "body_enc, created_at, updated_at) VALUES (:c, :o, :u, :k, :d, '', :t, :t2) RETURNING id",
      soci::use(case_id), soci::use(org), soci::use(user), soci::use(kind), soci::use(occurred_on),
      soci::use(at), soci::use(at), soci::into(id);
  const std::string sealed = cipher.Encrypt(body, EntryAd(id));
  s << "UPDATE timeline_entry SET body_enc = :b WHERE id = :id", soci::use(sealed), soci::use(id);
  long long cid = case_id;
  s << "UPDATE support_case SET updated_at = :t WHERE id = :id", soci::use(at), soci::use(cid);
  return id;
}

// Users of `org` who may work on cases (admin, coordinator, counselor), active.
bool IsCaseWorker(soci::session& s, long long org, long long user) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM membership m JOIN app_user u ON u.id = m.user_id WHERE "
       "m.organization_id = :o AND m.user_id = :u AND u.status = 'active' AND m.role IN "
       "('admin','coordinator','counselor')",
      soci::into(n), soci::use(org), soci::use(user);
  return n > 0;
}

// The referrals that led to the case (the one that opened it, and any that joined it later).
std::vector<long long> ReferralsOf(soci::session& s, long long case_id) {
  std::vector<long long> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id FROM referral WHERE case_id = :c ORDER BY id", soci::use(case_id));
  for (const auto& r : rows) out.push_back(GetInt(r, 0));
  return out;
}

}  // namespace tsunagu::cases::case_rows
