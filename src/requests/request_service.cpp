#include "requests/request_service.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "core/text.hpp"
#include "core/wareki.hpp"
#include "crypto/random.hpp"
#include "requests/deadline.hpp"
#include "requests/request_rows.hpp"
#include "storage/row.hpp"

namespace tsunagu::requests {

using storage::Abort;
using storage::GetInt;
using storage::GetText;
using storage::IsNull;

namespace {

template <std::size_t N>
bool InList(const std::array<std::string_view, N>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

void Length(std::vector<core::FieldError>& errors, const char* field, const std::string& value,
            std::size_t max, bool required) {
  const std::string trimmed = core::Trim(value);
  if (required && trimmed.empty()) {
    errors.push_back({field, std::string("requests.error.") + field + "_required"});
  } else if (core::CountCodePoints(value) > max) {
    errors.push_back({field, "requests.error.too_long"});
  }
}

using rows::Ad;
using rows::CounselOrg;
using rows::kQueueColumns;
using rows::ReadRow;

}  // namespace

namespace rows {

QueueRow ReadRow(const soci::row& r, std::int64_t now) {
  QueueRow q;
  q.id = GetInt(r, 0);
  q.reference = GetText(r, 1);
  q.requester_kind = GetText(r, 2);
  q.condition_kind = GetText(r, 3);
  q.wish = GetText(r, 4);
  q.received_at = GetInt(r, 5);
  q.reply_due_at = GetInt(r, 6);
  q.status = GetText(r, 7);
  if (!IsNull(r, 8)) q.replied_at = GetInt(r, 8);
  q.overdue = q.status == "open" && q.reply_due_at < now;
  q.topic = GetText(r, 9);
  q.meeting_status = GetText(r, 10);
  q.meeting_mode = GetText(r, 11);
  q.meeting_date = GetText(r, 12);
  q.meeting_start = static_cast<int>(GetInt(r, 13));
  q.meeting_end = static_cast<int>(GetInt(r, 14));
  q.meeting_place = GetText(r, 15);
  q.meeting_sequence = static_cast<int>(GetInt(r, 16));
  q.client_id = IsNull(r, 17) ? 0 : GetInt(r, 17);
  q.case_id = IsNull(r, 18) ? 0 : GetInt(r, 18);
  return q;
}

std::int64_t CounselOrg(const auth::Principal& who) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) throw Abort{core::Error::NotFound()};
  return who.organization_id;
}

}  // namespace rows

std::vector<core::FieldError> RequestService::Validate(const RequestInput& in) {
  std::vector<core::FieldError> errors;
  if (!InList(kRequesterKinds, in.requester_kind)) {
    errors.push_back({"requester_kind", "requests.error.requester_kind_required"});
  }
  if (!InList(kConditionKinds, in.condition_kind)) {
    errors.push_back({"condition_kind", "requests.error.condition_kind_required"});
  }
  if (!InList(kWishes, in.wish)) errors.push_back({"wish", "requests.error.wish_required"});
  if (!InList(kTopics, in.topic)) errors.push_back({"topic", "requests.error.topic_required"});
  Length(errors, "name", in.name, 60, true);
  Length(errors, "furigana", in.furigana, 60, false);
  if (!core::Trim(in.furigana).empty() && !core::IsKanaReading(in.furigana)) {
    errors.push_back({"furigana", "requests.error.furigana_kana"});
  }
  if (core::Trim(in.phone).empty() && core::Trim(in.email).empty()) {
    errors.push_back({"email", "requests.error.contact_required"});
  }
  if (!core::Trim(in.phone).empty()) {
    const auto digits = core::NormalizePhone(in.phone);
    if (digits.size() < 10 || digits.size() > 11) {
      errors.push_back({"phone", "requests.error.phone"});
    }
  }
  if (!core::Trim(in.email).empty() && !core::LooksLikeEmail(core::Trim(in.email))) {
    errors.push_back({"email", "requests.error.email"});
  }
  Length(errors, "message", in.message, kMaxMessage, true);
  if (!in.consent) errors.push_back({"consent", "requests.error.consent_required"});
  return errors;
}

