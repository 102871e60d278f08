#include "events/lifecycle.hpp"

#include <optional>

#include "audit/audit_log.hpp"
#include "crypto/random.hpp"
#include "events/event_mail.hpp"
#include "events/event_rows.hpp"
#include "storage/row.hpp"

namespace tsunagu::events {
namespace {

using storage::GetInt;
using storage::GetText;

constexpr int kMinRetentionDays = 30;

std::int64_t StartOfDay(core::Date d) {
  return static_cast<std::int64_t>(core::DaysBetween({1970, 1, 1}, d)) * 86400 - 9 * 3600;
}

notify::MailMessage OnlineLinkMail(const LifecycleMail& lm, const std::string& lang,
                                   const std::string& to, const Event& event,
                                   const std::string& reference, const std::string& token) {
  auto t = [&](const char* key) { return lm.catalog.Get(lang, key); };
  notify::MailMessage m;
  m.to = to;
  m.subject = t("events_lifecycle.mail.online_subject");
  m.text_body = t("events_lifecycle.mail.online_intro") + "\n\n" + t("events.mail.event") + " " +
                event.title + "\n" + t("events.mail.when") + " " + WhenLine(event, lang) + "\n" +
                t("events.mail.reference") + " " + reference + "\n\n" +
                t("events_lifecycle.mail.online_page") + "\n" + BaseUrl(lm.public_url) +
                "/events/online/" + token + "\n\n" + t("events_lifecycle.mail.online_personal") +
                "\n\n" + t("events.mail.contact") + "\n" + event.contact + "\n\n" +
                t("events.mail.footer") + "\n";
  return m;
}

void Range(std::vector<core::FieldError>& errors, const char* field, int value, int min, int max) {
  if (value < min || value > max) {
    errors.push_back({field, std::string("events_lifecycle.error.") + field});
  }
}

}  // namespace

std::int64_t EventStartSeconds(const Event& event) {
  return StartOfDay(event.date) + std::int64_t{event.start_minutes} * 60;
}

std::int64_t EventEndSeconds(const Event& event) {
  return StartOfDay(event.date) + std::int64_t{event.end_minutes} * 60;
}

bool OnlineLinkDue(const Event& event, std::int64_t now) {
  const core::Date from = core::AddDays(event.date, -event.lifecycle.online_notice_days);
  return now >= StartOfDay(from) && now < EventEndSeconds(event);
}

void ValidateLifecycle(const LifecycleSettings& in, std::vector<core::FieldError>& errors) {
  Range(errors, "online_notice_days", in.online_notice_days, 0, 14);
  Range(errors, "hold_hours", in.hold_hours, 1, 168);
  Range(errors, "waitlist_cutoff_hours", in.waitlist_cutoff_hours, 0, 336);
  Range(errors, "retention_days", in.retention_days, kMinRetentionDays, 3650);
}

void SaveLifecycle(soci::session& s, std::int64_t event_id, const LifecycleSettings& in,
                   bool creating) {
  long long id = event_id;
  if (creating) {
    s << "UPDATE community_event SET online_notice_days = :n, hold_hours = :h, "
         "waitlist_cutoff_hours = :c, retention_days = :r WHERE id = :id",
        soci::use(in.online_notice_days), soci::use(in.hold_hours),
        soci::use(in.waitlist_cutoff_hours), soci::use(in.retention_days), soci::use(id);
  } else {
    s << "UPDATE community_event SET online_notice_days = :n, hold_hours = :h, "
         "waitlist_cutoff_hours = :c WHERE id = :id",
        soci::use(in.online_notice_days), soci::use(in.hold_hours),
        soci::use(in.waitlist_cutoff_hours), soci::use(id);
  }
}

bool SendOnlineLinkIfDue(soci::session& s, const LifecycleMail& lm, const Event& event,
                         std::int64_t registration_id, std::int64_t now) {
  if (event.status != "published" || !OnlineLinkDue(event, now)) return false;
  long long id = registration_id;
  std::string reference, email_enc, lang, mode, status;
  soci::indicator sent_ind = soci::i_null;
  long long sent = 0;
  s << "SELECT reference, email_enc, lang, mode, status, online_mail_sent_at FROM "
       "event_registration WHERE id = :id",
      soci::use(id), soci::into(reference), soci::into(email_enc), soci::into(lang),
      soci::into(mode), soci::into(status), soci::into(sent, sent_ind);
  if (!s.got_data() || mode != "online" || status != "registered" || sent_ind == soci::i_ok) {
    return false;
  }
  auto email = lm.cipher.Decrypt(email_enc, "event_registration:" + reference + ":email");
  if (!email || email->empty()) return false;
  const std::string token = crypto::RandomToken(24);
  const std::string hash = crypto::HashToken(token);
  long long at = now;
  // The claim: only the statement that sets online_mail_sent_at sends the mail. A parallel
  // round waits for this row's lock and then changes nothing.
  soci::statement claim =
      (s.prepare << "UPDATE event_registration SET online_token_hash = :h, online_mail_sent_at "
                    "= :at WHERE id = :id AND online_mail_sent_at IS NULL AND status = "
                    "'registered'",
       soci::use(hash), soci::use(at), soci::use(id));
  claim.execute(true);
  if (claim.get_affected_rows() != 1) return false;
  lm.outbox.Enqueue(s, OnlineLinkMail(lm, PersonLanguage(lang), *email, event, reference, token),
                    "event_online_link");
  return true;
}

core::Result<int> Lifecycle::SendOnlineLinks() {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  const std::string from = core::ToIso(today);
  const std::string to = core::ToIso(core::AddDays(today, 14));
  // Published events with online places within the longest notice, and their registrations
  // still waiting for the link.
  auto due = db_.Read<std::vector<std::pair<std::int64_t, std::int64_t>>>([&](soci::session& s) {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT r.id, e.id FROM event_registration r JOIN community_event e ON "
                      "e.id = r.event_id WHERE e.status = 'published' AND e.event_date >= :f "
                      "AND e.event_date <= :t AND r.mode = 'online' AND r.status = "
                      "'registered' AND r.online_mail_sent_at IS NULL AND r.email_bidx <> '' "
                      "ORDER BY r.id",
         soci::use(from), soci::use(to));
    for (const auto& r : rows) out.emplace_back(GetInt(r, 0), GetInt(r, 1));
    return out;
  });
  if (!due) return due.error();
  int sent = 0;
  for (const auto& row : *due) {
    const std::int64_t registration_id = row.first;
    const std::int64_t event_id = row.second;
    auto one = db_.Write<bool>([&](soci::session& s) {
      auto event = FindEvent(s, event_id);
      return event && SendOnlineLinkIfDue(s, mail_, *event, registration_id, now);
    });
    if (!one) return one.error();
    if (*one) ++sent;
  }
  return sent;
}

