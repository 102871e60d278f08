// The confidentiality pledge (守秘義務, seed 001) as the day board and the roster read it:
// shared by day_board.cpp and partners.cpp. Internal to the consultations domain.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>

namespace tsunagu::consultations {

// Has `user_id` acknowledged the pledge of `program_id` for fiscal year `fiscal_year`?
bool PledgeAcknowledged(soci::session& s, std::int64_t program_id, std::int64_t user_id,
                        int fiscal_year);

// Is `user_id` on the roster of `day_id`?
bool OnRoster(soci::session& s, std::int64_t day_id, std::int64_t user_id);

// The name of the partner organisation through which `user_id` serves the programme of
// `host_org`; empty for the host's own members.
std::string PartnerOrganisationOf(soci::session& s, std::int64_t program_id, std::int64_t host_org,
                                  std::int64_t user_id);

}  // namespace tsunagu::consultations
