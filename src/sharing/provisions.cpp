#include "sharing/provisions.hpp"

#include <algorithm>

#include "auth/record_access.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "rights/use_stop.hpp"
#include "storage/row.hpp"

namespace tsunagu::sharing {
namespace {

using storage::GetInt;
using storage::GetText;

// Items once each, in auth::kConsentItems order.
std::vector<std::string> InOrder(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (auto item : auth::kConsentItems) {
    if (std::find(items.begin(), items.end(), item) != items.end()) out.emplace_back(item);
  }
  return out;
}

}  // namespace

void RecordProvision(soci::session& s, const crypto::FieldCipher& cipher, const Provision& p,
                     std::int64_t now) {
  const std::string day = core::ToIso(core::DateFromUnixSeconds(now));
  // Nothing is provided while the holding organisation has stopped using the data (利用停止).
  rights::RefuseStoppedProvision(s, p.client_id);
  long long provider = p.provider_org_id;
  long long recipient = p.recipient_org_id;
  soci::indicator recipient_ind = p.recipient_org_id == 0 ? soci::i_null : soci::i_ok;
  long long client = p.client_id;
  long long consent = p.consent_id;
  long long actor = p.actor_user_id;
  soci::indicator actor_ind = p.actor_user_id == 0 ? soci::i_null : soci::i_ok;
  long long link = p.share_link_id;
  soci::indicator link_ind = p.share_link_id == 0 ? soci::i_null : soci::i_ok;
  long long at = now;
  // The label's place is the link or the recipient, which the row itself names.
  const std::string label =
      p.recipient_label.empty()
          ? std::string()
          : cipher.Encrypt(p.recipient_label,
                           "provision:" + std::to_string(p.client_id) + ":recipient");
  std::string items = core::JoinCodes(InOrder(p.items));
  if (p.channel == "shared_view" && p.recipient_org_id != 0) {
    // One continuous provision a day per consent and recipient: a later view that showed
    // other items adds them to the day's record, so it names everything provided.
    long long existing_id = 0;
    std::string existing;
    s << "SELECT id, items FROM provision_record WHERE consent_id = :k AND provider_org_id = :p "
         "AND recipient_org_id = :r AND channel = 'shared_view' AND provided_on = :d",
        soci::into(existing_id), soci::into(existing), soci::use(consent), soci::use(provider),
        soci::use(recipient), soci::use(day);
    if (s.got_data()) {
      auto merged = core::SplitCodes(existing);
      merged.insert(merged.end(), p.items.begin(), p.items.end());
      const std::string all = core::JoinCodes(InOrder(merged));
      if (all != existing) {
        s << "UPDATE provision_record SET items = :i WHERE id = :id", soci::use(all),
            soci::use(existing_id);
      }
      return;
    }
  }
  s << "INSERT INTO provision_record (provider_org_id, recipient_org_id, recipient_label_enc, "
       "client_id, consent_id, items, channel, provided_on, provided_at, actor_user_id, "
       "share_link_id) VALUES (:p, :r, :l, :c, :k, :i, :ch, :d, :t, :a, :s) ON CONFLICT DO "
       "NOTHING",
      soci::use(provider), soci::use(recipient, recipient_ind), soci::use(label), soci::use(client),
      soci::use(consent), soci::use(items), soci::use(p.channel), soci::use(day), soci::use(at),
      soci::use(actor, actor_ind), soci::use(link, link_ind);
}

core::Result<std::vector<ProvisionRow>> ProvisionService::List(const auth::Principal& who,
                                                               const audit::Actor& actor,
                                                               const std::string& from,
                                                               const std::string& to, int limit) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCoordinate)) {
    return core::Error::Forbidden();
  }
  return db_.Write<std::vector<ProvisionRow>>([&](soci::session& s) {
    long long org = who.organization_id;
    int lim = limit;
    std::vector<ProvisionRow> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT p.id, p.provided_at, COALESCE(o.name, ''), p.recipient_label_enc, "
                      "p.client_id, p.consent_id, p.items, p.channel, c.organization_id, "
                      "c.name_enc FROM provision_record p JOIN client c ON c.id = p.client_id "
                      "LEFT JOIN organization o ON o.id = p.recipient_org_id WHERE "
                      "p.provider_org_id = :o AND p.provided_on >= :f AND p.provided_on <= :t "
                      "ORDER BY p.provided_at DESC, p.id DESC LIMIT :l",
         soci::use(org), soci::use(from), soci::use(to), soci::use(lim));
    for (const auto& r : rows) {
      ProvisionRow row;
      row.id = GetInt(r, 0);
      row.provided_at = GetInt(r, 1);
      row.recipient = GetText(r, 2);
      row.client_id = GetInt(r, 4);
      row.consent_id = GetInt(r, 5);
      row.items = core::SplitCodes(GetText(r, 6));
      row.channel = GetText(r, 7);
      if (row.recipient.empty() && !GetText(r, 3).empty()) {
        auto label = cipher_.Decrypt(GetText(r, 3),
                                     "provision:" + std::to_string(row.client_id) + ":recipient");
        if (!label) throw storage::Abort{label.error()};
        row.recipient = *label;
      }
      if (GetInt(r, 8) == who.organization_id) {
        auto name =
            cipher_.Decrypt(GetText(r, 9), "client:" + std::to_string(row.client_id) + ":name");
        if (!name) throw storage::Abort{name.error()};
        row.client_name = *name;
      }
      out.push_back(std::move(row));
    }
    audit::AuditLog::Append(s, actor,
                            {"provision.list", "organization", std::to_string(org),
                             "{\"rows\":" + std::to_string(out.size()) + "}"},
                            clock_.NowSeconds());
    return out;
  });
}

}  // namespace tsunagu::sharing
