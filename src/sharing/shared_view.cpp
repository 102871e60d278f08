#include "sharing/shared_view.hpp"

#include "sharing/provisions.hpp"

namespace tsunagu::sharing {

void RecordSharedView(soci::session& s, const crypto::FieldCipher& cipher,
                      const auth::Principal& who, const auth::CaseView& view, std::int64_t now) {
  Provision p;
  p.provider_org_id = view.case_org_id;
  p.recipient_org_id = who.organization_id;
  p.client_id = view.client_id;
  p.consent_id = view.record_consents.front();
  p.items = {"records"};
  p.channel = "shared_view";
  p.actor_user_id = who.user_id;
  RecordProvision(s, cipher, p, now);
}

}  // namespace tsunagu::sharing
