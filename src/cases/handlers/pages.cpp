// The case list, the case page with its live timeline (htmx's SSE extension re-fetches the
// timeline fragment when the stream says it changed; without JavaScript a reload shows the
// same), an entry's edit form and its history.
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/route_ids.hpp"
#include "app/stream_viewer.hpp"
#include "cases/handlers/routes.hpp"
#include "cases/handlers/view.hpp"
#include "consultations/model.hpp"
#include "core/wareki.hpp"
#include "live/catch_up.hpp"
#include "web/forms.hpp"
#include "web/lines.hpp"

namespace tsunagu::cases::handlers {
namespace {

// The keys of a timeline entry, each one hashed and registered with ctemplate once (STS_INIT):
// a page adds them fifty times or more, and a key given as text is looked up in ctemplate's
// global name map, under a lock, at every use.
const ctemplate::StaticTemplateString kEntry = STS_INIT(kEntry, "ENTRY");
const ctemplate::StaticTemplateString kEntryId = STS_INIT(kEntryId, "ENTRY_ID");
const ctemplate::StaticTemplateString kKindCode = STS_INIT(kKindCode, "KIND_CODE");
const ctemplate::StaticTemplateString kKind = STS_INIT(kKind, "KIND");
const ctemplate::StaticTemplateString kDate = STS_INIT(kDate, "DATE");
const ctemplate::StaticTemplateString kIsoDate = STS_INIT(kIsoDate, "ISO_DATE");
const ctemplate::StaticTemplateString kAuthor = STS_INIT(kAuthor, "AUTHOR");
const ctemplate::StaticTemplateString kOrg = STS_INIT(kOrg, "ORG");
const ctemplate::StaticTemplateString kLineItem = STS_INIT(kLineItem, "LINE_ITEM");
const ctemplate::StaticTemplateString kEdited = STS_INIT(kEdited, "EDITED");
const ctemplate::StaticTemplateString kHistoryPath = STS_INIT(kHistoryPath, "HISTORY_PATH");
const ctemplate::StaticTemplateString kWasEdited = STS_INIT(kWasEdited, "WAS_EDITED");
const ctemplate::StaticTemplateString kEditPath = STS_INIT(kEditPath, "EDIT_PATH");
const ctemplate::StaticTemplateString kCanEdit = STS_INIT(kCanEdit, "CAN_EDIT");
const ctemplate::StaticTemplateString kMention = STS_INIT(kMention, "MENTION");
const ctemplate::StaticTemplateString kName = STS_INIT(kName, "NAME");
const ctemplate::StaticTemplateString kHasMentions = STS_INIT(kHasMentions, "HAS_MENTIONS");
// The options of the case page's choices (about thirty a page).
const ctemplate::StaticTemplateString kCode = STS_INIT(kCode, "CODE");
const ctemplate::StaticTemplateString kLabel = STS_INIT(kLabel, "LABEL");
const ctemplate::StaticTemplateString kSelected = STS_INIT(kSelected, "SELECTED");
// A case worker's rows in the mention, task owner and staff choices.
const ctemplate::StaticTemplateString kUserId = STS_INIT(kUserId, "USER_ID");
const ctemplate::StaticTemplateString kMentionChoice = STS_INIT(kMentionChoice, "MENTION_CHOICE");
const ctemplate::StaticTemplateString kOwnerChoice = STS_INIT(kOwnerChoice, "OWNER_CHOICE");
const ctemplate::StaticTemplateString kStaffChoice = STS_INIT(kStaffChoice, "STAFF_CHOICE");
const ctemplate::StaticTemplateString kChecked = STS_INIT(kChecked, "CHECKED");

std::string Field(std::string_view text, int index) {
  std::size_t start = 0;
  for (int i = 0; i < index; ++i) {
    start = text.find('|', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  const auto end = text.find('|', start);
  return std::string(text.substr(start, end == std::string_view::npos ? end : end - start));
}

// A system entry's text from its codes: "status|intake|assessment" → 「状況：受付 → アセスメント」.
std::string SystemText(const app::Services& sv, const web::RequestContext& ctx,
                       const std::string& body) {
  const std::string what = Field(body, 0);
  const std::string from = Field(body, 1);
  const std::string to = Field(body, 2);
  const auto& lang = ctx.lang;
  if (what == "status") {
    return sv.catalog.Format(lang, "cases.change.status",
                             {{"from", sv.pages.T(ctx, "case.status." + from)},
                              {"to", sv.pages.T(ctx, "case.status." + to)}});
  }
  if (what == "employer_status" || what == "agency_status") {
    return sv.catalog.Format(lang, "cases.change." + what,
                             {{"from", sv.pages.T(ctx, "case.coordination." + from)},
                              {"to", sv.pages.T(ctx, "case.coordination." + to)}});
  }
  if (what == "outcome") {
    return sv.catalog.Format(lang, "cases.change.outcome",
                             {{"outcome", sv.pages.T(ctx, "case.outcome." + to)}});
  }
  if (what == "goals") return sv.pages.T(ctx, "cases.change.goals");
  if (what == "application" || what == "placement" || what == "retention") {
    return sv.catalog.Format(lang, "placements.timeline." + what,
                             {{"months", from},
                              {"status", sv.pages.T(ctx, "placements.status." + to)},
                              {"kind", sv.pages.T(ctx, "placements.kind." + to)},
                              {"answer", sv.pages.T(ctx, "placements.answer." + to)}});
  }
  return sv.pages.T(ctx, "cases.change.other");
}

std::string Person(const app::Services& sv, const web::RequestContext& ctx, const std::string& name,
                   const std::string& profession) {
  if (profession.empty()) return name;
  return name + "（" + sv.pages.T(ctx, "profession." + profession) + "）";
}

template <std::size_t N>
void AddSelect(const app::Services& sv, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, const std::string& section,
               const std::string& prefix, const std::array<std::string_view, N>& codes,
               const std::string& chosen, bool skip_closed = false) {
  for (auto code : codes) {
    if (skip_closed && code == "closed") continue;
    auto* item = dict.AddSectionDictionary(section);
    item->SetValue(kCode, ctemplate::TemplateString(code.data(), code.size()));
    item->SetValue(kLabel, sv.pages.T(ctx, prefix + std::string(code)));
    if (code == chosen) item->ShowSection(kSelected);
  }
}

http::Response CaseList(app::Services& sv, web::RequestContext& ctx) {
  const bool all = ctx.request.Query("all").value_or("") == "1";
  auto cases = sv.cases.List(*ctx.Who(), ctx.Actor(), !all);
  if (!cases) return web::Failure(sv.pages, ctx, cases.error());
  ctemplate::TemplateDictionary dict("cases_list");
  if (all) {
    dict.ShowSection("SHOWING_ALL");
  } else {
    dict.ShowSection("SHOWING_OPEN");
  }
  for (const auto& c : *cases) {
    auto* row = dict.AddSectionDictionary(c.own ? "OWN" : "SHARED");
    row->SetValue("PATH", CasePath(c.id));
    row->SetValue("CLIENT",
                  c.client_name.empty() ? sv.pages.T(ctx, "cases.name_hidden") : c.client_name);
    row->SetValue("ORG", c.organization_name);
    row->SetValue("OWNER", c.owner_name);
    row->SetValue("STATUS", sv.pages.T(ctx, "case.status." + c.status));
    if (!c.outcome.empty()) {
      row->SetValue("OUTCOME", sv.pages.T(ctx, "case.outcome." + c.outcome));
      row->ShowSection("HAS_OUTCOME");
    }
    row->SetIntValue("OPEN_TASKS", c.open_tasks);
    row->SetValue("UPDATED", web::DateTimeOf(ctx, c.updated_at));
  }
  // A list with no rows is a sentence, not a table of headers.
  const bool own = std::any_of(cases->begin(), cases->end(), [](const auto& c) { return c.own; });
  const bool shared =
      std::any_of(cases->begin(), cases->end(), [](const auto& c) { return !c.own; });
  dict.ShowSection(own ? "HAS_OWN" : "NO_OWN");
  dict.ShowSection(shared ? "HAS_SHARED" : "NO_SHARED");
  return sv.pages.Render(ctx, "cases/list", "cases.list.title", dict);
}

// Asks `cache` for the entries of a stamp; what it finds is held in `found` (the cache may
// drop it before the page is rendered).
TimelineKept KeptIn(TimelineCache& cache, std::size_t shown, const std::string& lang,
                    std::shared_ptr<const RenderedEntries>& found) {
  return [&cache, shown, &lang, &found](const TimelineStamp& stamp) {
    found = cache.Find(TimelineCache::Key(stamp, shown, lang));
    return found != nullptr;
  };
}

// The entries to show: those the cache held for the stamp, else those read, rendered now and
// kept for the next view.
std::shared_ptr<const RenderedEntries> ShownOrKept(
    const app::Services& sv, const web::RequestContext& ctx, TimelineCache* cache,
    std::shared_ptr<const RenderedEntries> found, std::int64_t case_id,
    const std::vector<TimelineEntry>& entries, const TimelineStamp& stamp, std::size_t shown) {
  if (found) return found;
  auto rendered = std::make_shared<const RenderedEntries>(RenderEntries(sv, ctx, case_id, entries));
  if (cache != nullptr) cache->Keep(TimelineCache::Key(stamp, shown, ctx.lang), rendered);
  return rendered;
}

// The fragment htmx swaps in when the stream says the timeline changed: every page open on the
// case asks for it at once, so the entries rendered for the first are shown to the others.
http::Response TimelineFragment(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                                TimelineCache& cache) {
  const std::size_t shown = ShownEntries(ctx);
  std::shared_ptr<const RenderedEntries> found;
  auto page =
      sv.cases.Timeline(*ctx.Who(), ctx.Actor(), id, shown, KeptIn(cache, shown, ctx.lang, found));
  if (!page) return web::Failure(sv.pages, ctx, page.error());
  ctemplate::TemplateDictionary dict("cases_timeline");
  const auto entries = ShownOrKept(sv, ctx, &cache, page->kept ? found : nullptr, id, page->entries,
                                   page->stamp, shown);
  AddTimeline(sv, ctx, dict, id, *entries, page->total);
  dict.SetValue("LANG", ctx.lang);
  return http::Response::Html(200, sv.pages.renderer().Render("cases/timeline", ctx.lang, dict));
}

// The live stream: checked like any read of the case, then held open by the server.
http::Response Events(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  if (auto allowed = sv.cases.LiveMark(*ctx.Who(), id); !allowed) {
    return web::Failure(sv.pages, ctx, allowed.error());
  }
  http::Response response;
  response.status = 200;
  response.stream = live::OpenStream(
      sv.hub, {"case:" + std::to_string(id), std::to_string(id), "timeline"},
      live::ParseMark(ctx.request.Query("seen")),
      [&]() -> std::optional<std::int64_t> {
        auto mark = sv.cases.LiveMark(*ctx.Who(), id);
        return mark ? std::optional(*mark) : std::nullopt;
      },
      app::StreamViewer(sv, ctx, [&sv, id](const auth::Principal& who) {
        return sv.cases.LiveMark(who, id).ok();
      }));
  if (!response.stream) return sv.pages.Error(ctx, 429, "error.too_many_streams");
  return response;
}

http::Response EditEntryForm(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                             std::int64_t entry_id) {
  auto c = sv.cases.Get(*ctx.Who(), ctx.Actor(), id);
  if (!c) return web::Failure(sv.pages, ctx, c.error());
  for (const auto& e : c->timeline) {
    if (e.id != entry_id) continue;
    if (!e.editable) return sv.pages.Error(ctx, 403, "error.forbidden");
    ctemplate::TemplateDictionary dict("cases_edit_entry");
    dict.SetValue("CASE_PATH", CasePath(id));
    dict.SetValue("ACTION", CasePath(id) + "/entries/" + std::to_string(entry_id) + "/edit");
    dict.SetIntValue("VERSION", e.version);
    dict.SetValue("V_OCCURRED_ON", core::ToIso(e.occurred_on));
    dict.SetValue("V_BODY", e.body);
    if (e.kind == "comment" || !c->view.runs_case) {
      dict.SetValueAndShowSection("FIXED_KIND", e.kind, "KIND_FIXED");
      dict.SetValue("KIND_LABEL", sv.pages.T(ctx, "case.entry." + e.kind));
    } else {
      AddSelect(sv, ctx, dict, "KIND", "case.entry.", kEntryKinds, e.kind);
      dict.ShowSection("KIND_CHOICE");
    }
    dict.SetIntValue("MAX_BODY", static_cast<long>(CaseService::kMaxBody));
    return sv.pages.Render(ctx, "cases/edit_entry", "cases.edit.title", dict);
  }
  return sv.pages.Error(ctx, 404, "error.not_found");
}

http::Response EntryHistory(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                            std::int64_t entry_id) {
  auto history = sv.cases.History(*ctx.Who(), ctx.Actor(), id, entry_id);
  if (!history) return web::Failure(sv.pages, ctx, history.error());
  ctemplate::TemplateDictionary dict("cases_history");
  dict.SetValue("CASE_PATH", CasePath(id));
  for (const auto& rev : *history) {
    auto* row = dict.AddSectionDictionary("REVISION");
    row->SetIntValue("VERSION", rev.version);
    row->SetValue("KIND", sv.pages.T(ctx, "case.entry." + rev.kind));
    row->SetValue("DATE", core::FormatDate(rev.occurred_on, ctx.lang));
    row->SetValue("BY", rev.edited_by);
    row->SetValue("AT", web::DateTimeOf(ctx, rev.edited_at));
    web::AddLines(*row, "LINE_ITEM", rev.body);
  }
  if (history->empty()) dict.ShowSection("NO_HISTORY");
  return sv.pages.Render(ctx, "cases/history", "cases.history.title", dict);
}

}  // namespace

std::string CasePath(std::int64_t id) {
  return "/cases/" + std::to_string(id);
}

std::size_t ShownEntries(const web::RequestContext& ctx) {
  constexpr long kMost = 100000;
  const long asked = web::ParseInt(ctx.request.Query("shown").value_or(""));
  if (asked <= static_cast<long>(kTimelineStep)) return kTimelineStep;
  return static_cast<std::size_t>(std::min(asked, kMost));
}

void AddTimeline(const app::Services& sv, const web::RequestContext& ctx,
                 ctemplate::TemplateDictionary& dict, std::int64_t case_id,
                 const RenderedEntries& entries, std::int64_t total) {
  dict.SetValue("CASE_PATH", CasePath(case_id));
  dict.SetIntValue("ENTRY_COUNT", static_cast<long>(total));
  // Not copied: the caller holds `entries` until the page is rendered (tens of KB a page).
  dict.SetValueWithoutCopy("ENTRIES", entries.html);
  // The live refresh asks again for as many entries as the page shows now.
  const auto shown = std::max(entries.count, kTimelineStep);
  dict.SetValue("SHOWN", std::to_string(shown));
  const auto hidden = total - static_cast<std::int64_t>(entries.count);
  if (hidden > 0) {
    auto* more = dict.AddSectionDictionary("MORE");
    more->SetValue("NEXT_SHOWN", std::to_string(shown + kTimelineStep));
    more->SetValue("OLDER", sv.catalog.Format(
                                ctx.lang, "cases.timeline.older",
                                {{"count", std::to_string(std::min<std::int64_t>(
                                               hidden, static_cast<std::int64_t>(kTimelineStep)))},
                                 {"hidden", std::to_string(hidden)}}));
    if (entries.count > 0) more->SetIntValue("LAST_ID", entries.last_id);
  }
  if (entries.count == 0) dict.ShowSection("NO_ENTRIES");
}

RenderedEntries RenderEntries(const app::Services& sv, const web::RequestContext& ctx,
                              std::int64_t case_id, const std::vector<TimelineEntry>& entries) {
  ctemplate::TemplateDictionary dict("cases_timeline_entries");
  for (const auto& e : entries) {
    auto* row = dict.AddSectionDictionary(kEntry);
    row->SetIntValue(kEntryId, e.id);
    row->SetValue(kKindCode, e.kind);
    row->SetValue(kKind, sv.pages.T(ctx, "case.entry." + e.kind));
    row->SetValue(kDate, core::FormatDate(e.occurred_on, ctx.lang));
    row->SetValue(kIsoDate, core::ToIso(e.occurred_on));
    row->SetValue(kAuthor, Person(sv, ctx, e.author_name, e.author_profession));
    row->SetValue(kOrg, e.organization_name);
    if (e.kind == "status_change") {
      web::AddLines(*row, kLineItem, SystemText(sv, ctx, e.body));
    } else if (e.withheld) {
      web::AddLines(*row, kLineItem, sv.pages.T(ctx, "cases.timeline.withheld"));
    } else {
      web::AddLines(*row, kLineItem, e.body);
    }
    if (e.version > 1) {
      row->SetValue(kEdited, sv.catalog.Format(ctx.lang, "cases.timeline.edited",
                                               {{"at", web::DateTimeOf(ctx, e.updated_at)}}));
      row->SetValue(kHistoryPath,
                    CasePath(case_id) + "/entries/" + std::to_string(e.id) + "/history");
      row->ShowSection(kWasEdited);
    }
    if (e.editable) {
      row->SetValue(kEditPath, CasePath(case_id) + "/entries/" + std::to_string(e.id) + "/edit");
      row->ShowSection(kCanEdit);
    }
    for (const auto& name : e.mentions) {
      row->AddSectionDictionary(kMention)->SetValue(kName, name);
    }
    if (!e.mentions.empty()) row->ShowSection(kHasMentions);
  }
  RenderedEntries out;
  out.count = entries.size();
  if (!entries.empty()) out.last_id = entries.back().id;
  out.html = sv.pages.renderer().Render("cases/timeline_entries", ctx.lang, dict);
  return out;
}

http::Response ShowCase(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                        const core::Error* error, const std::string& form, TimelineCache* cache) {
  // One read: the case with the live mark (a change made after it makes the stream catch up),
  // its timeline unless the cache holds it for that mark, and the staff to choose from.
  const std::size_t shown = ShownEntries(ctx);
  std::shared_ptr<const RenderedEntries> found;
  auto got =
      sv.cases.Get(*ctx.Who(), ctx.Actor(), id, shown,
                   cache != nullptr ? KeptIn(*cache, shown, ctx.lang, found) : TimelineKept{});
  if (!got) return web::Failure(sv.pages, ctx, got.error());
  const SupportCase& c = *got;
  ctemplate::TemplateDictionary dict("cases_page");
  dict.SetIntValue("CASE_ID", id);
  dict.SetValue("CASE_PATH", CasePath(id));
  dict.SetValue("LIVE_MARK", std::to_string(c.live_mark));
  dict.SetValue("CLIENT_NAME",
                c.client_name.empty() ? sv.pages.T(ctx, "cases.name_hidden") : c.client_name);
  if (!c.client_kana.empty()) dict.SetValueAndShowSection("CLIENT_KANA", c.client_kana, "HAS_KANA");
  if (c.view.client.owner || !c.view.client.items.empty()) {
    dict.SetValueAndShowSection("CLIENT_PATH", "/clients/" + std::to_string(c.view.client_id),
                                "HAS_CLIENT_LINK");
  }
  dict.SetValue("ORG_NAME", c.organization_name);
  if (c.referral_id != 0) {
    dict.SetValueAndShowSection("REFERRAL_PATH", "/referrals/" + std::to_string(c.referral_id),
                                "FROM_REFERRAL");
    dict.SetValue("REFERRING_ORG", c.referring_org_name);
  }
  dict.SetValue("OWNER", c.owner_name);
  for (const auto& st : c.staff) {
    dict.AddSectionDictionary("STAFF")->SetValue("NAME", Person(sv, ctx, st.name, st.profession));
  }
  dict.SetValue("OPENED", web::DateTimeOf(ctx, c.opened_at));
  dict.SetValue("STATUS", sv.pages.T(ctx, "case.status." + c.status));
  dict.SetValue("STATUS_CODE", c.status);
  dict.SetValue("EMPLOYER_STATUS", sv.pages.T(ctx, "case.coordination." + c.employer_status));
  dict.SetValue("AGENCY_STATUS", sv.pages.T(ctx, "case.coordination." + c.agency_status));
  if (c.goals.empty()) {
    dict.ShowSection("NO_GOALS");
  } else {
    web::AddLines(dict, "GOAL_LINE", c.goals);
  }
  if (c.status == "closed") {
    auto* outcome = dict.AddSectionDictionary("CLOSED");
    outcome->SetValue("OUTCOME", sv.pages.T(ctx, "case.outcome." + c.outcome));
    outcome->SetValue("OUTCOME_ON", core::FormatDate(c.outcome_on, ctx.lang));
  }
  const auto entries = ShownOrKept(sv, ctx, cache, c.timeline_kept ? found : nullptr, id,
                                   c.timeline, c.stamp, shown);
  AddTimeline(sv, ctx, dict, id, *entries, c.timeline_total);
  dict.SetIntValue("VERSION", c.version);
  dict.SetIntValue("MAX_BODY", static_cast<long>(CaseService::kMaxBody));
  const std::string today = core::ToIso(core::DateFromUnixSeconds(sv.clock.NowSeconds()));

  // The entry form: kinds for the running organisation, comments for partners.
  const bool entry_error = error != nullptr && form == "entry";
  const std::string kind =
      entry_error ? ctx.Form("kind") : (c.view.runs_case ? "interview" : "comment");
  if (c.view.runs_case) {
    dict.ShowSection("KIND_CHOICE");
    AddSelect(sv, ctx, dict, "KIND", "case.entry.", kEntryKinds, kind);
  } else {
    dict.ShowSection("PARTNER");
  }
  dict.SetValue("V_OCCURRED_ON", entry_error ? ctx.Form("occurred_on") : today);
  if (entry_error) dict.SetValue("V_BODY", ctx.Form("body"));
  // Each case worker as the choices show them (named once for the three choices).
  std::vector<std::string> named;
  named.reserve(c.candidates.size());
  for (const auto& st : c.candidates) named.push_back(Person(sv, ctx, st.name, st.profession));
  for (std::size_t i = 0; i < c.candidates.size(); ++i) {
    if (c.candidates[i].user_id == ctx.Who()->user_id) continue;
    auto* m = dict.AddSectionDictionary(kMentionChoice);
    m->SetIntValue(kUserId, c.candidates[i].user_id);
    m->SetValue(kName, named[i]);
  }
  if (c.view.runs_case) {
    auto* edit = dict.AddSectionDictionary("RUNS_CASE");
    const bool status_error = error != nullptr && form == "status";
    AddSelect(sv, ctx, *edit, "STATUS_CHOICE", "case.status.", kStatuses,
              status_error ? ctx.Form("status") : c.status, true);
    AddSelect(sv, ctx, *edit, "EMPLOYER_CHOICE", "case.coordination.", kCoordination,
              status_error ? ctx.Form("employer_status") : c.employer_status);
    AddSelect(sv, ctx, *edit, "AGENCY_CHOICE", "case.coordination.", kCoordination,
              status_error ? ctx.Form("agency_status") : c.agency_status);
    edit->SetValue("V_GOALS", status_error ? ctx.Form("goals") : c.goals);
    edit->SetIntValue("VERSION", c.version);
    edit->SetIntValue("MAX_BODY", static_cast<long>(CaseService::kMaxBody));
    edit->SetValue("CASE_PATH", CasePath(id));
    edit->SetValue("CSRF", ctx.CsrfToken());
    if (c.status != "closed") {
      auto* close = edit->AddSectionDictionary("CAN_CLOSE");
      const bool close_error = error != nullptr && form == "close";
      AddSelect(sv, ctx, *close, "OUTCOME_CHOICE", "case.outcome.", kOutcomes,
                close_error ? ctx.Form("outcome") : "");
      close->SetValue("V_OUTCOME_ON", close_error ? ctx.Form("outcome_on") : today);
    }
    for (const auto& t : c.tasks) {
      auto* row = edit->AddSectionDictionary(t.status == "open" ? "OPEN_TASK" : "DONE_TASK");
      row->SetIntValue("TASK_ID", t.id);
      row->SetValue("TITLE", t.title);
      row->SetValue("DUE", core::FormatDate(t.due_on, ctx.lang));
      row->SetValue("OWNER", t.owner_name);
      if (t.status == "open" && t.due_on <= core::DateFromUnixSeconds(sv.clock.NowSeconds())) {
        row->ShowSection("DUE_NOW");
      }
    }
    const bool task_error = error != nullptr && form == "task";
    edit->SetValue("V_TITLE", task_error ? ctx.Form("title") : "");
    edit->SetValue("V_DUE_ON", task_error ? ctx.Form("due_on") : today);
    for (std::size_t i = 0; i < c.candidates.size(); ++i) {
      const auto& st = c.candidates[i];
      auto* o = edit->AddSectionDictionary(kOwnerChoice);
      o->SetIntValue(kUserId, st.user_id);
      o->SetValue(kName, named[i]);
      if (st.user_id == ctx.Who()->user_id) o->ShowSection(kSelected);
      auto* s = edit->AddSectionDictionary(kStaffChoice);
      s->SetIntValue(kUserId, st.user_id);
      s->SetValue(kName, named[i]);
      for (const auto& assigned : c.staff) {
        if (assigned.user_id == st.user_id) s->ShowSection(kChecked);
      }
    }
    if (error != nullptr) sv.pages.AddErrors(*edit, ctx, *error);
  }
  if (error != nullptr) sv.pages.AddErrors(dict, ctx, *error);
  const auto done = ctx.request.Query("done").value_or("");
  for (std::string_view code :
       {"entry", "edited", "status", "closed", "staff", "task", "task_done"}) {
    if (done == code)
      dict.SetValueAndShowSection("DONE", sv.pages.T(ctx, "cases.done." + done), "NOTICE");
  }
  return sv.pages.Render(ctx, "cases/page",
                         web::Title{"cases.page.title_of", {{"id", std::to_string(id)}}}, dict,
                         error != nullptr ? web::StatusFor(error->code) : 200);
}

void AddPageRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  // One per server, owned by the routes that use it.
  auto cache = std::make_shared<TimelineCache>(sv.clock);
  router.Add({"GET", "/cases", Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return CaseList(sv, ctx); }});
  router.Add({"GET", "/cases/{id}", Permission::kOrgCounsel,
              app::WithId(sv, [&sv, cache](web::RequestContext& ctx, std::int64_t id) {
                return ShowCase(sv, ctx, id, nullptr, "", cache.get());
              })});
  router.Add({"GET", "/cases/{id}/timeline", Permission::kOrgCounsel,
              app::WithId(sv, [&sv, cache](web::RequestContext& ctx, std::int64_t id) {
                return TimelineFragment(sv, ctx, id, *cache);
              })});
  router.Add({"GET", "/cases/{id}/events", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return Events(sv, ctx, id);
              })});
  router.Add(
      {"GET", "/cases/{id}/entries/{entry_id}/edit", Permission::kOrgCounsel,
       app::WithIds(sv, {"id", "entry_id"}, [&sv](web::RequestContext& ctx, const app::Ids& ids) {
         return EditEntryForm(sv, ctx, ids[0], ids[1]);
       })});
  router.Add(
      {"GET", "/cases/{id}/entries/{entry_id}/history", Permission::kOrgCounsel,
       app::WithIds(sv, {"id", "entry_id"}, [&sv](web::RequestContext& ctx, const app::Ids& ids) {
         return EntryHistory(sv, ctx, ids[0], ids[1]);
       })});
}

}  // namespace tsunagu::cases::handlers