core::Result<std::string> RequestService::OpenFor(std::int64_t organization_id) {
  return db_.Read<std::string>([&](soci::session& s) {
    long long org = organization_id;
    std::string name;
    s << "SELECT o.name FROM request_intake i JOIN organization o ON o.id = i.organization_id "
         "WHERE i.organization_id = :o AND i.enabled = 1 AND o.status = 'active'",
        soci::use(org), soci::into(name);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    return name;
  });
}

core::Result<Receipt> RequestService::Submit(std::int64_t organization_id, const RequestInput& in,
                                             const audit::Actor& actor) {
  if (auto errors = Validate(in); !errors.empty()) {
    return core::Error::Invalid("error.form", errors);
  }
  const std::int64_t now = clock_.NowSeconds();
  auto done = db_.Write<Receipt>([&](soci::session& s) {
    long long org = organization_id;
    int closes = 0;
    s << "SELECT i.closes_at_minutes FROM request_intake i JOIN organization o ON o.id = "
         "i.organization_id WHERE i.organization_id = :o AND i.enabled = 1 AND o.status = "
         "'active'",
        soci::use(org), soci::into(closes);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    Receipt receipt{crypto::ReadableReference("RQ-"), ReplyDueAt(now, closes, holidays_)};
    const std::string& ref = receipt.reference;
    const std::string name = cipher_.Encrypt(core::Trim(in.name), Ad(ref, "name"));
    const std::string kana = cipher_.Encrypt(core::Trim(in.furigana), Ad(ref, "furigana"));
    const std::string phone = cipher_.Encrypt(core::NormalizePhone(in.phone), Ad(ref, "phone"));
    const std::string email = cipher_.Encrypt(core::Trim(in.email), Ad(ref, "email"));
    const std::string message = cipher_.Encrypt(core::Trim(in.message), Ad(ref, "message"));
    const std::string lang = in.lang == "en" ? "en" : "ja";
    long long at = now;
    long long due = receipt.reply_due_at;
    long long id = 0;
    s << "INSERT INTO consultation_request (organization_id, reference, requester_kind, "
         "condition_kind, wish, name_enc, furigana_enc, phone_enc, email_enc, message_enc, lang, "
         "received_at, reply_due_at, updated_at, topic) VALUES (:o, :r, :k, :c, :w, :n, :f, :p, "
         ":e, :m, :l, :t, :d, :u, :tp) RETURNING id",
        soci::use(org), soci::use(ref), soci::use(in.requester_kind), soci::use(in.condition_kind),
        soci::use(in.wish), soci::use(name), soci::use(kana), soci::use(phone), soci::use(email),
        soci::use(message), soci::use(lang), soci::use(at), soci::use(due), soci::use(at),
        soci::use(in.topic), soci::into(id);
    audit::AuditLog::Append(
        s, actor,
        {"request.create", "consultation_request", std::to_string(id),
         "{\"requester_kind\":\"" + in.requester_kind + "\",\"topic\":\"" + in.topic + "\"}", org},
        now);
    // The 事務局 hears that a request came: its reference and deadline, nothing of the person.
    std::vector<std::pair<std::string, std::string>> to;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT u.email, u.language FROM membership m JOIN app_user u ON u.id = "
                      "m.user_id WHERE m.organization_id = :o AND u.status = 'active' AND m.role "
                      "IN ('admin','coordinator') ORDER BY u.id",
         soci::use(org));
    for (const auto& r : rows) to.emplace_back(GetText(r, 0), GetText(r, 1));
    for (const auto& [address, staff_lang] : to) {
      notify::MailMessage m;
      m.to = address;
      m.subject = catalog_.Get(staff_lang, "requests.mail.staff_subject");
      m.text_body =
          catalog_.Format(staff_lang, "requests.mail.staff_body",
                          {{"reference", ref},
                           {"due", core::FormatDateTime(receipt.reply_due_at, staff_lang)},
                           {"url", public_url_ + "/requests/" + std::to_string(id)}});
      outbox_.Enqueue(s, m, "request_new");
    }
    return receipt;
  });
  if (done) outbox_.Wake();
  return done;
}

