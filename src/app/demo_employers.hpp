#pragma once

#include "app/services.hpp"

namespace tsunagu::app {

// Employers and job openings in the demo (issue 16, seed 000 求人開拓): the employment-support
// NPO keeps ten employers of varied industries and sizes (some shared with partner
// organisations, one archived) with contact people, and fourteen openings — open, closed,
// expired and published — so /org/employers, /org/openings and /jobs show every state. Every
// name is invented and marked （デモ）. Running it again changes nothing.
core::Status AddDemoEmployers(Services& sv);

}  // namespace tsunagu::app
