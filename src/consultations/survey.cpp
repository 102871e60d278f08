#include "consultations/survey.hpp"

#include <algorithm>
#include <map>

#include "consultations/model.hpp"
#include "core/text.hpp"
#include "crypto/random.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

// The programme's organisation, or 0 when there is no such programme.
std::int64_t ProgramOrganization(soci::session& s, std::int64_t program_id) {
  long long id = program_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT organization_id FROM program WHERE id = :id", soci::use(id));
  for (const auto& r : rows) return GetInt(r, 0);
  return 0;
}

// Anonymous answers keep no trace of where they came from: no address, no user.
audit::Actor Anonymous(const audit::Actor& actor) {
  audit::Actor a;
  a.request_id = actor.request_id;
  return a;
}

std::string Normalized(const std::string& text) {
  return core::Trim(core::NormalizeNfkc(text));
}

struct Candidate {
  std::int64_t booking_id = 0;
  std::string reference;
  std::string email_enc;
  std::int64_t program_id = 0;
  std::string program_name;
  std::int64_t organization_id = 0;
  core::Date date;
  std::string lang;  // the person's
};

// Counts of one column grouped by value, in the order of `codes`, then unanswered ("").
template <typename Codes>
std::vector<AnswerCount> CountColumn(soci::session& s, const std::string& column,
                                     std::int64_t program_id, int fiscal_year, const Codes& codes) {
  long long pid = program_id;
  int fy = fiscal_year;
  std::map<std::string, std::int64_t> found;
  // `column` is one of this file's constants, never input.
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT " << column << ", COUNT(*) FROM survey_response WHERE program_id = "
                 << ":p AND fiscal_year = :y GROUP BY " << column,
       soci::use(pid), soci::use(fy));
  for (const auto& r : rows) found[GetText(r, 0)] += GetInt(r, 1);
  std::vector<AnswerCount> out;
  std::int64_t known = 0;
  for (const auto& code : codes) {
    const std::string c(code);
    auto it = found.find(c);
    const std::int64_t n = it == found.end() ? 0 : it->second;
    known += n;
    out.push_back({c, n});
  }
  std::int64_t total = 0;
  for (const auto& [code, n] : found) total += n;
  out.push_back({"", total - known});
  return out;
}

void InsertResponse(soci::session& s, const crypto::FieldCipher& cipher, std::int64_t program_id,
                    int fiscal_year, const std::string& channel, const SurveyAnswers& a) {
  long long pid = program_id;
  int fy = fiscal_year;
  int satisfaction = a.satisfaction;
  long long id = 0;
  s << "INSERT INTO survey_response (program_id, fiscal_year, channel, satisfaction, "
       "helpfulness, outlook, use_again, heard_from) VALUES (:p, :y, :c, :s, :h, :o, :u, :f) "
       "RETURNING id",
      soci::use(pid), soci::use(fy), soci::use(channel), soci::use(satisfaction),
      soci::use(a.helpfulness), soci::use(a.outlook), soci::use(a.use_again),
      soci::use(a.heard_from), soci::into(id);
  const std::string comment = core::Trim(a.comment);
  if (!comment.empty()) {
    const std::string enc =
        cipher.Encrypt(comment, "survey_response:" + std::to_string(id) + ":comment");
    s << "UPDATE survey_response SET comment_enc = :c WHERE id = :id", soci::use(enc),
        soci::use(id);
  }
}

SurveyAnswers Clean(const SurveyAnswers& in) {
  SurveyAnswers a = in;
  a.comment = Normalized(in.comment);
  return a;
}

}  // namespace

