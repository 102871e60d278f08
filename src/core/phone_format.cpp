#include "core/phone_format.hpp"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

namespace tsunagu::core {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// The library's one instance, made once (thread-safe); its own logger would write the numbers
// it cannot parse to stdout, so it logs nothing.
const PhoneNumberUtil& Util() {
  static PhoneNumberUtil* const util = [] {
    PhoneNumberUtil* u = PhoneNumberUtil::GetInstance();
    u->SetLogger(new i18n::phonenumbers::NullLogger());  // the library takes ownership
    return u;
  }();
  return *util;
}

}  // namespace

std::string FormatPhoneJp(std::string_view number) {
  if (number.empty() || number.size() > 30) return std::string(number);
  const PhoneNumberUtil& util = Util();
  PhoneNumber parsed;
  if (util.Parse(std::string(number), "JP", &parsed) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util.IsValidNumberForRegion(parsed, "JP")) {
    return std::string(number);
  }
  std::string out;
  util.Format(parsed, PhoneNumberUtil::NATIONAL, &out);
  return out;
}

}  // namespace tsunagu::core
