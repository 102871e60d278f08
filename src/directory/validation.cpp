#include "directory/validation.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace tsunagu::directory {
namespace {

// Codes, web addresses and numbers are NFKC-normalised (full-width digits and letters become
// ASCII, half-width katakana full-width); text people read is kept as typed, since NFKC would
// also turn the full-width brackets of Japanese names into ASCII ones. Search folds both.
std::string Code(const std::string& s) {
  return core::Trim(core::NormalizeNfkc(s));
}
std::string Text(const std::string& s) {
  return core::Trim(core::NormalizeNewlines(s));
}

void Length(std::vector<core::FieldError>& errors, const char* field, const std::string& value,
            std::size_t max, bool required) {
  if (required && value.empty()) {
    errors.push_back({field, "directory.error.required"});
  } else if (core::CountCodePoints(value) > max) {
    errors.push_back({field, "directory.error.too_long"});
  }
}

// http(s) only: a directory link is followed by people who trust it.
bool LooksLikeWebAddress(const std::string& url) {
  const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  const std::size_t host = url.find("://") + 3;
  return scheme && url.size() > host && std::none_of(url.begin(), url.end(), [](unsigned char c) {
           return c <= 0x20 || c == 0x7f || c == '"';
         });
}

void Furigana(std::vector<core::FieldError>& errors, const std::string& value) {
  if (value.empty()) return;
  if (core::CountCodePoints(value) > 100) {
    errors.push_back({"furigana", "directory.error.too_long"});
  } else if (!core::IsKanaReading(value)) {
    errors.push_back({"furigana", "directory.error.furigana"});
  }
}

void WebAddress(std::vector<core::FieldError>& errors, const char* field,
                const std::string& value) {
  if (value.empty()) return;
  if (value.size() > 500 || !LooksLikeWebAddress(value)) {
    errors.push_back({field, "directory.error.url"});
  }
}

void Email(std::vector<core::FieldError>& errors, const std::string& value) {
  if (!value.empty() && !core::LooksLikeEmail(value)) {
    errors.push_back({"email", "directory.error.email"});
  }
}

}  // namespace

OrganizationInput Tidy(const OrganizationInput& in) {
  OrganizationInput out;
  out.name = Text(in.name);
  out.furigana = Code(in.furigana);
  out.description = Text(in.description);
  out.website = Code(in.website);
  out.email = Code(in.email);
  return out;
}

ServiceInput Tidy(const ServiceInput& in) {
  ServiceInput out;
  out.organization_id = in.organization_id;
  out.name = Text(in.name);
  out.furigana = Code(in.furigana);
  out.description = Text(in.description);
  out.category = Code(in.category);
  out.eligibility = Text(in.eligibility);
  out.fees = Text(in.fees);
  out.application = Text(in.application);
  out.url = Code(in.url);
  out.email = Code(in.email);
  out.prefecture = Text(in.prefecture);
  out.municipality = Text(in.municipality);
  out.address = Text(in.address);
  out.postal_code = Code(in.postal_code);
  out.access = Text(in.access);
  out.phone = Code(in.phone);
  out.schedule = Text(in.schedule);
  return out;
}

std::vector<core::FieldError> Check(const OrganizationInput& in) {
  std::vector<core::FieldError> errors;
  Length(errors, "name", in.name, 100, true);
  Furigana(errors, in.furigana);
  Length(errors, "description", in.description, 2000, false);
  WebAddress(errors, "website", in.website);
  Email(errors, in.email);
  return errors;
}

std::vector<core::FieldError> Check(const ServiceInput& in) {
  std::vector<core::FieldError> errors;
  if (in.organization_id <= 0) errors.push_back({"organization", "directory.error.organization"});
  Length(errors, "name", in.name, 100, true);
  Furigana(errors, in.furigana);
  if (!IsCategory(in.category)) errors.push_back({"category", "directory.error.category"});
  Length(errors, "description", in.description, 2000, false);
  Length(errors, "eligibility", in.eligibility, 500, false);
  Length(errors, "fees", in.fees, 500, false);
  Length(errors, "application", in.application, 1000, false);
  WebAddress(errors, "url", in.url);
  Email(errors, in.email);
  Length(errors, "prefecture", in.prefecture, 10, false);
  Length(errors, "municipality", in.municipality, 50, false);
  Length(errors, "address", in.address, 200, false);
  if (!in.postal_code.empty()) {
    const std::string digits = core::NormalizePhone(in.postal_code);
    const bool shape = std::all_of(in.postal_code.begin(), in.postal_code.end(),
                                   [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
    if (digits.size() != 7 || !shape) errors.push_back({"postal_code", "directory.error.postal"});
  }
  Length(errors, "access", in.access, 500, false);
  if (!in.phone.empty()) {
    // A Japanese number from its area code: 10 digits, or 11 for mobile and IP numbers.
    const std::string digits = core::NormalizePhone(in.phone);
    if (in.phone.size() > 30 || digits.size() < 10 || digits.size() > 11 || digits[0] != '0') {
      errors.push_back({"phone", "directory.error.phone"});
    }
  }
  Length(errors, "schedule", in.schedule, 200, false);
  return errors;
}

bool IsCategory(std::string_view code) {
  return std::find(kCategories.begin(), kCategories.end(), code) != kCategories.end();
}

std::size_t CategoryOrder(std::string_view code) {
  return static_cast<std::size_t>(std::find(kCategories.begin(), kCategories.end(), code) -
                                  kCategories.begin());
}

}  // namespace tsunagu::directory