std::string AverageOneDecimal(std::int64_t sum, std::int64_t count) {
  if (count <= 0) return "—";
  // Tenths, rounded half up: (sum * 10 + count / 2) / count with exact integers.
  const std::int64_t tenths = (sum * 20 + count) / (2 * count);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::vector<core::FieldError> SurveyService::Validate(const SurveyAnswers& a) {
  std::vector<core::FieldError> errors;
  if (a.satisfaction < 1 || a.satisfaction > 5) {
    errors.push_back({"satisfaction", "survey.error.satisfaction_required"});
  }
  if (!a.helpfulness.empty() && !InList(kHelpfulness, a.helpfulness)) {
    errors.push_back({"helpfulness", "survey.error.choice"});
  }
  if (!a.outlook.empty() && !InList(kOutlook, a.outlook)) {
    errors.push_back({"outlook", "survey.error.choice"});
  }
  if (!a.use_again.empty() && !InList(kUseAgain, a.use_again)) {
    errors.push_back({"use_again", "survey.error.choice"});
  }
  if (!a.heard_from.empty() && !InList(kHeardFrom, a.heard_from)) {
    errors.push_back({"heard_from", "survey.error.choice"});
  }
  if (core::CountCodePoints(Normalized(a.comment)) > kSurveyCommentMax) {
    errors.push_back({"comment", "survey.error.comment_too_long"});
  }
  return errors;
}

core::Result<int> SurveyService::SendInvitations(core::Date today) {
  const std::string today_iso = core::ToIso(today);
  // Older consultations are not asked any more: the answer would say little, and the query
  // stays on recent days instead of the whole booking table.
  const std::string since_iso = core::ToIso(core::AddDays(today, -kSurveyInviteWindowDays));
  auto candidates = db_.Read<std::vector<Candidate>>([&](soci::session& s) {
    std::vector<Candidate> out;
    soci::rowset<soci::row> rows =
        (s.prepare
             << "SELECT b.id, b.reference, b.email_enc, d.program_id, p.name, "
                "p.organization_id, d.day_date, b.lang FROM booking b JOIN consultation_day d ON "
                "d.id = b.day_id JOIN program p ON p.id = d.program_id WHERE b.status = "
                "'attended' AND d.day_date < :today AND d.day_date >= :since AND "
                "b.survey_sent_at IS NULL AND b.email_enc <> '' ORDER BY b.id",
         soci::use(today_iso), soci::use(since_iso));
    for (const auto& r : rows) {
      Candidate c;
      c.booking_id = GetInt(r, 0);
      c.reference = GetText(r, 1);
      c.email_enc = GetText(r, 2);
      c.program_id = GetInt(r, 3);
      c.program_name = GetText(r, 4);
      c.organization_id = GetInt(r, 5);
      c.date = core::ParseIsoDate(GetText(r, 6)).value_or(core::Date{});
      c.lang = GetText(r, 7);
      out.push_back(std::move(c));
    }
    return out;
  });
  if (!candidates) return candidates.error();

  std::string base = public_url_;
  while (!base.empty() && base.back() == '/') base.pop_back();
  int queued = 0;
  for (const auto& c : *candidates) {
    const std::string lang = PersonLanguage(c.lang);
    const std::int64_t now = clock_.NowSeconds();
    auto sent = db_.Write<bool>([&](soci::session& s) {
      long long id = c.booking_id;
      long long at = now;
      // Claims the booking first: another server that got here earlier wins and we stop.
      soci::statement claim = (s.prepare << "UPDATE booking SET survey_sent_at = :t WHERE id = "
                                            ":id AND survey_sent_at IS NULL",
                               soci::use(at), soci::use(id));
      claim.execute(true);
      if (claim.get_affected_rows() != 1) return false;
      auto email = cipher_.Decrypt(c.email_enc, "booking:" + c.reference + ":email");
      // System work: the address is read only to send this one message.
      audit::AuditLog::Append(
          s, audit::Actor{},
          {"survey.invite", "booking", std::to_string(c.booking_id), "{}", c.organization_id}, now);
      if (!email || email->empty()) return false;
      const std::string token = crypto::RandomToken(32);
      const std::string hash = crypto::HashToken(token);
      long long pid = c.program_id;
      int fy = core::FiscalYear(c.date);
      long long expires = now + kSurveyLinkSeconds;
      s << "INSERT INTO survey_invitation (program_id, fiscal_year, token_hash, expires_at, "
           "used) VALUES (:p, :y, :h, :e, 0)",
          soci::use(pid), soci::use(fy), soci::use(hash), soci::use(expires);
      notify::MailMessage m;
      m.to = *email;
      m.subject = catalog_.Get(lang, "survey.mail.subject");
      m.text_body =
          catalog_.Format(lang, "survey.mail.body",
                          {{"program", c.program_name},
                           {"url", base + "/survey/" + token + (lang == "en" ? "?lang=en" : "")},
                           {"until", core::FormatDate(core::DateFromUnixSeconds(expires), lang)}});
      outbox_.Enqueue(s, m, "survey_invitation");
      return true;
    });
    if (!sent) return sent.error();
    if (*sent) ++queued;
  }
  if (queued > 0) outbox_.Wake();
  return queued;
}

core::Result<SurveyInvitationView> SurveyService::FindInvitation(const std::string& token) {
  if (token.empty() || token.size() > 128) return core::Error::NotFound();
  const std::string hash = crypto::HashToken(token);
  const std::int64_t now = clock_.NowSeconds();
  auto view = db_.Read<std::optional<SurveyInvitationView>>(
      [&](soci::session& s) -> std::optional<SurveyInvitationView> {
        long long at = now;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT i.program_id, p.name, i.fiscal_year FROM survey_invitation i "
                          "JOIN program p ON p.id = i.program_id WHERE i.token_hash = :h AND "
                          "i.used = 0 AND i.expires_at > :t",
             soci::use(hash), soci::use(at));
        for (const auto& r : rows) {
          return SurveyInvitationView{GetInt(r, 0), GetText(r, 1), static_cast<int>(GetInt(r, 2))};
        }
        return std::nullopt;
      });
  if (!view) return view.error();
  if (!*view) return core::Error::NotFound();
  return **view;
}

