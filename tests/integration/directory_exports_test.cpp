// The directory as data (issue 15) on both engines: HSDS 3.0's API shapes (the index, a
// paginated list of services with HSDS's page fields, one service with its organization,
// phones, schedules and service_at_locations; ふりがな in the "furigana" extension) and a CSV
// that Excel opens (UTF-8 with BOM, Japanese header row), both holding active services only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "directory/hsds_id.hpp"
#include "directory_data.hpp"

namespace tsunagu::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::Not;

json::object Parse(const HttpResult& r) {
  EXPECT_THAT(r.Header("content-type"), HasSubstr("json"));
  boost::system::error_code ec;
  auto v = json::parse(r.body, ec);
  EXPECT_FALSE(ec) << r.body;
  return ec || !v.is_object() ? json::object{} : v.as_object();
}

std::string Str(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : "";
}

std::string ServicePath(std::int64_t id) {
  return "/directory/hsds/services/" + directory::HsdsId(directory::HsdsKind::kService, id);
}

std::vector<std::string> Names(const json::object& page) {
  std::vector<std::string> out;
  for (const auto& item : page.at("contents").as_array()) out.push_back(Str(item.at("name")));
  return out;
}

TEST(DirectoryExportsTest, HsdsIndexListAndServiceCarryHsdsFieldsAndPaginate) {
  TestServer t;
  const auto w = MakeDirectoryWorld(t);
  auto c = t.NewClient();
  for (const char* path : {"/directory/hsds/", "/directory/hsds"}) {
    auto index = Parse(c.Get(path));
    EXPECT_EQ(Str(index["version"]), "3.0");
    EXPECT_THAT(Str(index["openapi_url"]), HasSubstr("openapi.json"));
  }

  auto first = c.Get("/directory/hsds/services?per_page=2");
  ASSERT_EQ(first.status, 200) << first.body;
  auto page1 = Parse(first);
  EXPECT_EQ(page1["total_items"].to_number<int>(), 3);
  EXPECT_EQ(page1["total_pages"].to_number<int>(), 2);
  EXPECT_EQ(page1["page_number"].to_number<int>(), 1);
  EXPECT_EQ(page1["size"].to_number<int>(), 2);
  EXPECT_TRUE(page1["first_page"].as_bool());
  EXPECT_FALSE(page1["last_page"].as_bool());
  EXPECT_FALSE(page1["empty"].as_bool());
  ASSERT_EQ(page1["contents"].as_array().size(), 2u);
  for (const auto& item : page1["contents"].as_array()) {
    const auto& s = item.as_object();
    for (const char* field : {"id", "name", "status", "description", "organization"}) {
      EXPECT_TRUE(s.contains(field)) << field;
    }
    EXPECT_EQ(Str(s.at("status")), "active");
    const auto& org = s.at("organization").as_object();
    for (const char* field : {"id", "name", "description"}) EXPECT_TRUE(org.contains(field));
  }
  auto page2 = Parse(c.Get("/directory/hsds/services?page=2&per_page=2"));
  EXPECT_EQ(page2["size"].to_number<int>(), 1);
  EXPECT_TRUE(page2["last_page"].as_bool());
  auto beyond = Parse(c.Get("/directory/hsds/services?page=3&per_page=2"));
  EXPECT_TRUE(beyond["empty"].as_bool());
  EXPECT_EQ(c.Get("/directory/hsds/services?page=0").status, 400);
  EXPECT_EQ(c.Get("/directory/hsds/services?per_page=x").status, 400);

  auto one = Parse(c.Get(ServicePath(w.fertility)));
  EXPECT_EQ(Str(one["id"]), directory::HsdsId(directory::HsdsKind::kService, w.fertility));
  // The numeric id of the HTML pages is not an HSDS id.
  EXPECT_EQ(c.Get("/directory/hsds/services/" + std::to_string(w.fertility)).status, 404);
  EXPECT_EQ(Str(one["name"]), "がん・生殖医療相談窓口");
  EXPECT_EQ(Str(one["furigana"]), "がんせいしょくいりょうそうだんまどぐち");
  EXPECT_EQ(Str(one["url"]), "https://example.jp/fertility");
  EXPECT_EQ(Str(one["fees_description"]), "無料");
  EXPECT_EQ(Str(one["eligibility_description"]), "がんと診断された40歳未満の方とご家族");
  EXPECT_EQ(Str(one["category"]), "fertility");
  EXPECT_EQ(Str(one["organization"].as_object()["name"]), "つなぐ県がん・生殖医療ネットワーク");
  EXPECT_EQ(Str(one["phones"].as_array().at(0).as_object()["number"]), "0961234567");
  EXPECT_EQ(Str(one["schedules"].as_array().at(0).as_object()["description"]), "平日 9:00〜17:00");
  auto& location = one["service_at_locations"].as_array().at(0).as_object()["location"].as_object();
  EXPECT_EQ(Str(location["location_type"]), "physical");
  EXPECT_EQ(Str(location["transportation"]), "みどり駅から徒歩5分");
  auto& address = location["addresses"].as_array().at(0).as_object();
  EXPECT_EQ(Str(address["state_province"]), "つなぐ県");
  EXPECT_EQ(Str(address["city"]), "みどり市");
  EXPECT_EQ(Str(address["postal_code"]), "860-0001");
  EXPECT_EQ(Str(address["country"]), "JP");

  // A deactivated service leaves the exports.
  directory::DirectoryService dir(t.sv().db, t.sv().clock);
  ASSERT_TRUE(dir.SetActive(w.centre_coordinator, w.actor, w.fertility, false).ok());
  EXPECT_EQ(c.Get(ServicePath(w.fertility)).status, 404);
  EXPECT_EQ(Parse(c.Get("/directory/hsds/services"))["total_items"].to_number<int>(), 2);
}

