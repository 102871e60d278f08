// The disclosure's sections (web/templates/rights/disclosure_body.tpl), shared by a client's
// disclosure and that of a person known only from bookings or registrations.
#pragma once

#include <ctemplate/template.h>

#include <string>

#include "rights/handlers/routes.hpp"
#include "rights/model.hpp"

namespace tsunagu::rights::handlers {

// Every section; the client's fields only when the disclosure is of a client.
void AddDisclosure(const Deps& deps, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary& dict, const Disclosure& d);

// A date given as ISO text, in the reader's calendar (和暦 in Japanese).
std::string DateOf(const web::RequestContext& ctx, const std::string& iso);

}  // namespace tsunagu::rights::handlers