core::Result<std::vector<QueueRow>> RequestService::Queue(const auth::Principal& who, int limit,
                                                          const std::string& topic) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Read<std::vector<QueueRow>>([&](soci::session& s) {
    long long org = CounselOrg(who);
    std::vector<QueueRow> out;
    const std::string only = InList(kTopics, topic) ? topic : std::string();
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT " << kQueueColumns
                   << " FROM consultation_request WHERE organization_id = :o AND (:a = '' OR "
                      "topic = :b) ORDER BY CASE WHEN "
                      "status = 'open' THEN 0 ELSE 1 END, CASE WHEN status = 'open' THEN "
                      "reply_due_at ELSE -received_at END, id LIMIT "
                   << std::max(1, limit),
         soci::use(org), soci::use(only), soci::use(only));
    for (const auto& r : rows) out.push_back(ReadRow(r, now));
    return out;
  });
}

core::Result<YearFigures> RequestService::Figures(const auth::Principal& who, int fiscal_year) {
  auto jst_midnight = [](core::Date d) {
    return std::int64_t{core::DaysBetween(core::Date{1970, 1, 1}, d)} * 86400 - 9LL * 3600;
  };
  const std::int64_t from = jst_midnight(core::Date{fiscal_year, 4, 1});
  const std::int64_t to = jst_midnight(core::Date{fiscal_year + 1, 4, 1});
  return db_.Read<YearFigures>([&](soci::session& s) {
    long long org = CounselOrg(who);
    long long lo = from;
    long long hi = to;
    YearFigures f;
    f.fiscal_year = fiscal_year;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT requester_kind, status, CASE WHEN replied_at IS NOT NULL AND "
                      "replied_at <= reply_due_at THEN 1 ELSE 0 END, CASE WHEN replied_at IS "
                      "NOT NULL THEN 1 ELSE 0 END, topic, CASE WHEN case_id IS NULL THEN 0 ELSE 1 "
                      "END FROM "
                      "consultation_request WHERE "
                      "organization_id = :o AND received_at >= :f AND received_at < :t",
         soci::use(org), soci::use(lo), soci::use(hi));
    for (const auto& r : rows) {
      ++f.received;
      const std::string status = GetText(r, 1);
      const bool replied = GetInt(r, 3) != 0;
      f.replied += replied ? 1 : 0;
      f.closed += status == "closed" && !replied ? 1 : 0;
      f.open += status == "open" ? 1 : 0;
      f.replied_in_time += GetInt(r, 2) != 0 ? 1 : 0;
      const auto kind = std::find(kRequesterKinds.begin(), kRequesterKinds.end(), GetText(r, 0));
      if (kind != kRequesterKinds.end()) ++f.by_requester[kind - kRequesterKinds.begin()];
      const auto topic = std::find(kTopics.begin(), kTopics.end(), GetText(r, 4));
      if (topic != kTopics.end()) ++f.by_topic[topic - kTopics.begin()];
      f.to_case += GetInt(r, 5) != 0 ? 1 : 0;
    }
    return f;
  });
}