core::Status SurveyService::Answer(const std::string& token, const SurveyAnswers& answers_in,
                                   const audit::Actor& actor) {
  if (token.empty() || token.size() > 128) return core::Error::NotFound();
  const SurveyAnswers answers = Clean(answers_in);
  if (auto errors = Validate(answers); !errors.empty()) {
    return core::Error::Invalid("error.form", errors);
  }
  const std::string hash = crypto::HashToken(token);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long at = now;
    // One conditional UPDATE decides: a second submit finds the link used and records nothing.
    soci::statement use_up =
        (s.prepare << "UPDATE survey_invitation SET used = 1 WHERE token_hash = :h AND used = 0 "
                      "AND expires_at > :t",
         soci::use(hash), soci::use(at));
    use_up.execute(true);
    if (use_up.get_affected_rows() != 1) throw Abort{core::Error::NotFound()};
    long long pid = 0;
    int fy = 0;
    long long org = 0;
    s << "SELECT i.program_id, i.fiscal_year, p.organization_id FROM survey_invitation i JOIN "
         "program p ON p.id = i.program_id WHERE i.token_hash = :h",
        soci::use(hash), soci::into(pid), soci::into(fy), soci::into(org);
    InsertResponse(s, cipher_, pid, fy, "email", answers);
    audit::AuditLog::Append(s, Anonymous(actor),
                            {"survey.answer", "program", std::to_string(pid),
                             "{\"fiscal_year\":" + std::to_string(fy) + "}", org},
                            now);
  });
}

core::Status SurveyService::EnterPaper(const auth::Principal& who, const audit::Actor& actor,
                                       std::int64_t program_id, int fiscal_year,
                                       const SurveyAnswers& answers_in) {
  auto org =
      db_.Read<std::int64_t>([&](soci::session& s) { return ProgramOrganization(s, program_id); });
  if (!org) return org.error();
  if (*org == 0 || !auth::Policy::CanCoordinate(who, *org)) return core::Error::NotFound();
  const SurveyAnswers answers = Clean(answers_in);
  std::vector<core::FieldError> errors = Validate(answers);
  if (fiscal_year < 2000 || fiscal_year > 2100) {
    errors.push_back({"fiscal_year", "survey.error.fiscal_year"});
  }
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    InsertResponse(s, cipher_, program_id, fiscal_year, "paper", answers);
    // Which answers were given stays out of the log.
    audit::AuditLog::Append(s, actor,
                            {"survey.paper", "program", std::to_string(program_id),
                             "{\"fiscal_year\":" + std::to_string(fiscal_year) + "}", *org},
                            now);
  });
}

