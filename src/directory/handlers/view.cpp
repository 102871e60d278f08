#include "directory/handlers/view.hpp"

#include "core/phone_format.hpp"
#include "core/text.hpp"
#include "web/forms.hpp"

namespace tsunagu::directory::handlers {

std::string AddressLine(const Service& s) {
  std::string out;
  if (!s.postal_code.empty()) out = "〒" + s.postal_code + " ";
  return out + s.prefecture + s.municipality + s.address;
}

std::string CategoryLabel(const Deps& deps, const web::RequestContext& ctx,
                          const std::string& code) {
  return deps.pages.T(ctx, "directory.category." + code);
}

std::int64_t IdParam(const web::RequestContext& ctx, const char* name) {
  return web::ParseId(ctx.Param(name));
}

void AddService(const Deps& deps, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, const Service& s) {
  auto add = [&](const char* section, const std::string& text) {
    if (!text.empty()) dict.AddSectionDictionary(section)->SetValue("TEXT", text);
  };
  dict.SetIntValue("ID", static_cast<long>(s.id));
  dict.SetValue("NAME", s.name);
  dict.SetValue("CATEGORY", CategoryLabel(deps, ctx, s.category));
  dict.SetValue("CATEGORY_CODE", s.category);
  dict.SetValue("ORG_NAME", s.organization.name);
  add("FURIGANA", s.furigana);
  add("DESCRIPTION", s.description);
  add("ELIGIBILITY", s.eligibility);
  add("FEES", s.fees);
  add("APPLICATION", s.application);
  add("SCHEDULE", s.schedule);
  if (!s.phone.empty()) {
    auto* phone = dict.AddSectionDictionary("PHONE");
    phone->SetValue("TEXT", core::FormatPhoneJp(s.phone));
    phone->SetValue("TEL", core::NormalizePhone(s.phone));
  }
  add("EMAIL", s.email);
  add("URL", s.url);
  const std::string address = AddressLine(s);
  add("ADDRESS", core::Trim(address));
  add("ACCESS", s.access);
  add("ORG_FURIGANA", s.organization.furigana);
  add("ORG_DESCRIPTION", s.organization.description);
  add("ORG_WEBSITE", s.organization.website);
  add("ORG_EMAIL", s.organization.email);
  if (s.status != "active") dict.ShowSection("INACTIVE");
}

}  // namespace tsunagu::directory::handlers
