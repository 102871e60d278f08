// Cursor pagination for the API's lists (issue 17 point 4): `?limit=` (default 50, at most 200)
// and `?cursor=`, answered as {"items": [...], "next_cursor": "…" or null}.
//
// A cursor is opaque to callers: base64url (no padding) of the last row's sort key as a JSON
// array, with a short checksum so that an edited or truncated cursor answers 400
// api.page.cursor instead of a silently different page. It is not a secret and grants
// nothing: the list still applies the token's walls to whatever the key says.
//
// Use: read the page with ReadPage (an error answers PageProblem), query `limit + 1` rows after
// the key (keyset, in the list's own order, with a unique last column such as the id), then
// CutPage and PageBody. In the route's OperationDoc: the parameters
// {"$ref": "#/components/parameters/Limit"} and {"$ref": "#/components/parameters/Cursor"}, and
// the response {"400": {"$ref": "#/components/responses/BadQuery"}}.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "http/message.hpp"

namespace tsunagu::api {

// One part of a sort key: an integer (ids, Unix seconds) or text (ISO dates, names).
using CursorPart = std::variant<std::int64_t, std::string>;
using CursorKey = std::vector<CursorPart>;

inline constexpr int kDefaultPageLimit = 50;
inline constexpr int kMaxPageLimit = 200;

struct PageRequest {
  int limit = kDefaultPageLimit;
  std::optional<CursorKey> after;  // the last sort key of the previous page; none: first page
};

std::string EncodeCursor(const CursorKey& key);
// The key of a cursor EncodeCursor made with this shape: one character per part, 'i' for an
// integer, 's' for text ("sii": date, minutes, id). nullopt for anything else.
std::optional<CursorKey> DecodeCursor(std::string_view cursor, std::string_view shape);

// `limit` and `cursor` from the query. Errors (status 400): api.page.limit when limit is not a
// whole number from 1 to 200, api.page.cursor when the cursor is not one of ours.
core::Result<PageRequest> ReadPage(const http::Request& request, std::string_view shape);
// A ReadPage error as its 400 problem response.
http::Response PageProblem(const core::Catalog& catalog, std::string_view lang,
                           const core::Error& error);

template <typename Row>
struct Page {
  std::vector<Row> rows;
  std::optional<CursorKey> next;  // none on the last page
};

// `rows` as read with `limit + 1`: the first `limit`, and the next cursor from the last of
// them when there were more.
template <typename Row, typename KeyOf>
Page<Row> CutPage(std::vector<Row> rows, int limit, KeyOf key_of) {
  Page<Row> page;
  const bool more = rows.size() > static_cast<std::size_t>(limit);
  if (more) rows.resize(static_cast<std::size_t>(limit));
  if (more && !rows.empty()) page.next = key_of(rows.back());
  page.rows = std::move(rows);
  return page;
}

// {"items": items, "next_cursor": cursor or null}.
boost::json::object PageBody(boost::json::array items, const std::optional<CursorKey>& next);

}  // namespace tsunagu::api
