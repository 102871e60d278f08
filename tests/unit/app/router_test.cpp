#include "app/router.hpp"

#include <gtest/gtest.h>

namespace tsunagu::app {
namespace {

RouteHandler Ok() {
  return [](web::RequestContext&) { return http::Response::Text(200, "ok"); };
}

TEST(Router, ARouteWithoutPermissionFailsValidation) {
  Router r;
  r.Add({"GET", "/a", auth::Permission::kPublic, Ok()});
  EXPECT_TRUE(r.Validate().ok());
  r.Add({"GET", "/b", auth::Permission::kUndeclared, Ok()});
  auto st = r.Validate();
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().message_key.find("/b"), std::string::npos);
}

TEST(Router, DuplicateRoutesFailValidation) {
  Router r;
  r.Add({"GET", "/a", auth::Permission::kPublic, Ok()});
  r.Add({"GET", "/a", auth::Permission::kSignedIn, Ok()});
  EXPECT_FALSE(r.Validate().ok());
}

TEST(Router, MatchesParametersAndKnowsOtherMethods) {
  Router r;
  r.Add({"GET", "/org/members/{id}", auth::Permission::kOrgManageMembers, Ok()});
  r.Add({"POST", "/org/members/{id}/remove", auth::Permission::kOrgManageMembers, Ok()});
  auto m = r.Find("GET", "/org/members/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params["id"], "42");
  EXPECT_NE(r.Find("HEAD", "/org/members/42").route, nullptr);
  auto wrong = r.Find("DELETE", "/org/members/42");
  EXPECT_EQ(wrong.route, nullptr);
  EXPECT_TRUE(wrong.path_known);
  EXPECT_EQ(r.Find("GET", "/org/members/").route, nullptr);
  EXPECT_EQ(r.Find("GET", "/org/members/42/extra").route, nullptr);
}

// Routes are tried in the order they were added, each pattern split once when added.
TEST(Router, TheFirstRouteThatFitsWinsWithEveryCapture) {
  Router r;
  r.Add({"GET", "/", auth::Permission::kPublic, Ok()});
  r.Add({"GET", "/cases/new", auth::Permission::kPublic, Ok()});
  r.Add({"GET", "/cases/{id}", auth::Permission::kPublic, Ok()});
  r.Add({"GET", "/cases/{id}/entries/{entry}/edit", auth::Permission::kPublic, Ok()});
  auto fixed = r.Find("GET", "/cases/new");
  ASSERT_NE(fixed.route, nullptr);
  EXPECT_EQ(fixed.route->pattern, "/cases/new");
  EXPECT_TRUE(fixed.params.empty());
  auto both = r.Find("GET", "/cases/7/entries/12/edit");
  ASSERT_NE(both.route, nullptr);
  EXPECT_EQ(both.params, (std::map<std::string, std::string>{{"entry", "12"}, {"id", "7"}}));
  EXPECT_EQ(r.Find("GET", "/cases/7/entries//edit").route, nullptr);
  EXPECT_EQ(r.Find("GET", "/cases/7/entries/12/view").route, nullptr);
  auto root = r.Find("GET", "/");
  ASSERT_NE(root.route, nullptr);
  EXPECT_EQ(root.route->pattern, "/");
  EXPECT_EQ(r.Find("GET", "").route, nullptr);
}

}  // namespace
}  // namespace tsunagu::app
