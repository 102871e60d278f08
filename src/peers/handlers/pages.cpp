// The peer registry's pages. A peer's page decrypts their name and contact for the keeping
// organisation's staff (audited by PeerService::Get); another organisation's peer is 404.
// The three small forms on it (training, shift, dispatch) post back to the page's own routes;
// an error shows the page again with the message and what was typed.
#include <cctype>
#include <map>

#include "consultations/schedule_rule.hpp"
#include "core/text.hpp"
#include "peers/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::peers::handlers {
namespace {

using Values = std::multimap<std::string, std::string>;

std::string Value(const Values& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

int Minutes(const std::string& text) {
  const std::string t = core::Trim(core::NormalizeNfkc(text));
  const auto colon = t.find(':');
  if (colon == std::string::npos || colon == 0 || t.size() - colon != 3) return -1;
  const int h = web::ParseInt(t.substr(0, colon));
  const int m = web::ParseInt(t.substr(colon + 1));
  if (h < 0 || h > 24 || m < 0 || m > 59) return -1;
  return h * 60 + m;
}

std::string Activities(const Deps& d, const web::RequestContext& ctx,
                       const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes)
    out += (out.empty() ? "" : "・") + d.pages.T(ctx, "peers.activity." + c);
  return out;
}

std::string TimeRange(int start, int end) {
  return consultations::FormatMinutes(start) + "〜" + consultations::FormatMinutes(end);
}

PeerInput ReadInput(const web::RequestContext& ctx) {
  PeerInput in;
  in.display_name = ctx.Form("display_name");
  in.real_name = ctx.Form("real_name");
  in.phone = ctx.Form("phone");
  in.email = ctx.Form("email");
  in.address = ctx.Form("address");
  in.area = ctx.Form("area");
  in.consent_date = ctx.Form("consent_date");
  in.activities = ctx.FormValues("activities");
  in.salon_id = std::max<std::int64_t>(web::ParseId(ctx.Form("salon_id")), 0);
  in.status = ctx.Form("status");
  return in;
}

Values ValuesOf(const Peer& p) {
  Values v;
  v.emplace("display_name", p.display_name);
  v.emplace("real_name", p.real_name);
  v.emplace("phone", p.phone);
  v.emplace("email", p.email);
  v.emplace("address", p.address);
  v.emplace("area", p.area);
  v.emplace("consent_date", p.consent_date);
  for (const auto& a : p.activities) v.emplace("activities", a);
  if (p.salon_id > 0) v.emplace("salon_id", std::to_string(p.salon_id));
  v.emplace("status", p.status);
  return v;
}

http::Response ShowForm(const Deps& d, web::RequestContext& ctx, std::int64_t id,
                        const Values& values, const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("peers_form");
  dict.SetValue("ACTION", id == 0 ? "/peers/new" : "/peers/" + std::to_string(id) + "/edit");
  dict.SetValue("HEADING",
                d.pages.T(ctx, id == 0 ? "peers.form.new_title" : "peers.form.edit_title"));
  for (const char* f :
       {"display_name", "real_name", "phone", "email", "address", "area", "consent_date"}) {
    dict.SetValue("V_" + Upper(f), Value(values, f));
  }
  std::vector<std::string> chosen;
  auto [from, to] = values.equal_range("activities");
  for (auto it = from; it != to; ++it) chosen.push_back(it->second);
  web::AddChoices(d.pages, ctx, dict, "ACTIVITY", "activities", "peers.activity.", kActivities,
                  chosen);
  web::AddChoices(d.pages, ctx, dict, "STATUS", "status", "peers.status.", kStatuses,
                  {Value(values, "status").empty() ? "active" : Value(values, "status")});
  if (auto salons = d.salons->ListOwn(*ctx.Who())) {
    for (const auto& s : *salons) {
      auto* o = dict.AddSectionDictionary("SALON_OPTION");
      o->SetIntValue("VALUE", s.id);
      o->SetValue("LABEL", s.name);
      if (Value(values, "salon_id") == std::to_string(s.id)) o->ShowSection("SELECTED");
    }
  }
  if (error) d.pages.AddErrors(dict, ctx, *error);
  return d.pages.Render(ctx, "peers/form",
                        id == 0 ? "peers.form.new_title" : "peers.form.edit_title", dict, status);
}

http::Response ShowList(const Deps& d, web::RequestContext& ctx) {
  auto peers = d.peers->List(*ctx.Who());
  if (!peers) return web::Failure(d.pages, ctx, peers.error());
  const core::Date today = core::DateFromUnixSeconds(d.clock.NowSeconds());
  auto shifts = d.peers->UpcomingShifts(*ctx.Who(), today);
  if (!shifts) return web::Failure(d.pages, ctx, shifts.error());
  ctemplate::TemplateDictionary dict("peers_list");
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "created" || done == "updated") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "peers.list.done_" + done), "NOTICE");
  }
  if (peers->empty()) dict.ShowSection("NONE");
  for (const auto& p : *peers) {
    auto* row = dict.AddSectionDictionary("PEER");
    row->SetIntValue("ID", p.id);
    row->SetValue("NAME", p.display_name);
    row->SetValue("AREA", p.area);
    row->SetValue("ACTIVITIES", Activities(d, ctx, p.activities));
    row->SetValue("STATUS", d.pages.T(ctx, "peers.status." + p.status));
    row->SetIntValue("TRAININGS", p.trainings);
  }
  if (shifts->empty()) dict.ShowSection("NO_SHIFTS");
  for (const auto& sh : *shifts) {
    auto* row = dict.AddSectionDictionary("SHIFT");
    row->SetValue("WHEN", core::FormatDate(sh.date, ctx.lang) + " " +
                              TimeRange(sh.start_minutes, sh.end_minutes));
    row->SetValue("KIND", d.pages.T(ctx, "peers.shift_kind." + sh.kind));
    row->SetValue("NAME", sh.peer_display_name);
    row->SetIntValue("PEER_ID", sh.peer_id);
  }
  return d.pages.Render(ctx, "peers/list", "peers.list.title", dict);
}

