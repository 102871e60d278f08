#pragma once

#include "app/services.hpp"

namespace tsunagu::app {

// Finishing touches for events in the demo (issue 15): a seminar whose freed place is held for a
// person who registered by phone without e-mail (the organiser's list offers
// 「電話で確認済み・確定」 and 「辞退として処理」), and a peer café today with three people not yet
// checked in, to try check-in without a network. Runs after AddDemoEventsLifecycle; running it
// again changes nothing.
core::Status AddDemoEventsGaps(Services& sv);

}  // namespace tsunagu::app
