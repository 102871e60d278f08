// The 面談 of a consultation request (issue 15): set, moved or called off by staff; the
// requester hears of each change by e-mail with a calendar file that keeps one UID per request.
#include <algorithm>

#include "consultations/schedule_rule.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "notify/icalendar.hpp"
#include "requests/request_rows.hpp"
#include "requests/request_service.hpp"
#include "storage/row.hpp"

namespace tsunagu::requests {

using rows::Ad;
using storage::Abort;

namespace {

// "HH:MM" in 00:00–24:00; -1 otherwise.
int ParseClock(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!digit(text[0]) || !digit(text[1]) || !digit(text[3]) || !digit(text[4])) return -1;
  const int h = (text[0] - '0') * 10 + (text[1] - '0');
  const int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

// An http(s) address of printable ASCII: it goes into an e-mail and a calendar file as is.
bool IsMeetingUrl(const std::string& url) {
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return false;
  if (url.size() <= 8) return false;
  return std::all_of(url.begin(), url.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

struct Stored {
  std::string reference;
  std::string status;
  std::string email;
  std::string lang;
  std::string meeting_status;
  int sequence = 0;
  std::string mode;
  std::string date;
  int start = 0;
  int end = 0;
  std::string place;
  std::string url;
};

Stored Load(soci::session& s, const crypto::FieldCipher& cipher, long long id, long long org) {
  Stored st;
  soci::rowset<soci::row> found =
      (s.prepare << "SELECT reference, status, email_enc, lang, meeting_status, "
                    "meeting_sequence, meeting_mode, meeting_date, meeting_start, meeting_end, "
                    "meeting_place, meeting_url_enc FROM consultation_request WHERE id = :i AND "
                    "organization_id = :o",
       soci::use(id), soci::use(org));
  bool any = false;
  for (const auto& r : found) {
    any = true;
    st.reference = storage::GetText(r, 0);
    st.status = storage::GetText(r, 1);
    auto email = cipher.Decrypt(storage::GetText(r, 2), Ad(st.reference, "email"));
    st.email = email ? *email : std::string();
    st.lang = storage::GetText(r, 3);
    st.meeting_status = storage::GetText(r, 4);
    st.sequence = static_cast<int>(storage::GetInt(r, 5));
    st.mode = storage::GetText(r, 6);
    st.date = storage::GetText(r, 7);
    st.start = static_cast<int>(storage::GetInt(r, 8));
    st.end = static_cast<int>(storage::GetInt(r, 9));
    st.place = storage::GetText(r, 10);
    const std::string url_enc = storage::GetText(r, 11);
    if (!url_enc.empty()) {
      auto url = cipher.Decrypt(url_enc, Ad(st.reference, "meeting_url"));
      st.url = url ? *url : std::string();
    }
  }
  if (!any) throw Abort{core::Error::NotFound()};
  return st;
}

std::string WhenText(const Stored& st, const std::string& lang) {
  const auto date = core::ParseIsoDate(st.date);
  return (date ? core::FormatDate(*date, lang) : st.date) + " " +
         consultations::FormatMinutes(st.start) + "〜" + consultations::FormatMinutes(st.end);
}

// The mail to the requester about the meeting as `st` now holds it; `kind` is "set", "move" or
// "cancel". The link is in the mail to the person only (never on a public page or staff mail).
notify::MailMessage MeetingMail(const core::Catalog& catalog, const Stored& st,
                                const std::string& kind, std::int64_t now) {
  const std::string& lang = st.lang;
  notify::MailMessage m;
  m.to = st.email;
  m.subject = catalog.Format(lang, "requests.mail.meeting_" + kind + "_subject",
                             {{"reference", st.reference}});
  std::string body = catalog.Get(lang, "requests.mail.meeting_" + kind + "_lead") + "\n\n";
  body += catalog.Get(lang, "requests.mail.meeting_when") + WhenText(st, lang) + "\n";
  if (st.mode == "online") {
    body += catalog.Get(lang, "requests.mail.meeting_how") +
            catalog.Get(lang, "requests.meeting_mode.online") + "\n";
    if (kind != "cancel") {
      body += catalog.Get(lang, "requests.mail.meeting_url") + st.url + "\n" +
              catalog.Get(lang, "requests.mail.meeting_url_note") + "\n";
    }
  } else {
    body += catalog.Get(lang, "requests.mail.meeting_place") + st.place + "\n";
  }
  body += "\n" + catalog.Format(lang, "requests.mail.reply_footer", {{"reference", st.reference}});
  m.text_body = body;

  notify::CalendarEvent ev;
  ev.uid = "request-meeting-" + st.reference + "@tsunagu";
  ev.sequence = st.sequence;
  ev.dtstamp_unix = now;
  if (auto date = core::ParseIsoDate(st.date)) ev.date = *date;
  ev.start_minutes = st.start;
  ev.end_minutes = st.end;
  ev.summary = catalog.Format(lang, "requests.mail.meeting_summary", {{"reference", st.reference}});
  ev.location = st.mode == "online" ? catalog.Get(lang, "requests.meeting_mode.online") : st.place;
  if (st.mode == "online" && kind != "cancel") ev.url = st.url;
  ev.cancelled = kind == "cancel";
  const char* method = kind == "cancel" ? "CANCEL" : "PUBLISH";
  if (auto ics = notify::BuildIcs(ev, method); ics.ok()) {
    m.attachments.push_back(
        {"meeting.ics", std::string("text/calendar; charset=UTF-8; method=") + method, *ics});
  }
  return m;
}

}  // namespace

std::vector<core::FieldError> RequestService::ValidateMeeting(const MeetingInput& in,
                                                              core::Date today) {
  std::vector<core::FieldError> errors;
  if (std::find(kMeetingModes.begin(), kMeetingModes.end(), in.mode) == kMeetingModes.end()) {
    errors.push_back({"mode", "requests.error.meeting_mode"});
  }
  const auto date = core::ParseIsoDate(core::Trim(in.date));
  if (!date) {
    errors.push_back({"date", "requests.error.meeting_date"});
  } else if (*date < today) {
    errors.push_back({"date", "requests.error.meeting_past"});
  }
  const int start = ParseClock(core::Trim(in.start));
  const int end = ParseClock(core::Trim(in.end));
  if (start < 0 || start >= 24 * 60) errors.push_back({"start", "requests.error.meeting_time"});
  if (end < 0) {
    errors.push_back({"end", "requests.error.meeting_time"});
  } else if (start >= 0 && end <= start) {
    errors.push_back({"end", "requests.error.meeting_end"});
  }
  if (in.mode == "in_person") {
    const std::string place = core::Trim(in.place);
    if (place.empty()) {
      errors.push_back({"place", "requests.error.meeting_place"});
    } else if (core::CountCodePoints(place) > kMaxMeetingPlace) {
      errors.push_back({"place", "requests.error.too_long"});
    }
  }
  if (in.mode == "online") {
    const std::string url = core::Trim(in.url);
    if (!IsMeetingUrl(url)) {
      errors.push_back({"url", "requests.error.meeting_url"});
    } else if (url.size() > kMaxMeetingUrl) {
      errors.push_back({"url", "requests.error.too_long"});
    }
  }
  return errors;
}

core::Status RequestService::SetMeeting(const auth::Principal& who, const audit::Actor& actor,
                                        std::int64_t id, const MeetingInput& in) {
  const std::int64_t now = clock_.NowSeconds();
  if (auto errors = ValidateMeeting(in, core::DateFromUnixSeconds(now)); !errors.empty()) {
    // Another organisation's request stays a missing one, even with bad input.
    auto exists = db_.Read<bool>([&](soci::session& s) {
      long long org = rows::CounselOrg(who);
      long long rid = id;
      long long n = 0;
      s << "SELECT COUNT(*) FROM consultation_request WHERE id = :i AND organization_id = :o",
          soci::use(rid), soci::use(org), soci::into(n);
      return n > 0;
    });
    if (!exists) return exists.error();
    if (!*exists) return core::Error::NotFound();
    return core::Error::Invalid("error.form", errors);
  }
  bool mailed = false;
  auto done = db_.WriteVoid([&](soci::session& s) {
    long long org = rows::CounselOrg(who);
    long long rid = id;
    Stored st = Load(s, cipher_, rid, org);
    if (st.status == "closed") throw Abort{core::Error::Conflict("requests.error.closed")};
    const std::string kind = st.meeting_status == "set" ? "move" : "set";
    st.sequence = st.meeting_status.empty() ? 0 : st.sequence + 1;
    st.mode = in.mode;
    st.date = core::Trim(in.date);
    st.start = ParseClock(core::Trim(in.start));
    st.end = ParseClock(core::Trim(in.end));
    st.place = in.mode == "in_person" ? core::Trim(in.place) : std::string();
    st.url = in.mode == "online" ? core::Trim(in.url) : std::string();
    const std::string url_enc =
        st.url.empty() ? std::string() : cipher_.Encrypt(st.url, Ad(st.reference, "meeting_url"));
    long long at = now;
    s << "UPDATE consultation_request SET meeting_status = 'set', meeting_mode = :m, "
         "meeting_date = :d, meeting_start = :s, meeting_end = :e, meeting_place = :p, "
         "meeting_url_enc = :u, meeting_sequence = :q, updated_at = :t WHERE id = :i",
        soci::use(st.mode), soci::use(st.date), soci::use(st.start), soci::use(st.end),
        soci::use(st.place), soci::use(url_enc), soci::use(st.sequence), soci::use(at),
        soci::use(rid);
    if (!st.email.empty()) {
      outbox_.Enqueue(s, MeetingMail(catalog_, st, kind, now), "request_meeting");
      mailed = true;
    }
    audit::AuditLog::Append(
        s, actor,
        {"request.meeting_" + kind, "consultation_request", std::to_string(id),
         "{\"mode\":\"" + st.mode + "\",\"sequence\":" + std::to_string(st.sequence) +
             ",\"mailed\":" + (mailed ? "true" : "false") + "}",
         org},
        now);
  });
  if (done && mailed) outbox_.Wake();
  return done;
}

core::Status RequestService::CancelMeeting(const auth::Principal& who, const audit::Actor& actor,
                                           std::int64_t id) {
  const std::int64_t now = clock_.NowSeconds();
  bool mailed = false;
  auto done = db_.WriteVoid([&](soci::session& s) {
    long long org = rows::CounselOrg(who);
    long long rid = id;
    Stored st = Load(s, cipher_, rid, org);
    if (st.meeting_status != "set") throw Abort{core::Error::Conflict("requests.error.no_meeting")};
    st.sequence += 1;
    long long at = now;
    s << "UPDATE consultation_request SET meeting_status = 'cancelled', meeting_sequence = :q, "
         "updated_at = :t WHERE id = :i",
        soci::use(st.sequence), soci::use(at), soci::use(rid);
    if (!st.email.empty()) {
      outbox_.Enqueue(s, MeetingMail(catalog_, st, "cancel", now), "request_meeting");
      mailed = true;
    }
    audit::AuditLog::Append(s, actor,
                            {"request.meeting_cancel", "consultation_request", std::to_string(id),
                             "{\"sequence\":" + std::to_string(st.sequence) +
                                 ",\"mailed\":" + (mailed ? "true" : "false") + "}",
                             org},
                            now);
  });
  if (done && mailed) outbox_.Wake();
  return done;
}

}  // namespace tsunagu::requests
