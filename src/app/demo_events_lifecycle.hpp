#pragma once

#include "app/services.hpp"

namespace tsunagu::app {

// Events' lifecycle in the demo (issue 15): a published online salon tomorrow whose online link
// mail is already due (its registrants got their personal page), and a seminar whose venue is
// full where a cancellation left a place offered (held) to the first person waiting. Runs after
// AddDemoEvents; running it again changes nothing.
core::Status AddDemoEventsLifecycle(Services& sv);

}  // namespace tsunagu::app
