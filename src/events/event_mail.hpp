// The e-mails registrants receive, in their own language (registration.lang): the
// confirmation with an .ics and the link to their registration page, the place that came free
// for someone waiting, and the event's cancellation. They never carry the meeting URL (mailed
// later to online registrants) nor the person's name.
#pragma once

#include <cstdint>
#include <string>

#include "core/i18n.hpp"
#include "events/model.hpp"
#include "notify/mail.hpp"

namespace tsunagu::events {

struct MailContext {
  const core::Catalog& catalog;
  std::string public_url;  // base of links
  std::int64_t now = 0;
};

notify::MailMessage ConfirmationMail(const MailContext& mc, const std::string& lang,
                                     const std::string& to, const Event& event,
                                     const RegistrationReceipt& receipt, const std::string& mode);
notify::MailMessage EventCancelledMail(const MailContext& mc, const std::string& lang,
                                       const std::string& to, const Event& event,
                                       const std::string& reference);

// public_url without a trailing slash, the base of the links mails and pages carry.
std::string BaseUrl(const std::string& public_url);
// The event, when, where (never the meeting URL) and reference lines of every mail about a
// registration.
std::string DetailLines(const core::Catalog& catalog, const std::string& lang, const Event& event,
                        const std::string& reference, const std::string& mode);
// 「令和8年2月21日（土） 12:45〜16:30」
std::string WhenLine(const Event& event, const std::string& lang);
// Where the 枠 takes place: the venue, or 「オンライン」 (never the URL).
std::string WhereLine(const core::Catalog& catalog, const Event& event, const std::string& mode,
                      const std::string& lang);

}  // namespace tsunagu::events