core::Result<SurveySummary> SurveyService::Summary(const auth::Principal& who,
                                                   const audit::Actor& actor,
                                                   std::int64_t program_id, int fiscal_year,
                                                   bool with_comments) {
  auto org =
      db_.Read<std::int64_t>([&](soci::session& s) { return ProgramOrganization(s, program_id); });
  if (!org) return org.error();
  if (*org == 0 || !auth::Policy::CanCoordinate(who, *org)) return core::Error::NotFound();

  auto summary = db_.Read<SurveySummary>([&](soci::session& s) {
    SurveySummary out;
    long long pid = program_id;
    int fy = fiscal_year;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT channel, COUNT(*) FROM survey_response WHERE program_id = :p "
                        "AND fiscal_year = :y GROUP BY channel",
           soci::use(pid), soci::use(fy));
      for (const auto& r : rows) {
        const auto n = GetInt(r, 1);
        out.responses += n;
        (GetText(r, 0) == "paper" ? out.by_paper : out.by_email) += n;
      }
    }
    std::int64_t sum = 0;
    std::int64_t answered = 0;
    {
      std::map<int, std::int64_t> levels;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT satisfaction, COUNT(*) FROM survey_response WHERE program_id = "
                        ":p AND fiscal_year = :y AND satisfaction IS NOT NULL GROUP BY "
                        "satisfaction",
           soci::use(pid), soci::use(fy));
      for (const auto& r : rows) levels[static_cast<int>(GetInt(r, 0))] += GetInt(r, 1);
      for (int level = 5; level >= 1; --level) {
        const auto n = levels.count(level) ? levels[level] : 0;
        sum += n * level;
        answered += n;
        out.satisfaction.push_back({std::to_string(level), n});
      }
      out.satisfaction.push_back({"", out.responses - answered});
    }
    out.satisfaction_average = AverageOneDecimal(sum, answered);
    out.helpfulness = CountColumn(s, "helpfulness", program_id, fiscal_year, kHelpfulness);
    out.outlook = CountColumn(s, "outlook", program_id, fiscal_year, kOutlook);
    out.use_again = CountColumn(s, "use_again", program_id, fiscal_year, kUseAgain);
    out.heard_from = CountColumn(s, "heard_from", program_id, fiscal_year, kHeardFrom);
    return out;
  });
  if (!summary || !with_comments) return summary;

  auto comments = db_.Write<std::vector<std::string>>([&](soci::session& s) {
    std::vector<std::string> out;
    long long pid = program_id;
    int fy = fiscal_year;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, comment_enc FROM survey_response WHERE program_id = :p AND "
                      "fiscal_year = :y AND comment_enc <> '' ORDER BY id",
         soci::use(pid), soci::use(fy));
    for (const auto& r : rows) {
      auto text = cipher_.Decrypt(GetText(r, 1),
                                  "survey_response:" + std::to_string(GetInt(r, 0)) + ":comment");
      if (text) out.push_back(*text);
    }
    audit::AuditLog::Append(s, actor,
                            {"survey.comments.read", "program", std::to_string(program_id),
                             "{\"fiscal_year\":" + std::to_string(fiscal_year) +
                                 ",\"count\":" + std::to_string(out.size()) + "}",
                             *org},
                            clock_.NowSeconds());
    return out;
  });
  if (!comments) return comments.error();
  summary->comments = std::move(*comments);
  return summary;
}

}  // namespace tsunagu::consultations
