// The OpenAPI document (web/openapi/base.json plus the paths built from the route list) against
// the routes the code registers.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "api/handlers/routes.hpp"
#include "core/config.hpp"
#include "orgs/model.hpp"

namespace tsunagu::api::handlers {
namespace {

const std::string kDocumentPath = tsunagu::core::SourceDir() + "/web/openapi/base.json";

// The document as served.
boost::json::value LoadDocument() {
  auto served = LoadOpenapiDocument(kDocumentPath, "http://127.0.0.1");
  EXPECT_TRUE(served.ok()) << kDocumentPath << ": "
                           << (served.ok() ? "" : served.error().message_key);
  if (!served.ok()) return {};
  return boost::json::parse(*served);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

const std::set<std::string> kMethods = {"get", "put", "post", "delete", "patch", "head", "options"};

// Resolves a local reference "#/a/b/c" (no escaped characters are used in the document).
const boost::json::value* Resolve(const boost::json::value& doc, const std::string& ref) {
  if (ref.rfind("#/", 0) != 0) return nullptr;
  const boost::json::value* at = &doc;
  std::stringstream parts(ref.substr(2));
  std::string part;
  while (std::getline(parts, part, '/')) {
    if (!at->is_object()) return nullptr;
    at = at->as_object().if_contains(part);
    if (at == nullptr) return nullptr;
  }
  return at;
}

void CollectRefs(const boost::json::value& v, std::vector<std::string>& out) {
  if (v.is_object()) {
    for (const auto& m : v.as_object()) {
      if (m.key() == "$ref" && m.value().is_string()) {
        out.emplace_back(m.value().as_string().c_str());
      } else {
        CollectRefs(m.value(), out);
      }
    }
  } else if (v.is_array()) {
    for (const auto& item : v.as_array()) CollectRefs(item, out);
  }
}

std::vector<std::string> Enum(const boost::json::value& doc, const std::string& schema) {
  std::vector<std::string> out;
  const auto* s = Resolve(doc, "#/components/schemas/" + schema);
  if (s == nullptr) return out;
  for (const auto& v : s->at("enum").as_array()) out.emplace_back(v.as_string().c_str());
  return out;
}

template <typename Array>
std::vector<std::string> Strings(const Array& a) {
  return std::vector<std::string>(a.begin(), a.end());
}

TEST(ApiOpenapi, IsAnOpenApi31Document) {
  auto doc = LoadDocument();
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc.at("openapi"), "3.1.0");
  EXPECT_TRUE(doc.at("info").as_object().contains("title"));
  EXPECT_TRUE(doc.at("info").as_object().contains("version"));
  const auto& scheme = doc.at("components").at("securitySchemes").at("bearerAuth");
  EXPECT_EQ(scheme.at("type"), "http");
  EXPECT_EQ(scheme.at("scheme"), "bearer");
  EXPECT_NE(std::string(scheme.at("description").as_string().c_str()).find("/account/tokens"),
            std::string::npos);
  // Every operation needs the token unless it says otherwise.
  EXPECT_EQ(doc.at("security"), boost::json::parse(R"([{"bearerAuth":[]}])"));
  const auto& problem = doc.at("components").at("schemas").at("Problem");
  EXPECT_EQ(problem.at("required"), boost::json::parse(R"(["type","title","status"])"));
  for (const char* p : {"type", "title", "status", "detail", "errors"}) {
    EXPECT_TRUE(problem.at("properties").as_object().contains(p)) << p;
  }
}

TEST(ApiOpenapi, DescribesExactlyTheRegisteredRoutes) {
  auto doc = LoadDocument();
  const auto& paths = doc.at("paths").as_object();
  const auto routes = ApiRoutes();
  ASSERT_FALSE(routes.empty());

  std::set<std::string> registered;
  for (const auto& r : routes) {
    EXPECT_EQ(r.pattern.rfind("/api/v1/", 0), 0u) << r.pattern;
    registered.insert(Lower(r.method) + " " + r.pattern);
    const auto* item = paths.if_contains(r.pattern);
    ASSERT_NE(item, nullptr) << "not in openapi.json: " << r.pattern;
    const auto* op = item->as_object().if_contains(Lower(r.method));
    ASSERT_NE(op, nullptr) << "not in openapi.json: " << r.method << " " << r.pattern;
    // Public routes opt out of the global bearer requirement; the others must not.
    const auto* security = op->as_object().if_contains("security");
    if (r.permission == auth::Permission::kPublic) {
      ASSERT_NE(security, nullptr) << r.pattern;
      EXPECT_TRUE(security->as_array().empty()) << r.pattern;
    } else if (r.scope.domain.empty()) {
      EXPECT_EQ(security, nullptr) << r.pattern << " overrides the bearer requirement";
      EXPECT_TRUE(op->at("responses").as_object().contains("401")) << r.pattern;
    } else {
      // The bearer requirement naming exactly the scope the route enforces.
      ASSERT_NE(security, nullptr) << r.pattern << " does not name its scope";
      boost::json::array expected{
          boost::json::object{{"bearerAuth", boost::json::array{ScopeName(r.scope).c_str()}}}};
      EXPECT_EQ(*security, expected) << r.method << " " << r.pattern;
      EXPECT_TRUE(op->at("responses").as_object().contains("401")) << r.pattern;
      EXPECT_TRUE(op->at("responses").as_object().contains("403")) << r.pattern;
    }
  }
  for (const auto& [path, item] : paths) {
    for (const auto& [method, op] : item.as_object()) {
      if (kMethods.count(std::string(method)) == 0) continue;
      EXPECT_TRUE(registered.count(std::string(method) + " " + std::string(path)))
          << "documented but not registered: " << method << " " << path;
    }
  }

  const auto api_paths = ApiPaths();
  EXPECT_EQ(api_paths.size(), paths.size());
  for (const auto& p : api_paths) EXPECT_TRUE(paths.contains(p)) << p;
}

TEST(ApiOpenapi, OperationsAreComplete) {
  auto doc = LoadDocument();
  std::set<std::string> operation_ids;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      if (kMethods.count(std::string(method)) == 0) continue;
      const std::string where = std::string(method) + " " + std::string(path);
      ASSERT_TRUE(op.as_object().contains("operationId")) << where;
      EXPECT_TRUE(operation_ids.insert(op.at("operationId").as_string().c_str()).second) << where;
      bool has_success = false;
      for (const auto& [status, response] : op.at("responses").as_object()) {
        if (status.size() == 3 && status[0] == '2') has_success = true;
      }
      EXPECT_TRUE(has_success) << where;
      // Each {param} of the path is declared as a required path parameter.
      std::string p(path);
      for (std::size_t open = p.find('{'); open != std::string::npos; open = p.find('{', open)) {
        const std::size_t close = p.find('}', open);
        const std::string name = p.substr(open + 1, close - open - 1);
        bool declared = false;
        if (const auto* params = op.as_object().if_contains("parameters")) {
          for (const auto& param : params->as_array()) {
            const auto& o = param.as_object();
            if (o.contains("name") && o.at("name") == name.c_str() && o.at("in") == "path" &&
                o.at("required") == true) {
              declared = true;
            }
          }
        }
        EXPECT_TRUE(declared) << where << " does not declare {" << name << "}";
        open = close;
      }
    }
  }
}

