// The events' lifecycle on the pages (issue 15): the organiser's lifecycle settings (online
// link notice, waiting-list hold and cut-off, retention shown when the event is created) and
// the person's online page behind the online link mail.
#pragma once

#include <ctemplate/template.h>

#include "events/handlers/support.hpp"

namespace tsunagu::events::handlers {

// The settings as posted; a blank field keeps its default, anything else not a number fails
// validation.
LifecycleSettings ReadLifecycle(const web::RequestContext& ctx);
// The settings as the organiser's form shows them.
void AddLifecycleValues(Values& values, const LifecycleSettings& settings);
// The form's lifecycle fields (V_* with defaults when absent); retention_days can be set only
// while creating, afterwards it is shown.
void AddLifecycleFields(ctemplate::TemplateDictionary& dict, const Values& values, bool creating);

// The person's own page when a place is held for them: the deadline and the confirm button.
void AddOfferState(const Deps& d, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary& dict, const RegistrationView& view);

// The online page and confirming an offered place.
void AddOnlinePageRoutes(app::Router& router, const Deps& deps);

}  // namespace tsunagu::events::handlers
