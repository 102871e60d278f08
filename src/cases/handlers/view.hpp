// What the case pages share: the timeline as template sections, the entry form's fields, and
// the page itself (shown again with errors by the actions).
#pragma once

#include <ctemplate/template.h>

#include <string>

#include "app/services.hpp"
#include "cases/case_service.hpp"
#include "cases/handlers/timeline_cache.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "web/context.hpp"

namespace tsunagu::cases::handlers {

std::string CasePath(std::int64_t id);

// How many of a timeline's newest entries a case page shows at first, and how many more each
// "older entries" step adds.
inline constexpr std::size_t kTimelineStep = 50;

// How many entries the page asks for (?shown=N): at least kTimelineStep, at most a bound.
std::size_t ShownEntries(const web::RequestContext& ctx);

// The entries rendered (cases/timeline_entries: kind, date, author, text lines, edit and
// history links), in the viewer's language.
RenderedEntries RenderEntries(const app::Services& sv, const web::RequestContext& ctx,
                              std::int64_t case_id, const std::vector<TimelineEntry>& entries);

// cases/timeline's values: the rendered entries, the count of all `total` entries and, when
// older ones are not shown, the link that shows kTimelineStep more. `entries` is not copied:
// it must outlive the rendering of `dict`.
void AddTimeline(const app::Services& sv, const web::RequestContext& ctx,
                 ctemplate::TemplateDictionary& dict, std::int64_t case_id,
                 const RenderedEntries& entries, std::int64_t total);

// The case page. `error` (with the posted form's values kept) is shown at the top and by the
// field of the form it belongs to (`form`: "entry", "status", "close", "task"). With `cache`,
// entries rendered for an earlier view of the same timeline are shown again and those rendered
// now are kept.
http::Response ShowCase(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                        const core::Error* error = nullptr, const std::string& form = "",
                        TimelineCache* cache = nullptr);

}  // namespace tsunagu::cases::handlers
