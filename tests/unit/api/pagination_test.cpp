#include "api/pagination.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

namespace tsunagu::api {
namespace {

http::Request WithQuery(std::multimap<std::string, std::string> query) {
  http::Request r;
  r.method = "GET";
  r.query = std::move(query);
  return r;
}

TEST(ApiPagination, CursorReadsBackItsKey) {
  const CursorKey key{std::string("2026-12-10"), std::int64_t{780}, std::int64_t{77}};
  const std::string cursor = EncodeCursor(key);
  EXPECT_EQ(cursor.find_first_of("+/="), std::string::npos) << "base64url without padding";
  auto back = DecodeCursor(cursor, "sii");
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, key);
  // Japanese text survives.
  const CursorKey name{std::string("相談 花子"), std::int64_t{-3}};
  EXPECT_EQ(DecodeCursor(EncodeCursor(name), "si"), name);
}

TEST(ApiPagination, AnEditedOrForeignCursorIsRefused) {
  const std::string cursor = EncodeCursor({std::int64_t{120}, std::int64_t{5}});
  ASSERT_TRUE(DecodeCursor(cursor, "ii"));
  // Another shape (another list's cursor).
  EXPECT_FALSE(DecodeCursor(cursor, "si"));
  EXPECT_FALSE(DecodeCursor(cursor, "iii"));
  // Every single-character edit is caught.
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  int tried = 0;
  for (std::size_t i = 0; i < cursor.size(); ++i) {
    for (char c : {'A', 'z', '0', '-'}) {
      if (cursor[i] == c) continue;
      std::string edited = cursor;
      edited[i] = c;
      auto decoded = DecodeCursor(edited, "ii");
      // The last character may carry only padding bits: then the bytes are the same.
      if (decoded) {
        EXPECT_EQ(i, cursor.size() - 1) << edited;
        EXPECT_EQ(*decoded, (CursorKey{std::int64_t{120}, std::int64_t{5}}));
      }
      ++tried;
    }
  }
  EXPECT_GT(tried, 40);
  EXPECT_FALSE(DecodeCursor(cursor.substr(0, cursor.size() - 2), "ii"));
  EXPECT_FALSE(DecodeCursor("", "ii"));
  EXPECT_FALSE(DecodeCursor("not a cursor!", "ii"));
  EXPECT_FALSE(DecodeCursor(cursor + "=", "ii"));
  EXPECT_FALSE(DecodeCursor(std::string(2000, 'A'), "ii"));
}

TEST(ApiPagination, LimitDefaultsTo50AndStaysWithin1To200) {
  auto none = ReadPage(WithQuery({}), "i");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->limit, 50);
  EXPECT_FALSE(none->after);
  auto most = ReadPage(WithQuery({{"limit", "200"}}), "i");
  ASSERT_TRUE(most.ok());
  EXPECT_EQ(most->limit, 200);
  EXPECT_EQ(ReadPage(WithQuery({{"limit", "1"}}), "i")->limit, 1);
  for (const char* bad : {"0", "201", "-1", "", "5x", "1e2", " 5", "99999999999"}) {
    auto r = ReadPage(WithQuery({{"limit", bad}}), "i");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().message_key, "api.page.limit");
  }
  auto tampered = ReadPage(WithQuery({{"cursor", "eyJ4IjoxfQ"}}), "i");
  ASSERT_FALSE(tampered.ok());
  EXPECT_EQ(tampered.error().message_key, "api.page.cursor");
  auto next = ReadPage(WithQuery({{"cursor", EncodeCursor({std::int64_t{9}})}}), "i");
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->after, (CursorKey{std::int64_t{9}}));
}

TEST(ApiPagination, CutPageGivesTheNextCursorOnlyWhenThereIsMore) {
  const std::vector<int> rows{1, 2, 3, 4};
  auto key = [](int row) { return CursorKey{std::int64_t{row}}; };
  auto full = CutPage(rows, 3, key);
  EXPECT_EQ(full.rows, (std::vector<int>{1, 2, 3}));
  ASSERT_TRUE(full.next);
  EXPECT_EQ(*full.next, key(3));
  auto last = CutPage(rows, 4, key);
  EXPECT_EQ(last.rows.size(), 4U);
  EXPECT_FALSE(last.next);
  EXPECT_FALSE(CutPage(std::vector<int>{}, 50, key).next);

  auto body = PageBody(boost::json::array{1, 2}, full.next);
  EXPECT_EQ(body.at("items").as_array().size(), 2U);
  EXPECT_EQ(DecodeCursor(std::string(body.at("next_cursor").as_string()), "i"), key(3));
  EXPECT_TRUE(PageBody({}, std::nullopt).at("next_cursor").is_null());
}

}  // namespace
}  // namespace tsunagu::api
