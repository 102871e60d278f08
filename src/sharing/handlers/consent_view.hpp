// How a consent reads on a page, shared by the consent pages and the client page's table:
// its state as a badge, the receiving organisations, the items, purpose, period and method.
#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "sharing/consent_service.hpp"
#include "web/context.hpp"

namespace tsunagu::sharing::handlers {

std::string ConsentPath(std::int64_t id);

// "基本情報（…）、診断名・治療の状況" in the page's language.
std::string ItemLabels(const app::Services& sv, const web::RequestContext& ctx,
                       const std::vector<std::string>& items);

// Sets PATH, STATE, STATE_CLASS, PARTIES, ITEMS, PURPOSE, PERIOD, FROM, UNTIL, METHOD, ORG and
// RECORDED on `dict`, and PARTY / ITEM sections (NAME, KIND / LABEL) for lists.
void SetConsentValues(const app::Services& sv, const web::RequestContext& ctx,
                      ctemplate::TemplateDictionary& dict, const Consent& consent);

}  // namespace tsunagu::sharing::handlers