core::Result<RequestView> RequestService::Get(const auth::Principal& who, const audit::Actor& actor,
                                              std::int64_t id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<RequestView>([&](soci::session& s) {
    long long org = CounselOrg(who);
    long long rid = id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT " << kQueueColumns
                   << ", name_enc, furigana_enc, phone_enc, email_enc, message_enc, reply_enc, "
                      "closed_reason, lang, meeting_url_enc, consent_method, consented_at FROM "
                      "consultation_request WHERE id = :i AND "
                      "organization_id = :o",
         soci::use(rid), soci::use(org));
    std::optional<RequestView> found;
    for (const auto& r : rows) {
      RequestView v;
      v.row = ReadRow(r, now);
      auto open = [&](int column, const char* name) {
        auto plain = cipher_.Decrypt(GetText(r, column), Ad(v.row.reference, name));
        return plain ? *plain : std::string();
      };
      constexpr int c = rows::kQueueColumnCount;
      v.name = open(c, "name");
      v.furigana = open(c + 1, "furigana");
      v.phone = open(c + 2, "phone");
      v.email = open(c + 3, "email");
      v.message = open(c + 4, "message");
      v.reply = GetText(r, c + 5).empty() ? std::string() : open(c + 5, "reply");
      v.closed_reason = GetText(r, c + 6);
      v.lang = GetText(r, c + 7);
      v.meeting_url = GetText(r, c + 8).empty() ? std::string() : open(c + 8, "meeting_url");
      v.consent_method = GetText(r, c + 9);
      v.consented_at = IsNull(r, c + 10) ? 0 : GetInt(r, c + 10);
      found = std::move(v);
    }
    if (!found) throw Abort{core::Error::NotFound()};
    audit::AuditLog::Append(
        s, actor, {"request.read", "consultation_request", std::to_string(id), "{}", org}, now);
    return *found;
  });
}

