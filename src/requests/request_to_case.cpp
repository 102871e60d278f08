// 支援へ移行 (issue 15): a request becomes a client and a support case (伴走) of the
// organisation, only with the person's consent, in one transaction.
#include <algorithm>

#include "cases/case_service.hpp"
#include "clients/client_service.hpp"
#include "core/text.hpp"
#include "requests/request_rows.hpp"
#include "requests/request_service.hpp"
#include "sharing/consent_service.hpp"

namespace tsunagu::requests {

using storage::Abort;

core::Result<ToCaseResult> RequestService::ToCase(const auth::Principal& who,
                                                  const audit::Actor& actor, std::int64_t id,
                                                  const ToCaseInput& in) {
  const std::int64_t now = clock_.NowSeconds();
  clients::ClientInput client;
  client.name = core::Trim(in.name);
  client.kana = core::Trim(in.kana);
  client.phone = core::Trim(in.phone);
  client.email = core::Trim(in.email);
  std::vector<core::FieldError> errors;
  if (!in.consent) errors.push_back({"consent", "requests.error.consent_needed"});
  if (std::find(sharing::kConsentMethods.begin(), sharing::kConsentMethods.end(),
                in.consent_method) == sharing::kConsentMethods.end()) {
    errors.push_back({"consent_method", "requests.error.consent_method"});
  }
  for (auto& e : clients::ClientService::Validate(client, core::DateFromUnixSeconds(now).year)) {
    errors.push_back(std::move(e));
  }
  return db_.Write<ToCaseResult>([&](soci::session& s) {
    long long org = rows::CounselOrg(who);
    long long rid = id;
    std::string status;
    soci::indicator case_ind = soci::i_null;
    long long existing_case = 0;
    s << "SELECT status, case_id FROM consultation_request WHERE id = :i AND organization_id = :o",
        soci::use(rid), soci::use(org), soci::into(status), soci::into(existing_case, case_ind);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    if (case_ind == soci::i_ok) throw Abort{core::Error::Conflict("requests.error.already_case")};
    if (status == "closed") throw Abort{core::Error::Conflict("requests.error.closed")};
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form", errors)};
    // Claims the request first: a second press waits here for this transaction (PostgreSQL
    // row lock; SQLite writers take turns) and then finds it closed.
    long long at = now;
    long long by = actor.user_id;
    const std::string method = in.consent_method;
    soci::statement claim =
        (s.prepare << "UPDATE consultation_request SET status = 'closed', consent_method = :m, "
                      "consented_at = :t, converted_by = :u, updated_at = :t2 WHERE id = :i AND "
                      "status <> 'closed' AND case_id IS NULL",
         soci::use(method), soci::use(at), soci::use(by), soci::use(at), soci::use(rid));
    claim.execute(true);
    if (claim.get_affected_rows() != 1) {
      throw Abort{core::Error::Conflict("requests.error.already_case")};
    }
    ToCaseResult made;
    made.client_id = clients::InsertClient(s, cipher_, who, actor, client, now);
    long long client_id = made.client_id;
    // The case as cases::CaseService::Open makes it: the organisation's own, staff = opener.
    long long user = who.user_id;
    long long case_id = 0;
    s << "INSERT INTO support_case (organization_id, client_id, owner_user_id, status, "
         "opened_at, updated_at) VALUES (:o, :c, :u, 'intake', :t, :t2) RETURNING id",
        soci::use(org), soci::use(client_id), soci::use(user), soci::use(at), soci::use(at),
        soci::into(case_id);
    s << "INSERT INTO case_staff (case_id, user_id) VALUES (:c, :u)", soci::use(case_id),
        soci::use(user);
    audit::AuditLog::Append(s, actor, {"case.open", "support_case", std::to_string(case_id), "{}"},
                            now);
    made.case_id = case_id;
    s << "UPDATE consultation_request SET client_id = :c, case_id = :k WHERE id = :i",
        soci::use(client_id), soci::use(case_id), soci::use(rid);
    audit::AuditLog::Append(s, actor,
                            {"request.to_case", "consultation_request", std::to_string(id),
                             "{\"client\":" + std::to_string(client_id) + ",\"case\":" +
                                 std::to_string(case_id) + ",\"consent\":\"" + method + "\"}",
                             org},
                            now);
    return made;
  });
}

}  // namespace tsunagu::requests
