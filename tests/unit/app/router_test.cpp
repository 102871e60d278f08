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

}  // namespace
}  // namespace tsunagu::app