core::Status RequestService::Answer(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t id, const std::string& text, bool by_mail) {
  const std::string body = core::Trim(text);
  if (body.empty() || core::CountCodePoints(body) > kMaxReply) {
    return core::Error::Invalid(
        "error.form",
        {{"reply", body.empty() ? "requests.error.reply_required" : "requests.error.too_long"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  auto done = db_.WriteVoid([&](soci::session& s) {
    long long org = CounselOrg(who);
    long long rid = id;
    std::string reference, status, email_enc, lang;
    s << "SELECT reference, status, email_enc, lang FROM consultation_request WHERE id = :i AND "
         "organization_id = :o",
        soci::use(rid), soci::use(org), soci::into(reference), soci::into(status),
        soci::into(email_enc), soci::into(lang);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    if (status != "open") throw Abort{core::Error::Conflict("requests.error.not_open")};
    auto email = cipher_.Decrypt(email_enc, Ad(reference, "email"));
    const std::string address = email ? *email : std::string();
    if (by_mail && address.empty()) throw Abort{core::Error::Conflict("requests.error.no_email")};
    const std::string reply_enc = cipher_.Encrypt(body, Ad(reference, "reply"));
    long long at = now;
    long long by = actor.user_id;
    soci::statement mark =
        (s.prepare << "UPDATE consultation_request SET status = 'replied', replied_at = :t, "
                      "replied_by = :u, reply_enc = :r, updated_at = :t2 WHERE id = :i AND "
                      "status = 'open'",
         soci::use(at), soci::use(by), soci::use(reply_enc), soci::use(at), soci::use(rid));
    mark.execute(true);
    if (mark.get_affected_rows() != 1)
      throw Abort{core::Error::Conflict("requests.error.not_open")};
    if (by_mail) {
      notify::MailMessage m;
      m.to = address;
      m.subject = catalog_.Format(lang, "requests.mail.reply_subject", {{"reference", reference}});
      m.text_body = body + "\n\n" +
                    catalog_.Format(lang, "requests.mail.reply_footer", {{"reference", reference}});
      outbox_.Enqueue(s, m, "request_reply");
    }
    audit::AuditLog::Append(s, actor,
                            {"request.reply", "consultation_request", std::to_string(id),
                             std::string("{\"by\":\"") + (by_mail ? "mail" : "phone") + "\"}", org},
                            now);
  });
  if (done) outbox_.Wake();
  return done;
}

core::Status RequestService::Reply(const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t id, const std::string& text) {
  return Answer(who, actor, id, text, true);
}

core::Status RequestService::MarkRepliedByPhone(const auth::Principal& who,
                                                const audit::Actor& actor, std::int64_t id,
                                                const std::string& note) {
  return Answer(who, actor, id, note, false);
}

core::Status RequestService::Close(const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t id, const std::string& reason) {
  const std::string text = core::Trim(reason);
  if (text.empty() || core::CountCodePoints(text) > kMaxCloseReason) {
    return core::Error::Invalid(
        "error.form",
        {{"reason", text.empty() ? "requests.error.reason_required" : "requests.error.too_long"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long org = CounselOrg(who);
    long long rid = id;
    long long at = now;
    soci::statement close =
        (s.prepare << "UPDATE consultation_request SET status = 'closed', closed_reason = :r, "
                      "updated_at = :t WHERE id = :i AND organization_id = :o AND status <> "
                      "'closed'",
         soci::use(text), soci::use(at), soci::use(rid), soci::use(org));
    close.execute(true);
    if (close.get_affected_rows() != 1) {
      long long n = 0;
      s << "SELECT COUNT(*) FROM consultation_request WHERE id = :i AND organization_id = :o",
          soci::use(rid), soci::use(org), soci::into(n);
      if (n == 0) throw Abort{core::Error::NotFound()};
      return;  // closed already: nothing changes
    }
    audit::AuditLog::Append(
        s, actor, {"request.close", "consultation_request", std::to_string(id), "{}", org}, now);
  });
}

core::Result<Intake> RequestService::GetIntake(const auth::Principal& who) {
  return db_.Read<Intake>([&](soci::session& s) {
    if (!auth::Policy::CanCoordinate(who, who.organization_id)) {
      throw Abort{core::Error::NotFound()};
    }
    long long org = who.organization_id;
    Intake intake;
    int enabled = 0;
    int closes = 17 * 60;
    s << "SELECT enabled, closes_at_minutes FROM request_intake WHERE organization_id = :o",
        soci::use(org), soci::into(enabled), soci::into(closes);
    if (s.got_data()) {
      intake.enabled = enabled != 0;
      intake.closes_at_minutes = closes;
    }
    return intake;
  });
}

core::Status RequestService::SetIntake(const auth::Principal& who, const audit::Actor& actor,
                                       const Intake& intake) {
  if (intake.closes_at_minutes < 0 || intake.closes_at_minutes > 23 * 60 + 59) {
    return core::Error::Invalid("error.form", {{"closes_at", "requests.error.closes_at"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    if (!auth::Policy::CanCoordinate(who, who.organization_id)) {
      throw Abort{core::Error::NotFound()};
    }
    long long org = who.organization_id;
    int enabled = intake.enabled ? 1 : 0;
    int closes = intake.closes_at_minutes;
    long long at = now;
    s << "INSERT INTO request_intake (organization_id, enabled, closes_at_minutes, updated_at) "
         "VALUES (:o, :e, :c, :t) ON CONFLICT (organization_id) DO UPDATE SET enabled = "
         "excluded.enabled, closes_at_minutes = excluded.closes_at_minutes, updated_at = "
         "excluded.updated_at",
        soci::use(org), soci::use(enabled), soci::use(closes), soci::use(at);
    audit::AuditLog::Append(s, actor,
                            {"request_intake.update", "organization", std::to_string(org),
                             std::string("{\"enabled\":") + (intake.enabled ? "true" : "false") +
                                 ",\"closes_at_minutes\":" + std::to_string(closes) + "}",
                             org},
                            now);
  });
}

core::Result<const consultations::HolidayCalendar*> SharedHolidays(const std::string& data_dir) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<consultations::HolidayCalendar>> loaded;
  const std::lock_guard<std::mutex> lock(mutex);
  auto found = loaded.find(data_dir);
  if (found != loaded.end()) return found->second.get();
  auto calendar = consultations::HolidayCalendar::LoadFile(data_dir + "/holidays/holidays.json");
  if (!calendar) return calendar.error();
  auto owned = std::make_unique<consultations::HolidayCalendar>(std::move(*calendar));
  const consultations::HolidayCalendar* raw = owned.get();
  loaded.emplace(data_dir, std::move(owned));
  return raw;
}

}  // namespace tsunagu::requests
