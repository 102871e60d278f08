// Every API route called, and every answer (status and body) checked against the OpenAPI 3.1
// document the server serves, with a small JSON Schema checker (no Debian package validates
// JSON Schema 2020-12 from C++). The checker refuses keywords it does not know, so a schema it
// cannot judge fails the test instead of passing unchecked.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>
#include <set>

#include "api/handlers/routes.hpp"
#include "api/scopes.hpp"
#include "consultation_data.hpp"
#include "events_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

// --- A JSON Schema (2020-12 subset) checker -----------------------------------------------

class SchemaChecker {
 public:
  explicit SchemaChecker(const boost::json::value& doc) : doc_(doc) {}

  // Problems found, each with the JSON pointer of the value; empty when `v` matches.
  std::vector<std::string> Check(const boost::json::value& schema, const boost::json::value& v,
                                 const std::string& at = "") const {
    std::vector<std::string> out;
    Walk(schema, v, at.empty() ? "/" : at, out, 0);
    return out;
  }

 private:
  const boost::json::value& doc_;

  const boost::json::value* Resolve(const std::string& ref) const {
    if (ref.rfind("#/", 0) != 0) return nullptr;
    const boost::json::value* node = &doc_;
    std::size_t from = 2;
    while (from <= ref.size()) {
      const std::size_t slash = ref.find('/', from);
      const std::string part =
          ref.substr(from, slash == std::string::npos ? std::string::npos : slash - from);
      if (!node->is_object() || !node->as_object().contains(part)) return nullptr;
      node = &node->as_object().at(part);
      if (slash == std::string::npos) break;
      from = slash + 1;
    }
    return node;
  }

  static bool IsType(const boost::json::value& v, std::string_view type) {
    if (type == "null") return v.is_null();
    if (type == "boolean") return v.is_bool();
    if (type == "integer") return v.is_int64() || v.is_uint64();
    if (type == "number") return v.is_number();
    if (type == "string") return v.is_string();
    if (type == "array") return v.is_array();
    if (type == "object") return v.is_object();
    return false;
  }

  static double Number(const boost::json::value& v) {
    if (v.is_int64()) return static_cast<double>(v.as_int64());
    if (v.is_uint64()) return static_cast<double>(v.as_uint64());
    return v.as_double();
  }

