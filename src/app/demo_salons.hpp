#pragma once

#include "app/services.hpp"

namespace tsunagu::app {

// Cancer salons and peer supporters in the demo (issue 15, seed 004): the prefecture keeps 30
// salons, all in the prefecture's salon network, with their meetings on the calendar, and a
// handful of peer supporters with display names, trainings, shifts at おしゃべり相談室 and
// on the hotline, and dispatches as 語り手 and ファシリテーター. Seed 004 names no salon, so
// every name is invented and marked （デモ）. Running it again changes nothing.
core::Status AddDemoSalons(Services& sv);

}  // namespace tsunagu::app
