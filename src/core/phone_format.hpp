// Telephone numbers as Japanese readers expect them: hyphenated by area code (03-1234-5678,
// 048-600-1234, 090-1234-5678, 0120-123-456), by Google's libphonenumber from Debian rather
// than hand-written rules (issue 14 point 12). Stored numbers stay digits (NormalizePhone).
#pragma once

#include <string>
#include <string_view>

namespace tsunagu::core {

// The number in Japan's national format when libphonenumber knows it as a valid Japanese
// number; otherwise exactly what was given (a number nobody can call is shown as typed).
std::string FormatPhoneJp(std::string_view number);

}  // namespace tsunagu::core
