#include "events/event_mail.hpp"

#include "notify/icalendar.hpp"

namespace tsunagu::events {

std::string BaseUrl(const std::string& public_url) {
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

std::string DetailLines(const core::Catalog& catalog, const std::string& lang, const Event& event,
                        const std::string& reference, const std::string& mode) {
  auto t = [&](const char* key) { return catalog.Get(lang, key); };
  return t("events.mail.event") + " " + event.title + "\n" + t("events.mail.when") + " " +
         WhenLine(event, lang) + "\n" + t("events.mail.where") + " " +
         WhereLine(catalog, event, mode, lang) + "\n" + t("events.mail.reference") + " " +
         reference + "\n";
}

namespace {

void AttachIcs(const MailContext& mc, notify::MailMessage& m, const Event& event,
               const std::string& reference, const std::string& mode, const std::string& lang,
               bool cancelled) {
  notify::CalendarEvent ev;
  ev.uid = "event-registration-" + reference + "@tsunagu";
  ev.sequence = cancelled ? 1 : 0;
  ev.dtstamp_unix = mc.now;
  ev.date = event.date;
  ev.start_minutes = event.start_minutes;
  ev.end_minutes = event.end_minutes;
  ev.summary = event.title;
  ev.location = WhereLine(mc.catalog, event, mode, lang);
  ev.url = BaseUrl(mc.public_url) + EventPath(event.id);
  ev.description = mc.catalog.Get(lang, "events.mail.reference") + " " + reference;
  ev.cancelled = cancelled;
  if (auto ics = notify::BuildIcs(ev, "PUBLISH"); ics.ok()) {
    m.attachments.push_back({"event.ics", "text/calendar; charset=UTF-8; method=PUBLISH", *ics});
  }
}

}  // namespace

std::string WhenLine(const Event& event, const std::string& lang) {
  return core::FormatDate(event.date, lang) + " " +
         TimeRange(event.start_minutes, event.end_minutes);
}

std::string WhereLine(const core::Catalog& catalog, const Event& event, const std::string& mode,
                      const std::string& lang) {
  if (mode == "online") return catalog.Get(lang, "events.mode.online");
  return event.venue;
}

notify::MailMessage ConfirmationMail(const MailContext& mc, const std::string& lang,
                                     const std::string& to, const Event& event,
                                     const RegistrationReceipt& receipt, const std::string& mode) {
  auto t = [&](const char* key) { return mc.catalog.Get(lang, key); };
  const bool waiting = receipt.status == "waiting";
  notify::MailMessage m;
  m.to = to;
  m.subject = t(waiting ? "events.mail.waiting_subject" : "events.mail.subject");
  std::string body = (waiting ? mc.catalog.Format(lang, "events.mail.waiting_intro",
                                                  {{"position", std::to_string(receipt.position)}})
                              : t("events.mail.intro")) +
                     "\n\n" + DetailLines(mc.catalog, lang, event, receipt.reference, mode);
  if (mode == "online" && !waiting) body += "\n" + t("events.mail.online_later") + "\n";
  body += "\n" + t("events.mail.page") + "\n" + BaseUrl(mc.public_url) + "/events/registration/" +
          receipt.cancel_token + "\n\n" + t("events.mail.contact") + "\n" + event.contact + "\n\n" +
          t("events.mail.footer") + "\n";
  m.text_body = body;
  if (!waiting) AttachIcs(mc, m, event, receipt.reference, mode, lang, false);
  return m;
}

notify::MailMessage EventCancelledMail(const MailContext& mc, const std::string& lang,
                                       const std::string& to, const Event& event,
                                       const std::string& reference) {
  auto t = [&](const char* key) { return mc.catalog.Get(lang, key); };
  notify::MailMessage m;
  m.to = to;
  m.subject = t("events.mail.cancelled_subject");
  m.text_body = t("events.mail.cancelled_intro") + "\n\n" + t("events.mail.event") + " " +
                event.title + "\n" + t("events.mail.when") + " " + WhenLine(event, lang) + "\n" +
                t("events.mail.reference") + " " + reference + "\n\n" + t("events.mail.contact") +
                "\n" + event.contact + "\n\n" + t("events.mail.footer") + "\n";
  return m;
}

}  // namespace tsunagu::events
