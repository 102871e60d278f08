#pragma once

#include "app/services.hpp"

namespace tsunagu::app {

// Trainings in the demo (issue 15): seed 004's 表6 (peer supporter trainings, one held online)
// and 表7 (organisers' trainings) with their registrations by participant type and attendance,
// as entered afterwards from paper, and a peer café today with people checked in. Runs after
// the demo organisations and accounts exist; running it again changes nothing.
core::Status AddDemoTrainings(Services& sv);

}  // namespace tsunagu::app
