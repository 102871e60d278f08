#include "storage/row.hpp"

#include <cstdlib>

namespace tsunagu::storage {

bool IsNull(const soci::row& r, std::size_t i) {
  return r.get_indicator(i) == soci::i_null;
}

std::int64_t GetInt(const soci::row& r, std::size_t i, std::int64_t if_null) {
  if (IsNull(r, i)) return if_null;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(r.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<std::int64_t>(r.get<double>(i));
    case soci::dt_string:
      return std::strtoll(r.get<std::string>(i).c_str(), nullptr, 10);
    default:
      return if_null;
  }
}

double GetDouble(const soci::row& r, std::size_t i, double if_null) {
  if (IsNull(r, i)) return if_null;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_double:
      return r.get<double>(i);
    case soci::dt_string:
      return std::strtod(r.get<std::string>(i).c_str(), nullptr);
    default:
      return static_cast<double>(GetInt(r, i));
  }
}

std::string GetText(const soci::row& r, std::size_t i) {
  if (IsNull(r, i)) return {};
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return r.get<std::string>(i);
    case soci::dt_integer:
    case soci::dt_long_long:
    case soci::dt_unsigned_long_long:
      return std::to_string(GetInt(r, i));
    default:
      return {};
  }
}

}  // namespace tsunagu::storage
