// Typed reads from soci::row that work on both engines. SOCI reports a column's type from its
// declaration (SQLite) or OID (PostgreSQL), and row::get<T> throws on any mismatch, so every
// read goes through these helpers.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>

namespace tsunagu::storage {

std::int64_t GetInt(const soci::row& r, std::size_t i, std::int64_t if_null = 0);
std::string GetText(const soci::row& r, std::size_t i);
double GetDouble(const soci::row& r, std::size_t i, double if_null = 0);
bool IsNull(const soci::row& r, std::size_t i);

}  // namespace tsunagu::storage
