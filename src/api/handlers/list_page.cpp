#include "api/handlers/list_page.hpp"

#include <charconv>

#include "crypto/random.hpp"

namespace tsunagu::api::handlers {

namespace {

bool ReadNumber(std::string_view text, std::int64_t& out) {
  if (text.empty() || text.size() > 19) return false;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
  }
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string CursorCodec::Mac(const std::string& payload) const {
  return cipher_.BlindIndex(payload, purpose_).substr(0, 16);
}

std::string CursorCodec::Encode(const SortKey& key) const {
  const std::string payload = std::to_string(key.updated_at) + "." + std::to_string(key.id);
  std::string b64 = crypto::Base64Encode(payload + "." + Mac(payload));
  for (auto& ch : b64) {
    if (ch == '+') ch = '-';
    if (ch == '/') ch = '_';
  }
  while (!b64.empty() && b64.back() == '=') b64.pop_back();
  return b64;
}

std::optional<SortKey> CursorCodec::Decode(const std::string& text) const {
  if (text.empty() || text.size() > 96) return std::nullopt;
  std::string b64 = text;
  for (auto& ch : b64) {
    if (ch == '-') {
      ch = '+';
    } else if (ch == '_') {
      ch = '/';
    } else if (ch == '+' || ch == '/' || ch == '=') {
      return std::nullopt;  // base64url only, without padding
    }
  }
  while (b64.size() % 4 != 0) b64 += '=';
  auto raw = crypto::Base64Decode(b64);
  if (!raw) return std::nullopt;
  const auto dot = raw->find('.');
  const auto mac = raw->rfind('.');
  if (dot == std::string::npos || mac == dot) return std::nullopt;
  const std::string_view view(*raw);
  SortKey key;
  if (!ReadNumber(view.substr(0, dot), key.updated_at) ||
      !ReadNumber(view.substr(dot + 1, mac - dot - 1), key.id) || key.id < 1) {
    return std::nullopt;
  }
  // Only the text this list wrote is accepted: a changed cursor, or another list's, is not.
  if (!crypto::ConstantTimeEquals(view.substr(mac + 1), Mac(raw->substr(0, mac))) ||
      Encode(key) != text) {
    return std::nullopt;
  }
  return key;
}

core::Result<PageRequest> ReadPageRequest(const web::RequestContext& ctx,
                                          const CursorCodec& codec) {
  PageRequest page;
  page.limit = kDefaultLimit;
  if (auto limit = ctx.request.Query("limit")) {
    std::int64_t n = 0;
    if (!ReadNumber(*limit, n) || n < 1 || n > static_cast<std::int64_t>(kMaxLimit)) {
      return core::Error::Invalid("api.error.limit");
    }
    page.limit = static_cast<std::size_t>(n);
  }
  if (auto cursor = ctx.request.Query("cursor")) {
    page.after = codec.Decode(*cursor);
    if (!page.after) return core::Error::Invalid("api.error.cursor");
  }
  return page;
}

}  // namespace tsunagu::api::handlers
