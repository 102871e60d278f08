#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// The information directory in the demo (issue 15): fictional organisations for every category
// of seed 004's list (生殖医療, 就労支援, 私のカルテ, 災害時, 病院・相談支援センター, セカンド
// オピニオン, 信頼できる情報サイト) and seed 000's (社労士・弁護士, ハローワーク). The prefecture
// maintains most entries, the hospital its own two. Running it again changes nothing.
core::Status AddDemoDirectory(Services& sv, std::int64_t prefecture, std::int64_t jimu,
                              std::int64_t hospital, std::int64_t kango);

}  // namespace tsunagu::app
