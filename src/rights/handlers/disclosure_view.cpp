#include "rights/handlers/disclosure_view.hpp"

#include "core/text.hpp"
#include "web/forms.hpp"

namespace tsunagu::rights::handlers {
namespace {

// The label of a code ("" stays ""), or of each code of a comma-separated list.
std::string Label(const Deps& deps, const web::RequestContext& ctx, const std::string& prefix,
                  const std::string& codes) {
  std::string out;
  for (const auto& code : core::SplitCodes(codes)) {
    if (!out.empty()) out += ctx.lang == "en" ? ", " : "、";
    out += deps.pages.T(ctx, prefix + code);
  }
  return out;
}

}  // namespace

std::string DateOf(const web::RequestContext& ctx, const std::string& iso) {
  auto d = core::ParseIsoDate(iso);
  return d ? core::FormatDate(*d, ctx.lang) : iso;
}

namespace {

void Row(ctemplate::TemplateDictionary* section, const Deps& deps, const web::RequestContext& ctx,
         const std::string& label_key, const std::string& value) {
  auto* row = section->AddSectionDictionary("FIELD");
  row->SetValue("LABEL", deps.pages.T(ctx, label_key));
  row->SetValue("VALUE", value);
}

void AddClient(const Deps& deps, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, const Disclosure& d) {
  const auto& c = d.client;
  auto* s = dict.AddSectionDictionary("HAS_CLIENT");
  Row(s, deps, ctx, "clients.field.name", c.name);
  Row(s, deps, ctx, "clients.field.kana", c.kana);
  Row(s, deps, ctx, "clients.field.phone", c.phone);
  Row(s, deps, ctx, "clients.field.email", c.email);
  Row(s, deps, ctx, "clients.field.birth_year", c.birth_year ? std::to_string(c.birth_year) : "");
  Row(s, deps, ctx, "clients.field.age_band", Label(deps, ctx, "intake.age_bands.", c.age_band));
  Row(s, deps, ctx, "clients.field.gender", Label(deps, ctx, "intake.genders.", c.gender));
  Row(s, deps, ctx, "clients.field.municipality", c.municipality);
  Row(s, deps, ctx, "clients.field.diagnosis", c.diagnosis);
  Row(s, deps, ctx, "rights.field.treatment_status",
      Label(deps, ctx, "intake.treatment_statuses.", c.treatment_status));
  Row(s, deps, ctx, "rights.field.work_status",
      Label(deps, ctx, "intake.work_statuses.", c.work_status));
  Row(s, deps, ctx, "rights.field.employer", c.employer);
  Row(s, deps, ctx, "rights.field.notes", c.notes);
  Row(s, deps, ctx, "rights.field.registered", web::DateTimeOf(ctx, d.created_at));
}

void AddRecords(const Deps& deps, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, const Disclosure& d) {
  if (d.bookings.empty()) dict.ShowSection("NO_BOOKINGS");
  for (const auto& b : d.bookings) {
    auto* row = dict.AddSectionDictionary("BOOKING");
    row->SetValue("REFERENCE", b.reference);
    row->SetValue("PROGRAM", b.program_name);
    row->SetValue("DAY", DateOf(ctx, b.day));
    row->SetValue("STATUS", Label(deps, ctx, "board.status.", b.status));
    row->SetValue("CHANNEL", Label(deps, ctx, "board.channel.", b.channel));
    row->SetValue("NAME", b.name);
    row->SetValue("FURIGANA", b.furigana);
    row->SetValue("PHONE", b.phone);
    row->SetValue("EMAIL", b.email);
    row->SetValue("DIAGNOSIS", b.diagnosis);
    row->SetValue("NOTES", b.notes);
    row->SetValue("TOPICS", Label(deps, ctx, "intake.topics.", b.topics));
    if (b.anonymised) row->ShowSection("ANONYMISED");
  }
  if (d.records.empty()) dict.ShowSection("NO_RECORDS");
  for (const auto& r : d.records) {
    auto* row = dict.AddSectionDictionary("RECORD");
    row->SetValue("DAY", DateOf(ctx, r.day));
    row->SetValue("TOPICS", Label(deps, ctx, "record.topic.", r.topics));
    row->SetValue("OUTCOME", Label(deps, ctx, "record.outcome.", r.outcome));
    row->SetValue("FOLLOW_UP", Label(deps, ctx, "record.follow_up.", r.follow_up));
    row->SetIntValue("MINUTES", r.minutes);
    row->SetValue("SUMMARY", r.summary);
    row->SetValue("INFO_GIVEN", r.info_given);
  }
  if (d.contacts.empty()) dict.ShowSection("NO_CONTACTS");
  for (const auto& c : d.contacts) {
    auto* row = dict.AddSectionDictionary("CONTACT");
    row->SetValue("DAY", DateOf(ctx, c.contacted_on));
    row->SetValue("CHANNEL", Label(deps, ctx, "contacts.channel.", c.channel));
    row->SetValue("TOPICS", Label(deps, ctx, "record.topic.", c.topics));
    row->SetValue("SUMMARY", c.summary);
  }
}

void AddCases(const Deps& deps, const web::RequestContext& ctx, ctemplate::TemplateDictionary& dict,
              const Disclosure& d) {
  if (d.cases.empty()) dict.ShowSection("NO_CASES");
  for (const auto& c : d.cases) {
    auto* row = dict.AddSectionDictionary("CASE");
    row->SetIntValue("ID", c.id);
    row->SetValue("STATUS", Label(deps, ctx, "case.status.", c.status));
    row->SetValue("OUTCOME", Label(deps, ctx, "case.outcome.", c.outcome));
    row->SetValue("OPENED", web::DateTimeOf(ctx, c.opened_at));
    row->SetValue("GOALS", c.goals);
    for (const auto& e : c.entries) {
      auto* entry = row->AddSectionDictionary("ENTRY");
      entry->SetValue("DAY", DateOf(ctx, e.occurred_on));
      entry->SetValue("KIND", Label(deps, ctx, "case.entry.", e.kind));
      entry->SetValue("BODY", e.body);
    }
  }
  for (const auto& p : d.placements) {
    auto* row = dict.AddSectionDictionary("PLACEMENT");
    row->SetValue("KIND", Label(deps, ctx, "placements.kind.", p.kind));
    row->SetValue("START", DateOf(ctx, p.start_on));
  }
  if (d.documents.empty()) dict.ShowSection("NO_DOCUMENTS");
  for (const auto& doc : d.documents) {
    auto* row = dict.AddSectionDictionary("DOCUMENT");
    row->SetValue("TITLE", doc.title);
    row->SetValue("ADDED", web::DateTimeOf(ctx, doc.created_at));
    if (doc.removed) row->ShowSection("REMOVED");
  }
}

void AddSharing(const Deps& deps, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, const Disclosure& d) {
  if (d.consents.empty()) dict.ShowSection("NO_CONSENTS");
  for (const auto& c : d.consents) {
    auto* row = dict.AddSectionDictionary("CONSENT");
    row->SetValue("ITEMS", Label(deps, ctx, "consent.item.", c.items));
    std::string parties;
    for (const auto& p : c.parties) parties += (parties.empty() ? "" : "、") + p;
    row->SetValue("PARTIES", parties);
    row->SetValue("PERIOD", DateOf(ctx, c.valid_from) + " – " + DateOf(ctx, c.valid_until));
    row->SetValue("METHOD", Label(deps, ctx, "consent.method.", c.method));
    if (c.withdrawn_at != 0) {
      row->SetValueAndShowSection("WITHDRAWN_AT", web::DateTimeOf(ctx, c.withdrawn_at),
                                  "WITHDRAWN");
    }
  }
  dict.ShowSection(d.provisions.empty() ? "NO_PROVISIONS" : "HAS_PROVISIONS");
  for (const auto& p : d.provisions) {
    auto* row = dict.AddSectionDictionary("PROVISION");
    row->SetValue("DAY", DateOf(ctx, p.provided_on));
    row->SetValue("RECIPIENT", p.recipient);
    row->SetValue("ITEMS", Label(deps, ctx, "consent.item.", p.items));
    row->SetValue("CHANNEL", Label(deps, ctx, "provisions.channel.", p.channel));
  }
  if (d.registrations.empty()) dict.ShowSection("NO_REGISTRATIONS");
  for (const auto& r : d.registrations) {
    auto* row = dict.AddSectionDictionary("REGISTRATION");
    row->SetValue("EVENT", r.event_title);
    row->SetValue("DAY", DateOf(ctx, r.event_date));
    row->SetValue("STATUS", Label(deps, ctx, "events.own.state.", r.status));
    row->SetValue("MODE", Label(deps, ctx, "events.mode.", r.mode));
    row->SetValue("NAME", r.name);
    row->SetValue("PHONE", r.phone);
    row->SetValue("EMAIL", r.email);
  }
}

}  // namespace

void AddDisclosure(const Deps& deps, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary& dict, const Disclosure& d) {
  if (d.client_id != 0) AddClient(deps, ctx, dict, d);
  AddRecords(deps, ctx, dict, d);
  AddCases(deps, ctx, dict, d);
  AddSharing(deps, ctx, dict, d);
}

}  // namespace tsunagu::rights::handlers
