#include "orgs/handlers/view.hpp"

#include "core/text.hpp"
#include "core/wareki.hpp"
#include "orgs/org_service.hpp"

namespace tsunagu::orgs::handlers {
namespace {

constexpr int kJstOffsetMinutes = 540;
constexpr std::size_t kMaxDisplayName = 100;
constexpr std::size_t kMaxEmail = 254;

// Values put into a mail body must not carry a placeholder the service would replace later.
std::string NeutralizeBraces(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '{') {
      out += "\xEF\xBD\x9B";  // ｛
    } else if (c == '}') {
      out += "\xEF\xBD\x9D";  // ｝
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string Label(const app::Services& sv, const web::RequestContext& ctx, std::string_view group,
                  std::string_view code) {
  std::string key = std::string(group) + "." + std::string(code);
  if (!sv.catalog.Has(ctx.lang, key) && !sv.catalog.Has("ja", key)) return std::string(code);
  return sv.catalog.Get(ctx.lang, key);
}

void AddOptions(const app::Services& sv, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, const std::string& section,
                std::span<const std::string_view> codes, std::string_view group,
                const std::string& selected) {
  for (std::string_view code : codes) {
    auto* option = dict.AddSectionDictionary(section);
    option->SetValue("VALUE", std::string(code));
    option->SetValue("LABEL", Label(sv, ctx, group, code));
    if (code == selected) option->ShowSection("SELECTED");
  }
}

std::string FormatDay(const web::RequestContext& ctx, std::int64_t unix_seconds) {
  return core::FormatDate(core::DateFromUnixSeconds(unix_seconds, kJstOffsetMinutes), ctx.lang);
}

std::string FormatMoment(const web::RequestContext& ctx, std::int64_t unix_seconds) {
  const std::int64_t local = unix_seconds + kJstOffsetMinutes * 60LL;
  std::int64_t of_day = local % 86400;
  if (of_day < 0) of_day += 86400;
  return core::FormatDateTime(core::DateFromUnixSeconds(unix_seconds, kJstOffsetMinutes),
                              static_cast<int>(of_day / 3600), static_cast<int>(of_day % 3600 / 60),
                              ctx.lang);
}

std::string NormalizeName(const std::string& text) {
  return core::Trim(core::NormalizeNfkc(text));
}

std::vector<core::FieldError> ValidateInvite(const std::string& email,
                                             const std::string& display_name,
                                             const std::string& role,
                                             const std::string& profession) {
  std::vector<core::FieldError> errors;
  const std::string normalized_email = NormalizeName(email);
  if (normalized_email.empty()) {
    errors.push_back({"email", "members.error.email_required"});
  } else if (normalized_email.size() > kMaxEmail || !core::LooksLikeEmail(normalized_email)) {
    errors.push_back({"email", "members.error.email"});
  }
  const std::string name = NormalizeName(display_name);
  if (name.empty()) {
    errors.push_back({"display_name", "members.error.name_required"});
  } else if (core::CountCodePoints(name) > kMaxDisplayName) {
    errors.push_back({"display_name", "members.error.name_too_long"});
  }
  for (auto& e : ValidateMemberFields(role, profession)) errors.push_back(std::move(e));
  return errors;
}

auth::MailTexts InvitationMail(const app::Services& sv, const std::string& lang,
                               const std::string& organization_name) {
  const std::vector<std::pair<std::string, std::string>> args = {
      {"org", NeutralizeBraces(organization_name)},
      {"hours", std::to_string(sv.config.security.invitation_valid_hours)}};
  auth::MailTexts texts;
  texts.subject = sv.catalog.Format(lang, "members.invite_mail.subject", args);
  texts.body = sv.catalog.Format(lang, "members.invite_mail.body", args);
  return texts;
}

auth::MailTexts JoinInvitationMail(const app::Services& sv, const std::string& lang,
                                   const std::string& organization_name) {
  const std::vector<std::pair<std::string, std::string>> args = {
      {"org", NeutralizeBraces(organization_name)},
      {"hours", std::to_string(sv.config.security.invitation_valid_hours)}};
  auth::MailTexts texts;
  texts.subject = sv.catalog.Format(lang, "members.join_mail.subject", args);
  texts.body = sv.catalog.Format(lang, "members.join_mail.body", args);
  return texts;
}

}  // namespace tsunagu::orgs::handlers
