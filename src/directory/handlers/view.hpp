// How a directory entry fills a template, shared by the public pages and the staff list.
#pragma once

#include <ctemplate/template.h>

#include <string>

#include "directory/handlers/routes.hpp"
#include "directory/model.hpp"
#include "web/context.hpp"

namespace tsunagu::directory::handlers {

// ID, NAME, CATEGORY, ORG_NAME, and one section per filled field (FURIGANA, DESCRIPTION,
// ELIGIBILITY, FEES, APPLICATION, SCHEDULE, PHONE {TEL, TEXT}, EMAIL, URL, ADDRESS, ACCESS,
// ORG_FURIGANA, ORG_DESCRIPTION, ORG_WEBSITE, ORG_EMAIL) with TEXT.
void AddService(const Deps& deps, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, const Service& service);

// "〒860-0001 熊本県熊本市中央区…": the postal code, prefecture, municipality and the rest.
std::string AddressLine(const Service& service);

// The category's label in the page's language.
std::string CategoryLabel(const Deps& deps, const web::RequestContext& ctx,
                          const std::string& code);

// 404 for a malformed id.
std::int64_t IdParam(const web::RequestContext& ctx, const char* name = "id");

}  // namespace tsunagu::directory::handlers
