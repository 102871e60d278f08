#pragma once

#include "app/services.hpp"

namespace tsunagu::app {

// Staff from several organisations in the demo (issue 14): the 産業保健総合支援センター is a
// partner of the prefecture's programme, its 両立支援促進員 is on the first open day's roster
// and has acknowledged the confidentiality pledge; the 社会保険労務士 on the same roster has
// not. Runs after the demo programme exists; running it again changes nothing.
core::Status AddDemoPartners(Services& sv);

}  // namespace tsunagu::app
