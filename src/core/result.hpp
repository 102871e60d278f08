// Errors are values inside the domain; one mapping in app/ turns them into pages or problem+json.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tsunagu::core {

enum class ErrorCode {
  kInvalidInput,  // 400/422: the person can correct it
  kUnauthorized,  // 401: not logged in, or bad credentials
  kForbidden,     // 403: logged in but not allowed
  kNotFound,      // 404: also used for records the actor may not know exist
  kConflict,      // 409: state changed under the request
  kRateLimited,   // 429
  kUnavailable,   // 503: dependency down
  kInternal,      // 500
};

// A field-level problem; message_key refers to the message catalogue, never to raw input.
struct FieldError {
  std::string field;
  std::string message_key;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message_key;
  std::vector<FieldError> fields;

  static Error Invalid(std::string key, std::vector<FieldError> fields = {}) {
    return {ErrorCode::kInvalidInput, std::move(key), std::move(fields)};
  }
  static Error NotFound() { return {ErrorCode::kNotFound, "error.not_found", {}}; }
  static Error Forbidden() { return {ErrorCode::kForbidden, "error.forbidden", {}}; }
  static Error Unauthorized(std::string key = "error.unauthorized") {
    return {ErrorCode::kUnauthorized, std::move(key), {}};
  }
  static Error Conflict(std::string key = "error.conflict") {
    return {ErrorCode::kConflict, std::move(key), {}};
  }
  static Error RateLimited() { return {ErrorCode::kRateLimited, "error.rate_limited", {}}; }
  static Error Internal() { return {ErrorCode::kInternal, "error.internal", {}}; }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &std::get<T>(v_); }
  const T* operator->() const { return &std::get<T>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status OkStatus() {
  return Ok{};
}

}  // namespace tsunagu::core
