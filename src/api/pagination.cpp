#include "api/pagination.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "api/json.hpp"
#include "crypto/random.hpp"

namespace tsunagu::api {

namespace {

// Enough to catch an edited or cut cursor; a cursor is not a secret (see the header).
constexpr std::size_t kCheckLength = 8;

std::string Check(std::string_view json) {
  return crypto::HashToken("tsunagu-cursor-v1:" + std::string(json)).substr(0, kCheckLength);
}

std::string ToBase64Url(std::string_view bytes) {
  std::string s = crypto::Base64Encode(bytes);
  while (!s.empty() && s.back() == '=') s.pop_back();
  std::replace(s.begin(), s.end(), '+', '-');
  std::replace(s.begin(), s.end(), '/', '_');
  return s;
}

std::optional<std::string> FromBase64Url(std::string_view text) {
  std::string s(text);
  if (s.find_first_of("+/=") != std::string::npos) return std::nullopt;
  std::replace(s.begin(), s.end(), '-', '+');
  std::replace(s.begin(), s.end(), '_', '/');
  while (s.size() % 4 != 0) s.push_back('=');
  return crypto::Base64Decode(s);
}

}  // namespace

std::string EncodeCursor(const CursorKey& key) {
  boost::json::array parts;
  for (const auto& part : key) {
    if (const auto* i = std::get_if<std::int64_t>(&part)) {
      parts.emplace_back(*i);
    } else {
      parts.emplace_back(std::get<std::string>(part));
    }
  }
  const std::string json = boost::json::serialize(parts);
  return ToBase64Url(Check(json) + json);
}

std::optional<CursorKey> DecodeCursor(std::string_view cursor, std::string_view shape) {
  // A cursor of a long text key is still short; anything far longer is not ours.
  if (cursor.empty() || cursor.size() > 1024) return std::nullopt;
  auto raw = FromBase64Url(cursor);
  if (!raw || raw->size() <= kCheckLength) return std::nullopt;
  const std::string_view json = std::string_view(*raw).substr(kCheckLength);
  if (!crypto::ConstantTimeEquals(raw->substr(0, kCheckLength), Check(json))) return std::nullopt;
  boost::system::error_code ec;
  auto parsed = boost::json::parse(json, ec);
  if (ec || !parsed.is_array() || parsed.as_array().size() != shape.size()) return std::nullopt;
  CursorKey key;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const auto& v = parsed.as_array()[i];
    if (shape[i] == 'i' && v.is_int64()) {
      key.emplace_back(v.as_int64());
    } else if (shape[i] == 's' && v.is_string()) {
      key.emplace_back(std::string(v.as_string()));
    } else {
      return std::nullopt;
    }
  }
  return key;
}

core::Result<PageRequest> ReadPage(const http::Request& request, std::string_view shape) {
  PageRequest page;
  if (auto limit = request.Query("limit")) {
    int n = 0;
    const char* end = limit->data() + limit->size();
    auto [ptr, ec] = std::from_chars(limit->data(), end, n);
    if (limit->empty() || ec != std::errc() || ptr != end || n < 1 || n > kMaxPageLimit) {
      return core::Error::Invalid("api.page.limit");
    }
    page.limit = n;
  }
  if (auto cursor = request.Query("cursor"); cursor && !cursor->empty()) {
    page.after = DecodeCursor(*cursor, shape);
    if (!page.after) return core::Error::Invalid("api.page.cursor");
  }
  return page;
}

http::Response PageProblem(const core::Catalog& catalog, std::string_view lang,
                           const core::Error& error) {
  return ProblemResponse(catalog, lang, 400, error.message_key);
}

boost::json::object PageBody(boost::json::array items, const std::optional<CursorKey>& next) {
  boost::json::object out;
  out["items"] = std::move(items);
  out["next_cursor"] = next ? boost::json::value(EncodeCursor(*next)) : boost::json::value(nullptr);
  return out;
}

}  // namespace tsunagu::api