core::Result<OnlineView> FindOnlinePage(storage::Database& db, const core::Clock& clock,
                                        const std::string& token) {
  if (token.empty() || token.size() > 128) return core::Error::NotFound();
  const std::string hash = crypto::HashToken(token);
  const std::int64_t now = clock.NowSeconds();
  auto found =
      db.Read<std::optional<OnlineView>>([&](soci::session& s) -> std::optional<OnlineView> {
        long long event_id = 0;
        std::string status;
        OnlineView v;
        s << "SELECT event_id, reference, status FROM event_registration WHERE "
             "online_token_hash = :h AND mode = 'online'",
            soci::use(hash), soci::into(event_id), soci::into(v.reference), soci::into(status);
        if (!s.got_data() || status != "registered") return std::nullopt;
        auto event = FindEvent(s, event_id);
        if (!event || event->status != "published") return std::nullopt;
        v.event = *event;
        return v;
      });
  if (!found) return found.error();
  if (!*found) return core::Error::NotFound();
  OnlineView v = std::move(**found);
  v.ended = now >= EventEndSeconds(v.event);
  // The event's URL as it is now, so a changed link reaches everyone; nothing once it ended.
  if (!v.ended) v.meeting_url = v.event.meeting_url;
  v.event.meeting_url.clear();
  return v;
}

core::Result<int> Lifecycle::AnonymiseExpired(core::Date today) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string before = core::ToIso(core::AddDays(today, -kMinRetentionDays));
  struct Due {
    std::int64_t id;
    std::int64_t organization_id;
  };
  auto due = db_.Read<std::vector<Due>>([&](soci::session& s) {
    std::vector<Due> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT e.id, e.organization_id, e.event_date, e.retention_days FROM "
                      "community_event e WHERE e.event_date < :b AND EXISTS (SELECT 1 FROM "
                      "event_registration r WHERE r.event_id = e.id AND r.anonymised_at IS "
                      "NULL) ORDER BY e.id",
         soci::use(before));
    for (const auto& r : rows) {
      auto date = core::ParseIsoDate(GetText(r, 2));
      if (!date || core::DaysBetween(*date, today) <= GetInt(r, 3)) continue;
      out.push_back({GetInt(r, 0), GetInt(r, 1)});
    }
    return out;
  });
  if (!due) return due.error();
  int total = 0;
  for (const auto& event : *due) {
    auto n = db_.Write<int>([&](soci::session& s) {
      long long id = event.id;
      long long at = now;
      // Mode, affiliation, municipality, status and channel stay for the counts.
      soci::statement clear =
          (s.prepare << "UPDATE event_registration SET name_enc = '', furigana_enc = '', "
                        "phone_enc = '', email_enc = '', email_bidx = '', phone_bidx = '', "
                        "address_bidx = NULL, cancel_token_hash = '', online_token_hash = '', "
                        "offer_token_hash = '', anonymised_at = :at, updated_at = :u WHERE "
                        "event_id = :e AND anonymised_at IS NULL",
           soci::use(at), soci::use(at), soci::use(id));
      clear.execute(true);
      const int count = static_cast<int>(clear.get_affected_rows());
      if (count > 0) {
        audit::AuditLog::Append(
            s, audit::Actor{},
            {"event_registration.anonymise", "community_event", std::to_string(event.id),
             "{\"count\":" + std::to_string(count) + "}", event.organization_id},
            now);
      }
      return count;
    });
    if (!n) return n.error();
    total += *n;
  }
  return total;
}

core::Result<int> RunLifecycleRound(storage::Database& db, const core::Clock& clock,
                                    const crypto::FieldCipher& cipher, notify::Outbox& outbox,
                                    const core::Catalog& catalog, const std::string& public_url,
                                    core::Date today) {
  Lifecycle lifecycle(db, clock, cipher, outbox, catalog, public_url);
  int done = 0;
  auto links = lifecycle.SendOnlineLinks();
  if (!links) return links.error();
  done += *links;
  auto expired = lifecycle.ExpireOffers();
  if (!expired) return expired.error();
  done += *expired;
  auto anonymised = lifecycle.AnonymiseExpired(today);
  if (!anonymised) return anonymised.error();
  done += *anonymised;
  return done;
}

}  // namespace tsunagu::events
