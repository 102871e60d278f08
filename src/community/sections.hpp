// Each domain's year figures as tables of the community year report. One function per domain;
// labels come from the catalogues in the reader's language.
#pragma once

#include <string>

#include "community/year_report.hpp"
#include "consultations/record_resources.hpp"
#include "core/i18n.hpp"
#include "events/attendance.hpp"
#include "events/training_report.hpp"
#include "peers/peer_service.hpp"
#include "requests/model.hpp"
#include "salons/salon_service.hpp"

namespace tsunagu::community {

// 相談依頼: received, replied (in time, with the rate), closed without a reply, still open, and
// who asked.
FigureTable RequestsTable(const requests::YearFigures& figures, const core::Catalog& catalog,
                          const std::string& lang);

// 催し: events held by kind; registered and attended by participant type and by 枠 (会場・
// オンライン); walk-ins; people told apart by keyed hash and how many came more than once.
// `types` names the organisation's own participant types.
FigureTable EventsHeldTable(const events::AttendanceFigures& figures, const core::Catalog& catalog,
                            const std::string& lang);
FigureTable ParticipantsTable(const events::AttendanceFigures& figures,
                              const std::vector<events::ParticipantType>& types,
                              const core::Catalog& catalog, const std::string& lang);

// 研修会 (seed 004 表6 and 表7): each training of the year, who attended by ピア・医療者・行政,
// and in all; ＊ Web開催, ＊＊ new trainees among a follow-up training's participants.
FigureTable TrainingsTable(const events::TrainingReport& report, const core::Catalog& catalog,
                           const std::string& lang);

// がんサロン: salons kept (not closed), in the salon network, meetings held in the year.
FigureTable SalonsTable(const salons::SalonYearFigures& figures, const core::Catalog& catalog,
                        const std::string& lang);

// ピア・サポーター: registered and active, trainings completed, shifts, dispatches by role and by
// destination.
FigureTable PeersTable(const peers::PeerYearFigures& figures, const core::Catalog& catalog,
                       const std::string& lang);

// 紹介した地域資源: the records of the organisation's programmes that introduced each category and
// each entry of the information directory (counts of several programmes added up).
FigureTable ResourcesTable(const std::vector<consultations::ResourceCounts>& programmes,
                           const core::Catalog& catalog, const std::string& lang);

}  // namespace tsunagu::community
