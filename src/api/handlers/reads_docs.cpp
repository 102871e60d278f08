// The OpenAPI text of the clients, cases, referrals and events endpoints (routes.cpp lists them).
#include "api/handlers/routes.hpp"

namespace tsunagu::api::handlers {

// The list operations' limit and cursor parameters, and their 400 answer.
#define TSUNAGU_PAGE_PARAMETERS                                                            \
  R"j({"name": "limit", "in": "query", "required": false,)j"                               \
  R"j( "description": "Items per page, 1–200 (50 when left out)",)j"                     \
  R"j( "schema": {"type": "integer", "minimum": 1, "maximum": 200}},)j"                    \
  R"j({"name": "cursor", "in": "query", "required": false,)j"                              \
  R"j( "description": "next_cursor of the previous page; opaque: a changed one is 400",)j" \
  R"j( "schema": {"type": "string"}})j"
#define TSUNAGU_BAD_QUERY                                                                    \
  R"j({"400": {"description": "A query parameter is invalid (limit, cursor or a filter)",)j" \
  R"j( "content": {"application/problem+json":)j"                                            \
  R"j( {"schema": {"$ref": "#/components/schemas/Problem"}}}}})j"

extern constexpr OperationDoc kListClientsDoc{
    "listClients",
    "cases",
    "People (相談者) the token's organisation sees",
    "Whom the client list (/clients) may show: the organisation's own clients and those an "
    "active consent names it for, the most recently updated first, every one of them page after "
    "page (the page itself shows the latest 50). A shared person's name is null unless the "
    "consent covers basic data. Audited as the list is (client.search).",
    200,
    "A page of clients",
    R"({"$ref": "#/components/schemas/ClientPage"})",
    "",
    "[" TSUNAGU_PAGE_PARAMETERS "]",
    TSUNAGU_BAD_QUERY};
extern constexpr OperationDoc kGetClientDoc{
    "getClient",
    "cases",
    "One person, with the items the organisation may see",
    "The client page's data: for the registering organisation everything (with its own notes); "
    "for another organisation only the groups (basic, medical, work) its active consents cover, "
    "the others absent. A person the organisation may not see answers 404, exactly like one "
    "that does not exist. Audited (client.read); a shared person's read is recorded as a "
    "provision (APPI), as on the page.",
    200,
    "The client",
    R"({"$ref": "#/components/schemas/Client"})",
    "",
    R"j([{"name": "id", "in": "path", "required": true, "description": "The client's id",
          "schema": {"type": "integer", "format": "int64", "minimum": 1}}])j"};
extern constexpr OperationDoc kListCasesDoc{
    "listCases",
    "cases",
    "Support cases the organisation runs or follows",
    "What the case list (/cases) shows: the organisation's own cases and those a consent lets "
    "it follow, newest change first; open ones only unless include_closed=true. Audited "
    "(case.list).",
    200,
    "A page of cases",
    R"({"$ref": "#/components/schemas/CasePage"})",
    "",
    "[" TSUNAGU_PAGE_PARAMETERS R"j(,
      {"name": "include_closed", "in": "query", "required": false,
       "description": "true: closed cases too (false when left out)",
       "schema": {"type": "string", "enum": ["true", "false"]}}])j",
    TSUNAGU_BAD_QUERY};
extern constexpr OperationDoc kGetCaseDoc{
    "getCase",
    "cases",
    "One support case with its newest timeline entries",
    "The case page's data, with the newest `shown` timeline entries (at least 50; "
    "timeline.total counts all of them). Tasks only for the organisation running the case. A "
    "partner sees the case only while a consent covering records names it; otherwise 404, as "
    "for a case that does not exist. System entries (kind status_change) have a coded body such "
    "as status|intake|assessment. Audited (case.read).",
    200,
    "The case",
    R"({"$ref": "#/components/schemas/Case"})",
    "",
    R"j([{"name": "id", "in": "path", "required": true, "description": "The case's id",
          "schema": {"type": "integer", "format": "int64", "minimum": 1}},
         {"name": "shown", "in": "query", "required": false,
          "description": "How many of the newest timeline entries (50 when less or left out)",
          "schema": {"type": "integer"}}])j"};
