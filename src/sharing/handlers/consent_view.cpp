#include "sharing/handlers/consent_view.hpp"

#include "core/wareki.hpp"
#include "web/forms.hpp"

namespace tsunagu::sharing::handlers {
namespace {

// The state's badge: the text says it, the border style only supports it.
std::string StateClass(const std::string& state) {
  if (state == "active") return "badge--success";
  if (state == "withdrawn") return "badge--error";
  if (state == "future") return "badge--info";
  return "badge--neutral";
}

}  // namespace

std::string ConsentPath(std::int64_t id) {
  return "/consents/" + std::to_string(id);
}

std::string ItemLabels(const app::Services& sv, const web::RequestContext& ctx,
                       const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sv.pages.T(ctx, "consents.list_separator");
    out += sv.pages.T(ctx, "consent.item." + item);
  }
  return out;
}

void SetConsentValues(const app::Services& sv, const web::RequestContext& ctx,
                      ctemplate::TemplateDictionary& dict, const Consent& c) {
  dict.SetValue("PATH", ConsentPath(c.id));
  dict.SetIntValue("CONSENT_ID", c.id);
  dict.SetValue("STATE", sv.pages.T(ctx, "consent.state." + c.state));
  dict.SetValue("STATE_CLASS", StateClass(c.state));
  std::string parties;
  for (const auto& p : c.parties) {
    if (!parties.empty()) parties += sv.pages.T(ctx, "consents.list_separator");
    parties += p.name;
    auto* party = dict.AddSectionDictionary("PARTY");
    party->SetValue("NAME", p.name);
    party->SetValue("KIND", sv.pages.T(ctx, "org_kind." + p.kind));
  }
  dict.SetValue("PARTIES", parties);
  dict.SetValue("ITEMS", ItemLabels(sv, ctx, c.items));
  for (const auto& item : c.items) {
    dict.AddSectionDictionary("ITEM")->SetValue("LABEL", sv.pages.T(ctx, "consent.item." + item));
  }
  std::string purpose = sv.pages.T(ctx, "consent.purpose." + c.purpose);
  dict.SetValue("PURPOSE_LABEL", purpose);
  if (!c.purpose_note.empty()) {
    purpose = sv.catalog.Format(ctx.lang, "consents.purpose_with_note",
                                {{"purpose", purpose}, {"note", c.purpose_note}});
    dict.SetValueAndShowSection("PURPOSE_NOTE", c.purpose_note, "HAS_PURPOSE_NOTE");
  }
  dict.SetValue("PURPOSE", purpose);
  dict.SetValue("FROM", core::FormatDate(c.valid_from, ctx.lang));
  dict.SetValue("UNTIL", core::FormatDate(c.valid_until, ctx.lang));
  dict.SetValue("PERIOD",
                sv.catalog.Format(ctx.lang, "consents.period",
                                  {{"from", core::FormatDate(c.valid_from, ctx.lang)},
                                   {"until", core::FormatDate(c.valid_until, ctx.lang)}}));
  dict.SetValue("METHOD", sv.pages.T(ctx, "consent.method." + c.method));
  dict.SetValue("ORG", c.organization_name);
  dict.SetValue("RECORDED", web::DateTimeOf(ctx, c.recorded_at));
  if (!c.employer.empty()) {
    auto* employer = dict.AddSectionDictionary("EMPLOYER");
    employer->SetValue("EMPLOYER_NAME", c.employer);
    if (!c.employer_email.empty()) {
      employer->SetValueAndShowSection("EMPLOYER_EMAIL", c.employer_email, "HAS_EMPLOYER_EMAIL");
    }
  }
}

}  // namespace tsunagu::sharing::handlers