http::Response ShowPeer(const Deps& d, web::RequestContext& ctx, std::int64_t id,
                        const Values& values, const core::Error* error, int status = 200) {
  auto peer = d.peers->Get(*ctx.Who(), ctx.Actor(), id);
  if (!peer) return web::Failure(d.pages, ctx, peer.error());
  ctemplate::TemplateDictionary dict("peers_show");
  dict.SetIntValue("ID", peer->id);
  dict.SetValue("DISPLAY_NAME", peer->display_name);
  dict.SetValue("REAL_NAME", peer->real_name);
  dict.SetValue("PHONE", peer->phone);
  dict.SetValue("EMAIL", peer->email);
  dict.SetValue("ADDRESS", peer->address);
  dict.SetValue("AREA", peer->area);
  dict.SetValue("CONSENT_DATE", peer->consent_date);
  dict.SetValue("ACTIVITIES", Activities(d, ctx, peer->activities));
  dict.SetValue("STATUS", d.pages.T(ctx, "peers.status." + peer->status));
  if (peer->trainings.empty()) dict.ShowSection("NO_TRAININGS");
  for (const auto& t : peer->trainings) {
    auto* row = dict.AddSectionDictionary("TRAINING");
    row->SetValue("DATE", core::FormatDate(t.completed_on, ctx.lang));
    row->SetValue("KIND", d.pages.T(ctx, "peers.training." + t.kind));
    if (t.event_id > 0) {
      row->SetIntValue("EVENT_ID", t.event_id);
      row->ShowSection("EVENT");
    }
  }
  if (peer->shifts.empty()) dict.ShowSection("NO_SHIFTS");
  for (const auto& sh : peer->shifts) {
    auto* row = dict.AddSectionDictionary("SHIFT");
    row->SetValue("WHEN", core::FormatDate(sh.date, ctx.lang) + " " +
                              TimeRange(sh.start_minutes, sh.end_minutes));
    row->SetValue("KIND", d.pages.T(ctx, "peers.shift_kind." + sh.kind));
  }
  if (peer->dispatches.empty()) dict.ShowSection("NO_DISPATCHES");
  for (const auto& x : peer->dispatches) {
    auto* row = dict.AddSectionDictionary("DISPATCH");
    row->SetValue("DATE", core::FormatDate(x.date, ctx.lang));
    row->SetValue("KIND", d.pages.T(ctx, "peers.destination." + x.destination_kind));
    row->SetValue("NAME", x.destination_name);
    row->SetValue("ROLE", d.pages.T(ctx, "peers.role." + x.role));
    if (!x.notes.empty()) row->SetValueAndShowSection("NOTES", x.notes, "HAS_NOTES");
  }
  for (const char* f : {"training_date", "training_event", "shift_event", "shift_date",
                        "shift_start", "shift_end", "dispatch_date", "destination_name", "notes"}) {
    dict.SetValue("V_" + Upper(f), Value(values, f));
  }
  web::AddChoices(d.pages, ctx, dict, "TRAINING_KIND", "training_kind", "peers.training.",
                  kTrainingKinds, {Value(values, "training_kind")});
  web::AddChoices(d.pages, ctx, dict, "SHIFT_KIND", "shift_kind", "peers.shift_kind.", kShiftKinds,
                  {Value(values, "shift_kind")});
  web::AddChoices(d.pages, ctx, dict, "DESTINATION_KIND", "destination_kind", "peers.destination.",
                  kDestinationKinds, {Value(values, "destination_kind")});
  web::AddChoices(d.pages, ctx, dict, "ROLE", "role", "peers.role.", kRoles,
                  {Value(values, "role")});
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "training" || done == "shift" || done == "dispatch") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "peers.show.done_" + done), "NOTICE");
  }
  if (error) d.pages.AddErrors(dict, ctx, *error);
  return d.pages.Render(ctx, "peers/show",
                        web::Title{"peers.show.title", {{"name", peer->display_name}}}, dict,
                        status);
}