extern constexpr OperationDoc kListReferralsDoc{
    "listReferrals",
    "cases",
    "Referrals the organisation sent or received",
    "What the referral list (/referrals) shows, both directions in one list (direction says "
    "which), newest change first; ?direction=received or sent keeps one. Audited "
    "(referral.list).",
    200,
    "A page of referrals",
    R"({"$ref": "#/components/schemas/ReferralPage"})",
    "",
    "[" TSUNAGU_PAGE_PARAMETERS R"j(,
      {"name": "direction", "in": "query", "required": false,
       "description": "received or sent (both when left out)",
       "schema": {"type": "string", "enum": ["received", "sent"]}}])j",
    TSUNAGU_BAD_QUERY};
extern constexpr OperationDoc kGetReferralDoc{
    "getReferral",
    "cases",
    "One referral with its history",
    "The referral page's data; the note only while a consent between the two organisations "
    "holds. 404 unless the organisation is a side of it. Audited (referral.read).",
    200,
    "The referral",
    R"({"$ref": "#/components/schemas/Referral"})",
    "",
    R"j([{"name": "id", "in": "path", "required": true, "description": "The referral's id",
          "schema": {"type": "integer", "format": "int64", "minimum": 1}}])j"};
extern constexpr OperationDoc kPublicEventsDoc{
    "listPublicEvents",
    "public",
    "Coming public events with their free places",
    "No token. What the public events list (/events) shows: published events that are not for "
    "staff only, from today, with the places still free in each 枠 (null when the event has no "
    "such places) and whether the public form still takes registrations. Never the meeting "
    "URL. All coming events come in one answer (next_cursor is null).",
    200,
    "The coming events",
    R"({"$ref": "#/components/schemas/PublicEventPage"})"};
extern constexpr OperationDoc kListRegistrationsDoc{
    "listEventRegistrations",
    "events",
    "An event's registrations (the organising organisation's staff)",
    "The registration list page's data, with the people's names and contacts (null once "
    "anonymised after the retention period), newest first. The read is audited as the page's "
    "is. Another organisation's event answers 404.",
    200,
    "A page of registrations",
    R"({"$ref": "#/components/schemas/RegistrationPage"})",
    "",
    "[" TSUNAGU_PAGE_PARAMETERS R"j(,
      {"name": "id", "in": "path", "required": true, "description": "The event's id",
       "schema": {"type": "integer", "format": "int64", "minimum": 1}}])j",
    TSUNAGU_BAD_QUERY};
extern constexpr OperationDoc kCreateRegistrationDoc{
    "createEventRegistration",
    "events",
    "Register a person who asked by e-mail, phone or fax (the organiser's staff)",
    "The registration list page's \"enter a registration\" form: the same rules as the public "
    "registration (the chosen 枠 must be offered, a place is taken in the database, or the "
    "waiting list is joined with accept_waiting; 409 events.full otherwise, and 409 "
    "events.error.cancelled for a cancelled event), the confirmation e-mail to the person when "
    "an address is given, in person_language, and the same audit. Another organisation's event "
    "answers 404.",
    201,
    "Registered or waiting",
    R"({"$ref": "#/components/schemas/RegistrationCreated"})",
    R"({"$ref": "#/components/schemas/RegistrationCreate"})",
    R"j([{"name": "id", "in": "path", "required": true, "description": "The event's id",
          "schema": {"type": "integer", "format": "int64", "minimum": 1}}])j",
    R"({"409": {"$ref": "#/components/responses/Conflict"}})"};

#undef TSUNAGU_PAGE_PARAMETERS
#undef TSUNAGU_BAD_QUERY

}  // namespace tsunagu::api::handlers
