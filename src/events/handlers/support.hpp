// Pieces the events pages share: today's date, the public forms' rate limit, reading the
// event and registration forms, and filling an event's details into a page.
#pragma once

#include <ctemplate/template.h>

#include <map>
#include <optional>
#include <string>

#include "events/handlers/routes.hpp"
#include "events/model.hpp"
#include "http/message.hpp"
#include "web/context.hpp"

namespace tsunagu::events::handlers {

using Values = std::multimap<std::string, std::string>;

inline constexpr const char* kHoneypot = "website";

core::Date Today(const Deps& d);

// Counts a public POST per client address (the limit every public form shares); a flood gets a
// calm page (429), otherwise nullopt.
std::optional<http::Response> Throttled(const Deps& d, web::RequestContext& ctx);

// A service error as a page: NotFound like a missing page, conflicts with their message.
http::Response Failure(const Deps& d, web::RequestContext& ctx, const core::Error& error);

// The organiser's form as posted (times "HH:MM", capacities blank = 0).
EventInput ReadEventInput(const web::RequestContext& ctx);
// An event as the organiser's form shows it.
Values ValuesOf(const Event& event);

// The registration form as posted (public form or staff entry).
RegistrationRequest ReadRegistration(const web::RequestContext& ctx, std::int64_t event_id);
// The person's fields of the registration form, with what they typed (V_*), the 枠 they chose
// (MODE) and their 所属 (AFFILIATION).
void AddRegistrationFields(const Deps& d, const web::RequestContext& ctx,
                           ctemplate::TemplateDictionary& dict, const Event& event,
                           const Values& values);

// An event's details for people (public page, forms, staff pages): kind, when, where, places
// left per 枠, audiences, fee, contact, speakers, co-hosts. Never the meeting URL.
void AddEventDetails(const Deps& d, const web::RequestContext& ctx,
                     ctemplate::TemplateDictionary& dict, const Event& event);

// 「残り12名」, 「満席（キャンセル待ち 3名）」 for one 枠.
std::string PlacesText(const Deps& d, const web::RequestContext& ctx, const Event& event,
                       const std::string& mode);

}  // namespace tsunagu::events::handlers
