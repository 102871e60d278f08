// 相談者の登録と編集. A new person may come from a consultation booking (?booking=, the fields
// filled from it and the booking linked). Before a new record is made, people the organisation
// already sees with the same name, phone, or ふりがな and birth year are listed, and nothing is
// created until the form comes back with 「別の人として登録する」 ticked. Only the registering
// organisation edits, against the version the form was read at.
#include "app/route_ids.hpp"
#include "clients/handlers/routes.hpp"
#include "clients/handlers/view.hpp"
#include "consultations/model.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "web/forms.hpp"

namespace tsunagu::clients::handlers {
namespace {

ClientInput ReadInput(const web::RequestContext& ctx) {
  ClientInput in;
  in.name = ctx.Form("name");
  in.kana = ctx.Form("kana");
  in.phone = ctx.Form("phone");
  in.email = ctx.Form("email");
  // 「１９７８」 typed with a Japanese input method counts too.
  const std::string year = core::Trim(core::NormalizeNfkc(ctx.Form("birth_year")));
  if (!year.empty()) {
    const int value = web::ParseInt(year);
    in.birth_year = value == 0 ? -1 : value;  // -1: refused by the service's check
  }
  in.age_band = ctx.Form("age_band");
  in.gender = ctx.Form("gender");
  in.municipality = ctx.Form("municipality");
  in.diagnosis = ctx.Form("diagnosis");
  in.treatment_status = ctx.Form("treatment_status");
  in.work_status = ctx.Form("work_status");
  in.employer = ctx.Form("employer");
  in.notes = ctx.Form("notes");
  in.booking_id = web::ParseId(ctx.Form("booking_id"));
  return in;
}

// Radio buttons for a code list, then 「未確認」 (empty code) so a choice can be taken back.
template <std::size_t N>
void AddRadios(const app::Services& sv, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, const std::string& section,
               const std::string& field, const std::string& prefix,
               const std::array<std::string_view, N>& codes, const std::string& chosen) {
  web::AddChoices(sv.pages, ctx, dict, section, field, prefix, codes, {chosen});
  auto* none = dict.AddSectionDictionary(section);
  none->SetValue("CODE", "");
  none->SetValue("ID", field + "-none");
  none->SetValue("LABEL", sv.pages.T(ctx, "clients.form.unknown"));
  if (chosen.empty()) none->ShowSection("CHECKED");
}

enum class Mode { kNew, kEdit };

struct FormPage {
  Mode mode = Mode::kNew;
  std::int64_t client_id = 0;
  int version = 0;
  ClientInput values;
  std::string birth_year_text;
  const core::Error* error = nullptr;
  const std::vector<ClientSummary>* duplicates = nullptr;
  int status = 200;
};

http::Response ShowForm(app::Services& sv, web::RequestContext& ctx, const FormPage& page) {
  ctemplate::TemplateDictionary dict("clients_form");
  const ClientInput& v = page.values;
  if (page.mode == Mode::kNew) {
    dict.ShowSection("NEW");
    dict.SetValue("ACTION", "/clients/new");
    dict.SetValue("BACK_PATH", "/clients");
    if (v.booking_id > 0) {
      dict.SetValueAndShowSection("BOOKING_ID", std::to_string(v.booking_id), "FROM_BOOKING");
    }
  } else {
    dict.ShowSection("EDITING");
    dict.SetValue("ACTION", ClientPath(page.client_id) + "/edit");
    dict.SetValue("BACK_PATH", ClientPath(page.client_id));
    dict.SetValueAndShowSection("VERSION", std::to_string(page.version), "HAS_VERSION");
  }
  dict.SetValue("V_NAME", v.name);
  dict.SetValue("V_KANA", v.kana);
  dict.SetValue("V_PHONE", v.phone);
  dict.SetValue("V_EMAIL", v.email);
  dict.SetValue("V_BIRTH_YEAR", page.birth_year_text);
  dict.SetValue("V_MUNICIPALITY", v.municipality);
  dict.SetValue("V_DIAGNOSIS", v.diagnosis);
  dict.SetValue("V_EMPLOYER", v.employer);
  dict.SetValue("V_NOTES", v.notes);
  for (auto code : consultations::kAgeBands) {
    auto* item = dict.AddSectionDictionary("AGE_BAND");
    item->SetValue("CODE", std::string(code));
    item->SetValue("LABEL", sv.pages.T(ctx, "intake.age_bands." + std::string(code)));
    if (code == v.age_band) item->ShowSection("SELECTED");
  }
  AddRadios(sv, ctx, dict, "GENDER", "gender", "intake.genders.", consultations::kGenders,
            v.gender);
  AddRadios(sv, ctx, dict, "TREATMENT", "treatment_status", "intake.treatment_statuses.",
            consultations::kTreatmentStatuses, v.treatment_status);
  AddRadios(sv, ctx, dict, "WORK", "work_status", "intake.work_statuses.",
            consultations::kWorkStatuses, v.work_status);
  dict.SetIntValue("MAX_NAME", static_cast<long>(ClientService::kMaxName));
  dict.SetIntValue("MAX_SHORT", static_cast<long>(ClientService::kMaxShort));
  dict.SetIntValue("MAX_NOTES", static_cast<long>(ClientService::kMaxNotes));
  if (page.error != nullptr) sv.pages.AddErrors(dict, ctx, *page.error);
  if (page.duplicates != nullptr && !page.duplicates->empty()) {
    auto* warn = dict.AddSectionDictionary("DUPLICATES");
    for (const auto& d : *page.duplicates) {
      auto* row = warn->AddSectionDictionary("DUPLICATE");
      row->SetValue("PATH", ClientPath(d.id));
      row->SetValue("NAME", d.name.empty() ? sv.pages.T(ctx, "clients.name_hidden") : d.name);
      if (!d.kana.empty()) row->SetValueAndShowSection("KANA", d.kana, "HAS_KANA");
      row->SetValue("AGE", AgeText(sv, ctx, d.birth_year, d.age_band));
      row->SetValue("ORG", d.organization_name);
      if (!d.own) row->ShowSection("SHARED");
    }
  }
  return sv.pages.Render(ctx, "clients/form",
                         page.mode == Mode::kNew ? "clients.new.title" : "clients.edit.title", dict,
                         page.status);
}

// A booking already has its person: say so and link to them instead of a second record.
http::Response BookingTaken(app::Services& sv, web::RequestContext& ctx, std::int64_t client_id) {
  ctemplate::TemplateDictionary dict("clients_booking_taken");
  if (client_id > 0)
    dict.SetValueAndShowSection("CLIENT_PATH", ClientPath(client_id), "HAS_CLIENT");
  return sv.pages.Render(ctx, "clients/booking_taken", "clients.booking_taken.title", dict, 409);
}

http::Response NewForm(app::Services& sv, web::RequestContext& ctx) {
  FormPage page;
  if (auto booking = ctx.request.Query("booking")) {
    const auto booking_id = web::ParseId(*booking);
    if (booking_id <= 0) return sv.pages.Error(ctx, 404, "error.not_found");
    auto existing = sv.clients.ClientOfBooking(*ctx.Who(), booking_id);
    if (!existing) return web::Failure(sv.pages, ctx, existing.error());
    if (*existing > 0) return BookingTaken(sv, ctx, *existing);
    auto from = sv.clients.FromBooking(*ctx.Who(), ctx.Actor(), booking_id);
    if (!from) return web::Failure(sv.pages, ctx, from.error());
    page.values = *from;
    if (page.values.birth_year > 0) page.birth_year_text = std::to_string(page.values.birth_year);
  }
  return ShowForm(sv, ctx, page);
}

http::Response Register(app::Services& sv, web::RequestContext& ctx) {
  FormPage page;
  page.values = ReadInput(ctx);
  page.birth_year_text = ctx.Form("birth_year");
  const int this_year = core::DateFromUnixSeconds(sv.clock.NowSeconds()).year;
  auto errors = ClientService::Validate(page.values, this_year);
  if (!errors.empty()) {
    const auto error = core::Error::Invalid("error.form_invalid", std::move(errors));
    page.error = &error;
    page.status = 422;
    return ShowForm(sv, ctx, page);
  }
  if (ctx.Form("confirm_new") != "1") {
    auto duplicates = sv.clients.LikelyDuplicates(*ctx.Who(), ctx.Actor(), page.values);
    if (!duplicates) return web::Failure(sv.pages, ctx, duplicates.error());
    if (!duplicates->empty()) {
      page.duplicates = &*duplicates;
      return ShowForm(sv, ctx, page);
    }
  }
  auto created = sv.clients.Create(*ctx.Who(), ctx.Actor(), page.values);
  if (created) return web::SeeOther(ClientPath(*created) + "?done=created");
  if (created.error().code == core::ErrorCode::kInvalidInput) {
    page.error = &created.error();
    page.status = 422;
    return ShowForm(sv, ctx, page);
  }
  if (created.error().message_key == "client.error.booking_taken") {
    auto existing = sv.clients.ClientOfBooking(*ctx.Who(), page.values.booking_id);
    return BookingTaken(sv, ctx, existing ? *existing : 0);
  }
  return web::Failure(sv.pages, ctx, created.error());
}

http::Response EditForm(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto client = sv.clients.Get(*ctx.Who(), ctx.Actor(), id);
  if (!client) return web::Failure(sv.pages, ctx, client.error());
  // Partners read what the consent allows; the registering organisation keeps the record.
  if (!client->view.owner) return sv.pages.Error(ctx, 403, "error.forbidden");
  FormPage page;
  page.mode = Mode::kEdit;
  page.client_id = id;
  page.version = client->version;
  page.values = client->data;
  page.values.booking_id = 0;
  if (page.values.birth_year > 0) page.birth_year_text = std::to_string(page.values.birth_year);
  return ShowForm(sv, ctx, page);
}

http::Response Save(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  FormPage page;
  page.mode = Mode::kEdit;
  page.client_id = id;
  page.values = ReadInput(ctx);
  page.values.booking_id = 0;
  page.birth_year_text = ctx.Form("birth_year");
  page.version = web::ParseInt(ctx.Form("version"));
  auto saved = sv.clients.Update(*ctx.Who(), ctx.Actor(), id, page.values, page.version);
  if (saved) return web::SeeOther(ClientPath(id) + "?done=updated");
  if (saved.error().code == core::ErrorCode::kInvalidInput) {
    page.error = &saved.error();
    page.status = 422;
    return ShowForm(sv, ctx, page);
  }
  return web::Failure(sv.pages, ctx, saved.error());
}

}  // namespace

void AddFormRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/clients/new", Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return NewForm(sv, ctx); }});
  router.Add({"POST", "/clients/new", Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return Register(sv, ctx); }});
  router.Add({"GET", "/clients/{id}/edit", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return EditForm(sv, ctx, id);
              })});
  router.Add({"POST", "/clients/{id}/edit", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return Save(sv, ctx, id);
              })});
}

}  // namespace tsunagu::clients::handlers
