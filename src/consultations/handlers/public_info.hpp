// The programme's public information on the booking pages (issue 14, point 5): the 事務局's
// telephone, e-mail and hours, who may book, what to bring and the venue's access
// (partial booking/public_info).
#pragma once

#include <ctemplate/template.h>

#include <cstdint>

#include "app/services.hpp"
#include "consultations/program_info.hpp"
#include "web/context.hpp"

namespace tsunagu::consultations::handlers {

// Fills the PUBLIC_INFO section; nothing when the programme shows nothing or is not public.
void AddPublicInfo(const app::Services& sv, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary& dict, const ProgramInfo& info);
// The public information of a published programme (empty when it has none or is not public).
ProgramInfo PublicInfoOf(app::Services& sv, std::int64_t program_id);
// 「前日17時まで」 / "until 17:00 the day before": the deadline as people read it.
std::string DescribeDeadline(const app::Services& sv, const std::string& lang,
                             const BookingDeadline& deadline);

}  // namespace tsunagu::consultations::handlers
