// Telling the people registered for an event that it will not take place: one function for
// 中止 in the organiser's form and for a salon meeting its salon no longer holds.
#include <tuple>
#include <vector>

#include "events/event_mail.hpp"
#include "events/lifecycle.hpp"
#include "storage/row.hpp"

namespace tsunagu::events {

int TellCancelled(soci::session& s, const LifecycleMail& lm, const Event& event, std::int64_t now) {
  long long id = event.id;
  std::vector<std::tuple<std::string, std::string, std::string>> to_tell;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT reference, email_enc, lang FROM event_registration WHERE event_id "
                      "= :e AND status IN ('registered','waiting') ORDER BY id",
         soci::use(id));
    for (const auto& r : rows) {
      to_tell.emplace_back(storage::GetText(r, 0), storage::GetText(r, 1), storage::GetText(r, 2));
    }
  }
  const MailContext mc{lm.catalog, lm.public_url, now};
  int notified = 0;
  for (const auto& [reference, email_enc, lang] : to_tell) {
    auto email = lm.cipher.Decrypt(email_enc, "event_registration:" + reference + ":email");
    if (!email || email->empty()) continue;
    lm.outbox.Enqueue(s, EventCancelledMail(mc, PersonLanguage(lang), *email, event, reference),
                      "event_cancelled");
    ++notified;
  }
  return notified;
}

}  // namespace tsunagu::events
