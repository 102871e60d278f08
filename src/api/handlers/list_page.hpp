// Cursor pagination of the API's read lists (issue 17 point 4), kept here until
// src/api/pagination.* lands: `?limit=` (1–200, 50 when left out) and `?cursor=`, the opaque
// base64url text of the last item's sort key with a keyed hash of it (the field cipher's blind
// index, for this list only), so a changed or another list's cursor is refused. Lists are ordered
// newest change first (updated_at, then id, both descending), and a page is cut from what the
// service that the pages call returned, so the API never reads a record the page would not show.
#pragma once

#include <algorithm>
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "web/context.hpp"

namespace tsunagu::api::handlers {

struct SortKey {
  std::int64_t updated_at = 0;
  std::int64_t id = 0;
};

struct PageRequest {
  std::size_t limit = 50;
  std::optional<SortKey> after;  // the last item of the previous page
};

inline constexpr std::size_t kDefaultLimit = 50;
inline constexpr std::size_t kMaxLimit = 200;

// Writes and reads the cursors of one list (`list`: its path).
class CursorCodec {
 public:
  CursorCodec(const crypto::FieldCipher& cipher, std::string list)
      : cipher_(cipher), purpose_("api.cursor " + std::move(list)) {}
  std::string Encode(const SortKey& key) const;
  std::optional<SortKey> Decode(const std::string& text) const;

 private:
  std::string Mac(const std::string& payload) const;
  const crypto::FieldCipher& cipher_;
  std::string purpose_;
};

// ?limit and ?cursor; kInvalidInput "api.error.limit" or "api.error.cursor" (answer 400).
core::Result<PageRequest> ReadPageRequest(const web::RequestContext& ctx, const CursorCodec& codec);

// {"items": [...], "next_cursor": null|string}: the items after the cursor, at most `limit`,
// each written by `write`; `key_of` gives an item's sort key.
template <class T, class KeyOf, class Write>
boost::json::object Paginate(std::vector<T> items, const PageRequest& page,
                             const CursorCodec& codec, KeyOf key_of, Write write) {
  auto newer = [&](const T& a, const T& b) {
    const SortKey ka = key_of(a);
    const SortKey kb = key_of(b);
    return ka.updated_at != kb.updated_at ? ka.updated_at > kb.updated_at : ka.id > kb.id;
  };
  std::stable_sort(items.begin(), items.end(), newer);
  auto it = items.begin();
  if (page.after) {
    const SortKey c = *page.after;
    it = std::find_if(items.begin(), items.end(), [&](const T& item) {
      const SortKey k = key_of(item);
      return k.updated_at < c.updated_at || (k.updated_at == c.updated_at && k.id < c.id);
    });
  }
  boost::json::array out;
  for (; it != items.end() && out.size() < page.limit; ++it) out.push_back(write(*it));
  boost::json::value next = nullptr;
  if (it != items.end() && !out.empty())
    next = boost::json::string(codec.Encode(key_of(*(it - 1))));
  return boost::json::object{{"items", std::move(out)}, {"next_cursor", std::move(next)}};
}

}  // namespace tsunagu::api::handlers