TEST(ApiOpenapi, AnOperationWithoutItsDocumentationIsRefused) {
  auto base = boost::json::parse(R"({"openapi": "3.1.0", "paths": {}})");
  Operation undocumented{"GET", "/api/v1/x", auth::Permission::kOrgMember, {}, {}};
  EXPECT_FALSE(BuildOpenapi(base, {undocumented}).ok());
  Operation bad_schema{"GET", "/api/v1/x", auth::Permission::kOrgMember, {}, {}};
  bad_schema.doc = {"getX", "x", "X", "", 200, "X", "{not json"};
  EXPECT_FALSE(BuildOpenapi(base, {bad_schema}).ok());
  bad_schema.doc.response_schema = R"({"type": "object"})";
  auto built = BuildOpenapi(base, {bad_schema});
  ASSERT_TRUE(built.ok());
  const auto& op = built->at("paths").at("/api/v1/x").at("get");
  EXPECT_EQ(op.at("responses").at("200").at("content").at("application/json").at("schema"),
            boost::json::parse(R"({"type": "object"})"));
  // A member route may be refused (403); no path segment, no 404.
  EXPECT_TRUE(op.at("responses").as_object().contains("403"));
  EXPECT_FALSE(op.at("responses").as_object().contains("404"));
}

TEST(ApiOpenapi, EveryReferenceResolves) {
  auto doc = LoadDocument();
  std::vector<std::string> refs;
  CollectRefs(doc, refs);
  EXPECT_FALSE(refs.empty());
  for (const auto& ref : refs) EXPECT_NE(Resolve(doc, ref), nullptr) << ref;
}

TEST(ApiOpenapi, EnumsMatchTheDomain) {
  auto doc = LoadDocument();
  EXPECT_EQ(Enum(doc, "Role"), Strings(orgs::kRoles));
  EXPECT_EQ(Enum(doc, "Profession"), Strings(orgs::kProfessions));
  EXPECT_EQ(Enum(doc, "OrganizationKind"), Strings(orgs::kOrganizationKinds));
  std::vector<std::string> scopes;
  for (auto domain : kScopeDomains) {
    scopes.push_back(std::string(domain) + ":read");
    scopes.push_back(std::string(domain) + ":write");
  }
  EXPECT_EQ(Enum(doc, "Scope"), scopes);
}

TEST(ApiOpenapi, LoadsForServingWithThisServersUrl) {
  auto served = LoadOpenapiDocument(kDocumentPath, "https://tsunagu.example.jp");
  ASSERT_TRUE(served.ok()) << served.error().message_key;
  auto doc = boost::json::parse(*served);
  EXPECT_EQ(doc.at("servers"), boost::json::parse(R"([{"url":"https://tsunagu.example.jp"}])"));
  EXPECT_EQ(doc.at("paths"), LoadDocument().at("paths"));
  EXPECT_EQ(doc.at("paths").as_object().size(), ApiPaths().size());

  EXPECT_FALSE(LoadOpenapiDocument(kDocumentPath + ".missing", "http://x").ok());
}

}  // namespace
}  // namespace tsunagu::api::handlers
