// Each domain's year figures as tables of the community year report. One function per domain;
// labels come from the catalogues in the reader's language.
#pragma once

#include <string>

#include "community/year_report.hpp"
#include "consultations/record_resources.hpp"
#include "core/i18n.hpp"
#include "requests/model.hpp"

namespace tsunagu::community {

// 相談依頼: received, replied (in time, with the rate), closed without a reply, still open, and
// who asked.
FigureTable RequestsTable(const requests::YearFigures& figures, const core::Catalog& catalog,
                          const std::string& lang);

// 紹介した地域資源: the records of the organisation's programmes that introduced each category and
// each entry of the information directory (counts of several programmes added up).
FigureTable ResourcesTable(const std::vector<consultations::ResourceCounts>& programmes,
                           const core::Catalog& catalog, const std::string& lang);

}  // namespace tsunagu::community
