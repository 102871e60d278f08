// Demo data of the employer's link (issue 16, demo_employer_links.cpp).
#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// On デモ 相談者D's case at the employment-support NPO: a link to her employer's personnel
// contact (under her consent for workplace coordination) through which the 勤務情報提供書 has
// come back, and a second live link asking for the employer's part of the 共通アセスメント票
// and signed documents; the live link's address is printed once (the token is kept hashed).
// Created once: a later run finds them.
core::Status AddDemoEmployerLinks(Services& sv, std::int64_t hospital, std::int64_t agency,
                                  std::int64_t career);

}  // namespace tsunagu::app