TEST(DirectoryExportsTest, HsdsServicesSearchFilterByOrganizationAndModifiedAfter) {
  TestServer t;
  const auto w = MakeDirectoryWorld(t);
  auto c = t.NewClient();
  auto index = Parse(c.Get("/directory/hsds/"));
  auto profile = Parse(c.Get("/directory/hsds/profile"));
  EXPECT_THAT(Str(index["profile"]), ::testing::EndsWith("/directory/hsds/profile"));
  EXPECT_THAT(json::serialize(profile["added_fields"]), HasSubstr("furigana"));

  // search: the directory's own search, katakana typed for a hiragana reading.
  auto found =
      Parse(c.Get("/directory/hsds/services?search=%E3%82%BB%E3%82%A4%E3%82%B7%E3%83%A7%E3%82%AF"));
  EXPECT_THAT(Names(found), ::testing::ElementsAre("がん・生殖医療相談窓口"));
  EXPECT_EQ(found["total_items"].to_number<int>(), 1);

  // organization_id: the services of one directory organisation.
  auto one = Parse(c.Get(ServicePath(w.fertility)));
  const std::string org = Str(one["organization_id"]);
  EXPECT_EQ(Str(one["organization"].as_object()["id"]), org);
  auto by_org = Parse(c.Get("/directory/hsds/services?organization_id=" + org));
  ASSERT_GE(by_org["total_items"].to_number<int>(), 1);
  for (const auto& item : by_org["contents"].as_array()) {
    EXPECT_EQ(Str(item.at("organization_id")), org);
  }

  // modified_after: nothing changed after tomorrow; everything after an old date.
  const auto tomorrow = core::AddDays(core::DateFromUnixSeconds(t.clock().NowSeconds()), 1);
  auto none = Parse(c.Get("/directory/hsds/services?modified_after=" + core::ToIso(tomorrow)));
  EXPECT_TRUE(none["empty"].as_bool());
  auto all = Parse(c.Get("/directory/hsds/services?modified_after=2000-01-01T00:00:00Z"));
  EXPECT_EQ(all["total_items"].to_number<int>(), 3);

  for (const char* bad : {"/directory/hsds/services?organization_id=12",
                          "/directory/hsds/services?modified_after=yesterday",
                          "/directory/hsds/services?modified_after=2026-13-01"}) {
    auto r = c.Get(bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_THAT(r.Header("content-type"), HasSubstr("application/problem+json"));
  }
}

TEST(DirectoryExportsTest, CsvOpensInExcelWithAJapaneseHeaderAndOneRowPerActiveService) {
  TestServer t;
  const auto w = MakeDirectoryWorld(t);
  directory::DirectoryService dir(t.sv().db, t.sv().clock);
  ASSERT_TRUE(dir.SetActive(w.centre_coordinator, w.actor, w.hello_work, false).ok());
  auto csv = t.NewClient().Get("/directory/export.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_THAT(csv.Header("content-type"), HasSubstr("text/csv"));
  EXPECT_THAT(csv.Header("content-disposition"), HasSubstr("attachment"));
  ASSERT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u);
  std::vector<std::string> lines;
  std::size_t pos = 3;
  while (pos < csv.body.size()) {
    const auto end = csv.body.find("\r\n", pos);
    lines.push_back(csv.body.substr(pos, end - pos));
    pos = end + 2;
  }
  ASSERT_EQ(lines.size(), 3u) << csv.body;  // header + two active services
  EXPECT_EQ(
      lines[0].rfind("ID,分野,名称,ふりがな,提供機関,内容,対象となる方,費用,利用方法,受付時間,"
                     "電話番号,メールアドレス,ウェブサイト,郵便番号,都道府県,市区町村,",
                     0),
      0u)
      << lines[0];
  EXPECT_THAT(lines[1],
              HasSubstr(std::to_string(w.fertility) + ",生殖医療・妊孕性,がん・生殖医療相談窓口,"
                                                      "がんせいしょくいりょうそうだんまどぐち,"
                                                      "つなぐ県がん・生殖医療ネットワーク"));
  EXPECT_THAT(lines[1], HasSubstr(",860-0001,つなぐ県,みどり市,"));
  EXPECT_THAT(lines[2], HasSubstr("社会保険労務士・弁護士,社労士による両立支援相談"));
  EXPECT_THAT(csv.body, Not(HasSubstr("ハローワークみどり")));
}

}  // namespace
}  // namespace tsunagu::testing
