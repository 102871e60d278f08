// Joining an organisation with an existing account (SECURITY.md rule 2): the invitation is
// only a proposal; the membership exists once the person, signed in as that account, accepts.
#include "crypto/random.hpp"
#include "orgs/org_service.hpp"
#include "orgs/org_store.hpp"
#include "storage/row.hpp"

namespace tsunagu::orgs {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

namespace {

constexpr const char* kInvitationSelect =
    "SELECT i.id, i.organization_id, o.name, i.user_id, u.email, u.display_name, i.role, "
    "i.profession, i.expires_at FROM membership_invitation i JOIN organization o ON o.id = "
    "i.organization_id JOIN app_user u ON u.id = i.user_id ";

JoinInvitation ReadInvitation(const soci::row& r) {
  JoinInvitation j;
  j.id = GetInt(r, 0);
  j.organization_id = GetInt(r, 1);
  j.organization_name = GetText(r, 2);
  j.user_id = GetInt(r, 3);
  j.user_email = GetText(r, 4);
  j.user_display_name = GetText(r, 5);
  j.role = GetText(r, 6);
  j.profession = GetText(r, 7);
  j.expires_at = GetInt(r, 8);
  return j;
}

core::Error InvalidLink() {
  return core::Error{core::ErrorCode::kNotFound, "join.invalid", {}};
}

}  // namespace

std::int64_t OrgStore::AddJoinInvitation(soci::session& s, std::int64_t org_id,
                                         std::int64_t user_id, const std::string& role,
                                         const std::string& profession, std::int64_t invited_by,
                                         const std::string& token_hash, std::int64_t now,
                                         std::int64_t expires_at) {
  long long o = org_id;
  long long u = user_id;
  long long by = invited_by;
  soci::indicator by_ind = invited_by ? soci::i_ok : soci::i_null;
  long long at = now;
  long long ex = expires_at;
  // A new invitation replaces the open one (one pending per person and organisation).
  s << "UPDATE membership_invitation SET status = 'revoked', decided_at = :n WHERE "
       "organization_id = :o AND user_id = :u AND status = 'pending'",
      soci::use(at), soci::use(o), soci::use(u);
  long long id = 0;
  s << "INSERT INTO membership_invitation (token_hash, organization_id, user_id, role, "
       "profession, invited_by, status, created_at, expires_at) VALUES (:h, :o, :u, :r, :p, :by, "
       "'pending', :n, :ex) RETURNING id",
      soci::use(token_hash), soci::use(o), soci::use(u), soci::use(role), soci::use(profession),
      soci::use(by, by_ind), soci::use(at), soci::use(ex), soci::into(id);
  return id;
}

core::Result<JoinInvitation> OrgService::FindJoinInvitation(std::int64_t user_id,
                                                            const std::string& token) {
  if (token.empty() || token.size() > 128) return InvalidLink();
  const std::string hash = crypto::HashToken(token);
  const long long now = clock_.NowSeconds();
  const long long uid = user_id;
  return db_.Read<JoinInvitation>([&](soci::session& s) {
    // Another account's link answers exactly like one that does not exist.
    soci::rowset<soci::row> rows =
        (s.prepare << kInvitationSelect
                   << "WHERE i.token_hash = :h AND i.user_id = :u AND i.status = 'pending' AND "
                      "i.expires_at > :n AND o.status = 'active'",
         soci::use(hash), soci::use(uid), soci::use(now));
    for (const auto& r : rows) return ReadInvitation(r);
    throw Abort{InvalidLink()};
  });
}

core::Result<std::int64_t> OrgService::AnswerJoinInvitation(std::int64_t user_id,
                                                            const audit::Actor& actor,
                                                            const std::string& token, bool accept) {
  if (token.empty() || token.size() > 128) return InvalidLink();
  const std::string hash = crypto::HashToken(token);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) -> std::int64_t {
    long long at = now;
    long long uid = user_id;
    const std::string status = accept ? "accepted" : "declined";
    // One statement decides: a double submit, an expired, revoked or foreign link changes
    // nothing. Nobody accepts an invitation they issued themselves.
    soci::statement st =
        (s.prepare << "UPDATE membership_invitation SET status = :st, decided_at = :n WHERE "
                      "token_hash = :h AND user_id = :u AND status = 'pending' AND expires_at > "
                      ":n2 AND (invited_by IS NULL OR invited_by <> :u2)",
         soci::use(status), soci::use(at), soci::use(hash), soci::use(uid), soci::use(at),
         soci::use(uid));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw Abort{InvalidLink()};
    JoinInvitation inv;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << kInvitationSelect << "WHERE i.token_hash = :h", soci::use(hash));
      for (const auto& r : rows) inv = ReadInvitation(r);
    }
    auto org = OrgStore::GetOrganization(s, inv.organization_id);
    if (!org || org->status != "active") throw Abort{InvalidLink()};
    audit::Actor by = actor;
    by.user_id = user_id;
    std::int64_t membership_id = 0;
    if (accept) {
      if (OrgStore::FindMembership(s, user_id, inv.organization_id)) {
        throw Abort{core::Error::Conflict("members.error.already_member")};
      }
      membership_id =
          OrgStore::AddMembership(s, user_id, inv.organization_id, inv.role, inv.profession, now);
    }
    // Written in the organisation's audit, which its admins read.
    audit::AuditLog::Append(
        s, by,
        {accept ? "membership.accept" : "membership.decline", "membership_invitation",
         std::to_string(inv.id), "{\"role\":\"" + inv.role + "\"}", inv.organization_id},
        now);
    return membership_id;
  });
}

core::Result<std::vector<JoinInvitation>> OrgService::PendingInvitations(const auth::Principal& who,
                                                                         std::int64_t org_id) {
  if (!auth::Policy::CanManageMembersOf(who, org_id)) return core::Error::NotFound();
  const long long now = clock_.NowSeconds();
  const long long o = org_id;
  return db_.Read<std::vector<JoinInvitation>>([&](soci::session& s) {
    std::vector<JoinInvitation> out;
    soci::rowset<soci::row> rows =
        (s.prepare << kInvitationSelect
                   << "WHERE i.organization_id = :o AND i.status = 'pending' AND i.expires_at > "
                      ":n ORDER BY i.id",
         soci::use(o), soci::use(now));
    for (const auto& r : rows) out.push_back(ReadInvitation(r));
    return out;
  });
}

core::Status OrgService::RevokeInvitation(const auth::Principal& who, const audit::Actor& actor,
                                          std::int64_t invitation_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long id = invitation_id;
    long long org = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT organization_id FROM membership_invitation WHERE id = :id AND status = "
         "'pending'",
        soci::use(id), soci::into(org, ind);
    // Another organisation's invitation answers exactly like one that does not exist.
    if (!s.got_data() || ind != soci::i_ok || !auth::Policy::CanManageMembersOf(who, org)) {
      throw Abort{core::Error::NotFound()};
    }
    long long at = now;
    s << "UPDATE membership_invitation SET status = 'revoked', decided_at = :n WHERE id = :id",
        soci::use(at), soci::use(id);
    audit::AuditLog::Append(s, actor,
                            {"membership.revoke_invitation", "membership_invitation",
                             std::to_string(invitation_id), "{}", org},
                            now);
  });
}

}  // namespace tsunagu::orgs
