// What the public booking form and the staff pages (a booking taken for a caller, the waiting
// list) share: the intake of seed 001 別表 and the person's contacts as posted, the partial
// booking/intake_fields filled again with what was typed, and the confirmation e-mail.
#pragma once

#include <ctemplate/template.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "app/services.hpp"
#include "consultations/consultation_service.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {

// web::AddChoices with this domain's services.
template <std::size_t N>
void AddChoices(const app::Services& sv, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, const std::string& section,
                const std::string& field, const std::string& label_prefix,
                const std::array<std::string_view, N>& codes,
                const std::vector<std::string>& chosen) {
  web::AddChoices(sv.pages, ctx, dict, section, field, label_prefix, codes, chosen);
}

// The posted slot ("slot"), intake, contacts and consent. The channel stays "web": the staff
// pages set the one they were told.
BookingRequest ReadBookingRequest(const web::RequestContext& ctx);

// Fills booking/intake_fields and the consent box (CONSENT_CHECKED) with what was posted;
// a fresh form starts with "ご本人" chosen and nothing else.
void AddIntakeFields(const app::Services& sv, const web::RequestContext& ctx,
                     ctemplate::TemplateDictionary& dict);

// The confirmation e-mail in `lang`: reference, when and where, the cancel link and an .ics
// file. Nothing the person wrote about themselves goes into it.
// With `program_name`, the e-mail names that programme (seed 002's people have 難病, not がん);
// without it, the catalogue's general wording.
ConfirmationBuilder ConfirmationMail(const app::Services& sv, const std::string& lang,
                                     const std::string& program_name = "");

}  // namespace tsunagu::consultations::handlers