// A sub-form's answer: back to the peer's page, or the page again with the error.
http::Response Answer(const Deps& d, web::RequestContext& ctx, std::int64_t id,
                      const core::Result<std::int64_t>& done, const std::string& what) {
  if (done) return web::SeeOther("/peers/" + std::to_string(id) + "?done=" + what);
  const auto& e = done.error();
  if (e.code == core::ErrorCode::kInvalidInput) return ShowPeer(d, ctx, id, ctx.form, &e, 422);
  if (e.code == core::ErrorCode::kConflict) return ShowPeer(d, ctx, id, ctx.form, &e, 409);
  return web::Failure(d.pages, ctx, e);
}

std::int64_t IdOf(const web::RequestContext& ctx) {
  return web::ParseId(ctx.Param("id"));
}

}  // namespace

void AddRoutes(app::Router& router, const Deps& d) {
  using auth::Permission;
  router.Add({"GET", "/peers", Permission::kOrgCoordinate,
              [d](web::RequestContext& ctx) { return ShowList(d, ctx); }});
  router.Add({"GET", "/peers/new", Permission::kOrgCoordinate,
              [d](web::RequestContext& ctx) { return ShowForm(d, ctx, 0, {}, nullptr); }});
  router.Add({"POST", "/peers/new", Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
                auto id = d.peers->Create(*ctx.Who(), ctx.Actor(), ReadInput(ctx));
                if (!id) {
                  if (id.error().code == core::ErrorCode::kInvalidInput) {
                    return ShowForm(d, ctx, 0, ctx.form, &id.error(), 422);
                  }
                  return web::Failure(d.pages, ctx, id.error());
                }
                return web::SeeOther("/peers?done=created");
              }});
  router.Add({"GET", "/peers/{id}", Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
                const auto id = IdOf(ctx);
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                return ShowPeer(d, ctx, id, {}, nullptr);
              }});
  router.Add({"GET", "/peers/{id}/edit", Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
                const auto id = IdOf(ctx);
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                auto peer = d.peers->Get(*ctx.Who(), ctx.Actor(), id);
                if (!peer) return web::Failure(d.pages, ctx, peer.error());
                return ShowForm(d, ctx, id, ValuesOf(*peer), nullptr);
              }});
  router.Add(
      {"POST", "/peers/{id}/edit", Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
         const auto id = IdOf(ctx);
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         auto done = d.peers->Update(*ctx.Who(), ctx.Actor(), id, ReadInput(ctx));
         if (!done) {
           if (done.error().code == core::ErrorCode::kInvalidInput) {
             return ShowForm(d, ctx, id, ctx.form, &done.error(), 422);
           }
           return web::Failure(d.pages, ctx, done.error());
         }
         return web::SeeOther("/peers?done=updated");
       }});
  router.Add(
      {"POST", "/peers/{id}/trainings", Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
         const auto id = IdOf(ctx);
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         TrainingInput in;
         in.kind = ctx.Form("training_kind");
         in.date = ctx.Form("training_date");
         in.event_id = std::max<std::int64_t>(web::ParseId(ctx.Form("training_event")), 0);
         return Answer(d, ctx, id, d.peers->AddTraining(*ctx.Who(), ctx.Actor(), id, in),
                       "training");
       }});
  router.Add(
      {"POST", "/peers/{id}/shifts", Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
         const auto id = IdOf(ctx);
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         ShiftInput in;
         in.kind = ctx.Form("shift_kind");
         in.event_id = std::max<std::int64_t>(web::ParseId(ctx.Form("shift_event")), 0);
         in.date = ctx.Form("shift_date");
         in.start_minutes = Minutes(ctx.Form("shift_start"));
         in.end_minutes = Minutes(ctx.Form("shift_end"));
         return Answer(d, ctx, id, d.peers->AddShift(*ctx.Who(), ctx.Actor(), id, in), "shift");
       }});
  router.Add(
      {"POST", "/peers/{id}/dispatches", Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
         const auto id = IdOf(ctx);
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         DispatchInput in;
         in.date = ctx.Form("dispatch_date");
         in.destination_kind = ctx.Form("destination_kind");
         in.destination_name = ctx.Form("destination_name");
         in.role = ctx.Form("role");
         in.notes = ctx.Form("notes");
         return Answer(d, ctx, id, d.peers->AddDispatch(*ctx.Who(), ctx.Actor(), id, in),
                       "dispatch");
       }});
}

}  // namespace tsunagu::peers::handlers