  void Walk(const boost::json::value& schema, const boost::json::value& v, const std::string& at,
            std::vector<std::string>& out, int depth) const {
    if (depth > 40) {
      out.push_back(at + ": schema nesting too deep");
      return;
    }
    if (schema.is_bool()) {
      if (!schema.as_bool()) out.push_back(at + ": no value is allowed here");
      return;
    }
    if (!schema.is_object()) {
      out.push_back(at + ": the schema is not an object");
      return;
    }
    static const std::set<std::string> kAnnotations = {"description", "examples",   "title",
                                                       "default",     "deprecated", "readOnly",
                                                       "writeOnly",   "$comment",   "format"};
    for (const auto& [key, value] : schema.as_object()) {
      const std::string k(key);
      if (kAnnotations.count(k)) continue;
      if (k == "$ref") {
        const auto* target = Resolve(value.as_string().c_str());
        if (!target) {
          out.push_back(at + ": unresolved $ref " + std::string(value.as_string()));
        } else {
          Walk(*target, v, at, out, depth + 1);
        }
      } else if (k == "type") {
        bool ok = false;
        if (value.is_string()) {
          ok = IsType(v, value.as_string());
        } else {
          for (const auto& t : value.as_array()) ok = ok || IsType(v, t.as_string());
        }
        if (!ok) out.push_back(at + ": not of type " + boost::json::serialize(value));
      } else if (k == "enum") {
        const auto& options = value.as_array();
        if (std::find(options.begin(), options.end(), v) == options.end()) {
          out.push_back(at + ": " + boost::json::serialize(v) + " is not one of " +
                        boost::json::serialize(value));
        }
      } else if (k == "const") {
        if (v != value) out.push_back(at + ": not " + boost::json::serialize(value));
      } else if (k == "required") {
        if (!v.is_object()) continue;
        for (const auto& name : value.as_array()) {
          if (!v.as_object().contains(name.as_string())) {
            out.push_back(at + ": lacks required " + std::string(name.as_string()));
          }
        }
      } else if (k == "properties") {
        if (!v.is_object()) continue;
        for (const auto& [name, sub] : value.as_object()) {
          if (const auto* member = v.as_object().if_contains(name)) {
            Walk(sub, *member, at + std::string(name) + "/", out, depth + 1);
          }
        }
      } else if (k == "additionalProperties") {
        if (!v.is_object()) continue;
        const auto* props = schema.as_object().if_contains("properties");
        for (const auto& [name, member] : v.as_object()) {
          if (props && props->as_object().contains(name)) continue;
          Walk(value, member, at + std::string(name) + "/", out, depth + 1);
        }
      } else if (k == "items") {
        if (!v.is_array()) continue;
        int i = 0;
        for (const auto& item : v.as_array()) {
          Walk(value, item, at + std::to_string(i++) + "/", out, depth + 1);
        }
      } else if (k == "minimum" || k == "maximum") {
        if (!v.is_number()) continue;
        const bool low = Number(v) < Number(value);
        const bool high = Number(v) > Number(value);
        if (k == "minimum" ? low : high) out.push_back(at + ": out of range (" + k + ")");
      } else if (k == "minLength" || k == "maxLength") {
        if (!v.is_string()) continue;
        // Lengths count characters (code points), not UTF-8 bytes.
        std::int64_t n = 0;
        for (unsigned char ch : v.as_string()) n += (ch & 0xC0) != 0x80 ? 1 : 0;
        if (k == "minLength" ? n < value.as_int64() : n > value.as_int64()) {
          out.push_back(at + ": length out of range (" + k + ")");
        }
      } else if (k == "pattern") {
        if (!v.is_string()) continue;
        if (!std::regex_search(
                std::string(v.as_string()),
                std::regex(std::string(value.as_string()), std::regex::ECMAScript))) {
          out.push_back(at + ": does not match " + std::string(value.as_string()));
        }
      } else if (k == "anyOf" || k == "oneOf") {
        int matches = 0;
        for (const auto& option : value.as_array()) {
          std::vector<std::string> sub;
          Walk(option, v, at, sub, depth + 1);
          if (sub.empty()) ++matches;
        }
        if (k == "anyOf" ? matches == 0 : matches != 1) {
          out.push_back(at + ": matches " + std::to_string(matches) + " of " + k);
        }
      } else {
        out.push_back(at + ": the checker does not know the keyword " + k);
      }
    }
    // Formats the API promises: RFC 3339 UTC times and ISO 8601 dates.
    if (const auto* format = schema.as_object().if_contains("format"); format && v.is_string()) {
      static const std::regex kTime(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
      static const std::regex kDate(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
      const std::string text(v.as_string());
      if (*format == "date-time" && !std::regex_match(text, kTime)) {
        out.push_back(at + ": not an RFC 3339 UTC time");
      }
      if (*format == "date" && !std::regex_match(text, kDate)) {
        out.push_back(at + ": not an ISO 8601 date");
      }
    }
  }
};

TEST(ApiOpenapiChecker, FindsWhatIsWrong) {
  auto doc = boost::json::parse(R"({"components": {"schemas": {"T": {
      "type": "object", "required": ["id", "at"], "additionalProperties": false,
      "properties": {"id": {"type": "integer", "minimum": 1},
                     "at": {"type": ["string", "null"], "format": "date-time"},
                     "kind": {"enum": ["a", "b"]},
                     "list": {"type": "array", "items": {"type": "string"}}}}}}})");
  SchemaChecker c(doc);
  auto ref = boost::json::parse(R"({"$ref": "#/components/schemas/T"})");
  EXPECT_TRUE(c.Check(ref, boost::json::parse(R"({"id": 1, "at": null})")).empty());
  EXPECT_TRUE(c.Check(ref, boost::json::parse(R"({"id": 2, "at": "2026-01-02T03:04:05Z",
                                                  "kind": "b", "list": ["x"]})"))
                  .empty());
  for (const char* bad :
       {R"({"at": null})", R"({"id": 0, "at": null})", R"({"id": "1", "at": null})",
        R"({"id": 1, "at": "yesterday"})", R"({"id": 1, "at": null, "kind": "c"})",
        R"({"id": 1, "at": null, "list": [1]})", R"({"id": 1, "at": null, "extra": true})",
        R"([])"}) {
    EXPECT_FALSE(c.Check(ref, boost::json::parse(bad)).empty()) << bad;
  }
  EXPECT_FALSE(c.Check(boost::json::parse(R"({"$ref": "#/nowhere"})"), 1).empty());
  EXPECT_TRUE(
      c.Check(boost::json::parse(R"({"pattern": "^[0-2][0-9]:[0-5][0-9]$"})"), "09:30").empty());
  EXPECT_FALSE(
      c.Check(boost::json::parse(R"({"pattern": "^[0-2][0-9]:[0-5][0-9]$"})"), "9:30").empty());
  EXPECT_FALSE(c.Check(boost::json::parse(R"({"format": "date"})"), "2026-13-01").empty());
  EXPECT_FALSE(c.Check(boost::json::parse(R"({"patternProperties": {}})"), "x").empty())
      << "an unknown keyword must not pass unchecked";
}

// --- Calling every route --------------------------------------------------------------------

struct Call {
  std::string label;
  std::string method;
  std::string pattern;
  std::string target;
  Headers headers;
  std::string body;
};

class Walker {
 public:
  Walker(TestServer& t, const boost::json::value& doc) : t_(t), doc_(doc), checker_(doc) {}

  // Calls, then checks the status is documented for the operation and the body matches the
  // schema of that response. Returns the status.
  int Check(const Call& call) {
    auto r = t_.NewClient().Request(call.method, call.target, call.body, call.headers);
    last_etag_ = r.Header("etag");
    const std::string where = call.label + ": " + call.method + " " + call.target;
    const auto* op = Operation(call);
    if (!op) {
      ADD_FAILURE() << where << ": not in the document";
      return r.status;
    }
    const auto& responses = op->at("responses").as_object();
    const auto* response = responses.if_contains(std::to_string(r.status));
    if (!response) {
      ADD_FAILURE() << where << ": status " << r.status << " is not documented; body " << r.body;
      return r.status;
    }
    if (response->as_object().contains("$ref")) {
      response = Resolve(std::string(response->at("$ref").as_string()));
    }
    const auto* content = response->as_object().if_contains("content");
    if (!content) {
      EXPECT_EQ(r.body, "") << where << ": documented without a body";
      return r.status;
    }
    std::string type = r.Header("content-type");
    type = type.substr(0, type.find(';'));
    const auto* media = content->as_object().if_contains(type);
    if (!media) {
      ADD_FAILURE() << where << ": content type " << type << " not documented";
      return r.status;
    }
    boost::system::error_code ec;
    auto body = boost::json::parse(r.body, ec);
    if (ec) {
      ADD_FAILURE() << where << ": body is not JSON: " << r.body;
      return r.status;
    }
    for (const auto& problem : checker_.Check(media->at("schema"), body)) {
      ADD_FAILURE() << where << " (" << r.status << "): " << problem << "\n" << r.body;
    }
    ++checked_;
    covered_.insert(call.method + " " + call.pattern + " " + std::to_string(r.status));
    return r.status;
  }

  int checked() const { return checked_; }
  const std::string& last_etag() const { return last_etag_; }
  const std::set<std::string>& covered() const { return covered_; }

 private:
  TestServer& t_;
  const boost::json::value& doc_;
  SchemaChecker checker_;
  int checked_ = 0;
  std::set<std::string> covered_;
  std::string last_etag_;

  const boost::json::value* Resolve(const std::string& ref) const {
    const std::string prefix = "#/components/responses/";
    if (ref.rfind(prefix, 0) != 0) return nullptr;
    return doc_.at("components").at("responses").as_object().if_contains(ref.substr(prefix.size()));
  }

  const boost::json::value* Operation(const Call& call) const {
    const auto* item = doc_.at("paths").as_object().if_contains(call.pattern);
    if (!item) return nullptr;
    std::string method = call.method;
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    return item->as_object().if_contains(method);
  }
};

Headers Bearer(const std::string& token, const std::string& lang = "") {
  Headers h{{"Authorization", "Bearer " + token}};
  if (!lang.empty()) h.emplace_back("Accept-Language", lang);
  return h;
}

std::string Fill(const std::string& pattern, const std::string& id) {
  std::string target = pattern;
  for (auto brace = target.find('{'); brace != std::string::npos; brace = target.find('{')) {
    target = target.substr(0, brace) + id + target.substr(target.find('}', brace) + 1);
  }
  return target;
}

TEST(ApiOpenapi, EveryRouteAnswersAsTheDocumentSays) {
  TestServer t;
  auto org = t.CreateOrg("文書病院");
  auto user = t.CreateUser({"openapi@example.jp", "文書 確認", "admin", "nurse", org});
  t.CreateUser({"colleague@example.jp", "同僚 一人", "counselor", "msw", org});
  auto make_token = [&](const std::string& scopes) {
    auto created = api::CreateScopedToken(t.sv().db, t.clock(), {user, org, "127.0.0.1", "t"}, user,
                                          org, "文書", 30, *api::Scopes::Parse(scopes));
    EXPECT_TRUE(created.ok());
    return created.ok() ? *created : api::CreatedToken{};
  };
  std::string every;
  for (std::string_view d : api::kScopeDomains) {
    every += (every.empty() ? "" : " ") + std::string(d) + ":write";
  }
  const auto all = make_token(every);

  // A published programme with open days, made by its coordinator.
  auth::Principal coordinator;
  coordinator.user_id = user;
  coordinator.stage = "full";
  coordinator.organization_id = org;
  coordinator.role = auth::Role::kAdmin;
  const audit::Actor actor{user, org, "127.0.0.1", "t"};
  auto program = t.sv().consultations.CreateProgram(coordinator, actor, "両立支援相談", "");
  ASSERT_TRUE(program.ok());
  ASSERT_TRUE(t.sv().consultations.SetPublished(coordinator, actor, *program, true).ok());
  consultations::DaySettings settings;
  settings.booths = 2;
  settings.venue = "本館 相談室";
  GenerateDaysAhead(t, coordinator, actor, *program, Seed001ScheduleRule(), settings);

  // A person of the organisation with a consent naming a partner, a referral to the partner
  // and a support case with a timeline entry: what the clients, cases and referrals reads show.
  const auto partner = t.CreateOrg("文書就労支援センター", "employment_support");
  clients::ClientInput person;
  person.name = "文書 太郎";
  person.kana = "ぶんしょ たろう";
  person.phone = "090-3333-4444";
  person.birth_year = 1980;
  person.gender = "female";
  person.municipality = "仙台市";
  person.diagnosis = "大腸がん";
  person.treatment_status = "during";
  person.work_status = "on_leave";
  auto client = t.sv().clients.Create(coordinator, actor, person);
  ASSERT_TRUE(client.ok()) << client.error().message_key;
  sharing::ConsentInput consent;
  consent.organizations = {partner};
  consent.items = {"basic", "records"};
  consent.purpose = "employment_support";
  const auto today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  consent.valid_from = core::ToIso(today);
  consent.valid_until = core::ToIso(core::AddDays(today, 365));
  consent.method = "written";
  ASSERT_TRUE(t.sv().consents.Record(coordinator, actor, *client, consent).ok());
  referrals::ReferralInput referral{partner, "employment_support", "文書の紹介メモ"};
  auto referred = t.sv().referrals.Send(coordinator, actor, *client, referral);
  ASSERT_TRUE(referred.ok());
  auto opened = t.sv().cases.Open(coordinator, actor, *client);
  ASSERT_TRUE(opened.ok());
  ASSERT_TRUE(t.sv()
                  .cases
                  .AddEntry(coordinator, actor, *opened,
                            {"interview", core::ToIso(today), "文書の面談", {}})
                  .ok());

  // A published event of the organisation with places for every registration below.
  auto event = EventsOf(t).Create(coordinator, actor, SampleEvent(t, 10, 5));
  ASSERT_TRUE(event.ok());

  auto fetched = t.NewClient().Get("/api/v1/openapi.json");
  ASSERT_EQ(fetched.status, 200);
  const auto doc = boost::json::parse(fetched.body);
  ASSERT_EQ(doc.at("openapi"), "3.1.0");
  Walker w(t, doc);

  // Concrete targets for the routes with path segments: a route added without an entry here
  // fails below, so every route is called.
  auto first_booked = [&] {
    auto id = t.app().db().Read<long long>([&](soci::session& s) {
      long long b = 0;
      s << "SELECT MIN(id) FROM booking WHERE status = 'booked'", soci::into(b);
      return b;
    });
    return id.ok() ? *id : 0LL;
  };
  const std::string programs = "/api/v1/programs/" + std::to_string(*program);
  std::map<std::string, std::function<std::string()>> targets = {
      {"/api/v1/tokens/{id}",
       [&] { return "/api/v1/tokens/" + std::to_string(make_token("reports:read").id); }},
      {"/api/v1/public/programs/{id}/days",
       [&] { return "/api/v1/public/programs/" + std::to_string(*program) + "/days"; }},
      {"/api/v1/programs/{id}/bookings", [&] { return programs + "/bookings"; }},
      {"/api/v1/programs/{id}/bookings/{booking_id}/cancel",
       [&] { return programs + "/bookings/" + std::to_string(first_booked()) + "/cancel"; }},
      {"/api/v1/clients/{id}", [&] { return "/api/v1/clients/" + std::to_string(*client); }},
      {"/api/v1/cases/{id}", [&] { return "/api/v1/cases/" + std::to_string(*opened); }},
      {"/api/v1/referrals/{id}", [&] { return "/api/v1/referrals/" + std::to_string(*referred); }},
      {"/api/v1/events/{id}/registrations",
       [&] { return "/api/v1/events/" + std::to_string(*event) + "/registrations"; }},
  };
  // Query parameters the lists refuse: each answer is checked against the document's 400.
  const std::map<std::string, std::vector<std::string>> bad_queries = {
      {"/api/v1/clients", {"?limit=0", "?limit=201", "?limit=x", "?cursor=bm9wZQ"}},
      {"/api/v1/cases", {"?cursor=MTIzNDU2Nzg5MC4x%3D", "?include_closed=yes"}},
      {"/api/v1/referrals", {"?direction=both", "?cursor=%2B%2F"}},
      {"/api/v1/events/{id}/registrations", {"?limit=-1", "?cursor=x"}},
  };

  // Bodies for the routes that take one (a route added without one fails below).
  auto open =
      t.sv().consultations.OpenDays(*program, core::DateFromUnixSeconds(t.clock().NowSeconds()));
  ASSERT_TRUE(open.ok() && !open->empty());
  const std::int64_t slot = open->front().slots.front().id;  // two places (two booths)
  // A consultation record (on the day's second slot), so the records list answers one.
  ASSERT_GE(open->front().slots.size(), 2U);
  ASSERT_NE(RecordConsultation(t, coordinator, *program, open->front(), open->front().slots[1].id,
                               "文書 要約"),
            0);
  std::map<std::string, std::string> bodies = {
      {"POST /api/v1/programs/{id}/bookings",
       boost::json::serialize(boost::json::object{{"slot_id", slot},
                                                  {"channel", "phone"},
                                                  {"consent", true},
                                                  {"gender", "female"},
                                                  {"age_band", "40s"},
                                                  {"municipality", "さいたま市"},
                                                  {"heard_from", "hospital"},
                                                  {"treatment_status", "during"},
                                                  {"work_status", "on_leave"},
                                                  {"topics", boost::json::array{"work"}},
                                                  {"name", "文書 花子"},
                                                  {"furigana", "ぶんしょ はなこ"},
                                                  {"phone", "090-1234-5678"}})},
      {"POST /api/v1/events/{id}/registrations",
       boost::json::serialize(boost::json::object{{"mode", "venue"},
                                                  {"affiliation", "patient"},
                                                  {"municipality", "仙台市"},
                                                  {"name", "文書 次郎"},
                                                  {"furigana", "ぶんしょ じろう"},
                                                  {"phone", "090-5555-6666"},
                                                  {"channel", "phone"},
                                                  {"consent", true}})},
  };

  for (const auto& route : api::handlers::ApiRoutes()) {
    // Each route in a minute of its own: this walk calls every route a dozen times with one
    // token, and the per-token limit (api::TokenRateLimit, 120 a minute) has its own test.
    t.clock().Advance(61);
    std::string target = route.pattern;
    std::string body;
    if (!route.doc.request_schema.empty()) {
      auto it = bodies.find(route.method + " " + route.pattern);
      ASSERT_NE(it, bodies.end()) << "give " << route.method << " " << route.pattern << " a body";
      body = it->second;
    }
    if (route.pattern.find('{') != std::string::npos) {
      auto it = targets.find(route.pattern);
      ASSERT_NE(it, targets.end()) << "give " << route.pattern << " a target to call";
      target = it->second();
    }
    const bool is_public = route.permission == auth::Permission::kPublic;
    // As intended, in both languages.
    for (const char* lang : {"ja", "en"}) {
      const int status = w.Check({"success", route.method, route.pattern, target,
                                  is_public ? Headers{} : Bearer(all.token, lang), body});
      EXPECT_EQ(status, route.doc.success) << route.method << " " << route.pattern;
      if (route.method == "GET") {
        // The same answer again: 304 without a body; a stale ETag gets the full answer.
        const std::string etag = w.last_etag();
        EXPECT_FALSE(etag.empty()) << route.pattern;
        Headers again = is_public ? Headers{} : Bearer(all.token, lang);
        again.emplace_back("If-None-Match", etag);
        EXPECT_EQ(w.Check({"unchanged", route.method, route.pattern, target, again}), 304);
        again.back().second = "\"stale\"";
        EXPECT_EQ(w.Check({"changed", route.method, route.pattern, target, again}), 200);
      }
      if (route.pattern.find('{') != std::string::npos && lang[0] == 'j') {
        target = targets[route.pattern]();
      }
    }
    // Booking the same slot again conflicts: both places are taken now.
    if (route.method == "POST" && route.pattern == "/api/v1/programs/{id}/bookings") {
      EXPECT_EQ(w.Check({"again", route.method, route.pattern, target, Bearer(all.token), body}),
                409);
    }
    // An id that names nothing.
    if (route.pattern.find('{') != std::string::npos) {
      EXPECT_EQ(w.Check({"unknown id", route.method, route.pattern, Fill(route.pattern, "987654"),
                         is_public ? Headers{} : Bearer(all.token), body}),
                404);
    }
    // A body that is not an object, and one that is empty.
    if (!body.empty()) {
      EXPECT_EQ(w.Check({"not json", route.method, route.pattern, target, Bearer(all.token), "{"}),
                400);
      EXPECT_EQ(w.Check({"empty", route.method, route.pattern, target, Bearer(all.token), "{}"}),
                422);
    }
    if (auto bad = bad_queries.find(route.pattern); bad != bad_queries.end()) {
      for (const auto& query : bad->second) {
        EXPECT_EQ(w.Check({"bad query", route.method, route.pattern, target + query,
                           Bearer(all.token, "en")}),
                  400)
            << query;
      }
    }
    // Idempotency-Key: the retry's replayed answer, a key reused with another body, a bad key.
    if (route.method == "POST" && !is_public) {
      Headers keyed = Bearer(all.token);
      keyed.emplace_back("Idempotency-Key", "openapi-" + std::to_string(w.checked()));
      const int first = w.Check({"keyed", route.method, route.pattern, target, keyed, body});
      EXPECT_EQ(w.Check({"replayed", route.method, route.pattern, target, keyed, body}), first);
      EXPECT_EQ(w.Check({"key reused", route.method, route.pattern, target, keyed, body + " "}),
                422);
      keyed.back().second = "not a key";
      EXPECT_EQ(w.Check({"bad key", route.method, route.pattern, target, keyed, body}), 400);
      const auto& params = doc.at("paths").at(route.pattern).at("post").at("parameters").as_array();
      EXPECT_TRUE(std::any_of(params.begin(), params.end(), [](const boost::json::value& p) {
        return p.as_object().contains("$ref") &&
               p.at("$ref") == "#/components/parameters/IdempotencyKey";
      })) << route.pattern;
    }
    if (is_public) continue;
    // Without a token, and with a wrong one.
    EXPECT_EQ(w.Check({"no token", route.method, route.pattern, target, {}}), 401);
    EXPECT_EQ(w.Check({"bad token", route.method, route.pattern, target, Bearer("tsu_nope")}), 401);
    // Outside the token's scopes.
    if (!route.scope.domain.empty()) {
      std::string others;
      for (std::string_view d : api::kScopeDomains) {
        if (d != route.scope.domain)
          others += (others.empty() ? "" : " ") + std::string(d) + ":write";
      }
      EXPECT_EQ(w.Check({"scope", route.method, route.pattern, target,
                         Bearer(make_token(others).token, "en")}),
                403);
    }
  }
  EXPECT_GE(w.checked(), 20);
}

}  // namespace
}  // namespace tsunagu::testing
