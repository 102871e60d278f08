// Small view helpers shared by the staff pages (home, account, members, audit, system admin):
// labels of codes, select options, dates for people, the invitation e-mail.
#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/services.hpp"
#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "web/context.hpp"

namespace tsunagu::orgs::handlers {

// The catalogue label "<group>.<code>" (e.g. "role.admin"), or the code itself when the
// catalogue has none, so a new code shows up readable instead of as a key.
std::string Label(const app::Services& sv, const web::RequestContext& ctx, std::string_view group,
                  std::string_view code);

// Adds one `section` dictionary per code with VALUE, LABEL and a SELECTED section.
void AddOptions(const app::Services& sv, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, const std::string& section,
                std::span<const std::string_view> codes, std::string_view group,
                const std::string& selected);

// Unix seconds as people read them in Japan: 和暦 in Japanese, with HH:MM for FormatMoment.
std::string FormatDay(const web::RequestContext& ctx, std::int64_t unix_seconds);
std::string FormatMoment(const web::RequestContext& ctx, std::int64_t unix_seconds);

// Trimmed NFKC form of a name typed by a person.
std::string NormalizeName(const std::string& text);

// Checks the invitation form: e-mail (after NFKC), display name (required, at most 100
// characters), role and profession from the code lists.
std::vector<core::FieldError> ValidateInvite(const std::string& email,
                                             const std::string& display_name,
                                             const std::string& role,
                                             const std::string& profession);

// The invitation e-mail, in the invitee's language, naming the organisation only (rule 11).
auth::MailTexts InvitationMail(const app::Services& sv, const std::string& lang,
                               const std::string& organization_name);

// The e-mail inviting an existing account to join an organisation: the organisation's name
// and a link to accept or decline while signed in, nothing more (rule 11).
auth::MailTexts JoinInvitationMail(const app::Services& sv, const std::string& lang,
                                   const std::string& organization_name);

}  // namespace tsunagu::orgs::handlers
