#include "consultations/handlers/public_info.hpp"

#include "core/phone_format.hpp"
#include "core/text.hpp"

namespace tsunagu::consultations::handlers {

ProgramInfo PublicInfoOf(app::Services& sv, std::int64_t program_id) {
  ProgramInfoStore store(sv.db, sv.clock);
  auto info = store.ForPublic(program_id);
  return info ? *info : ProgramInfo{};
}

std::string DescribeDeadline(const app::Services& sv, const std::string& lang,
                             const BookingDeadline& deadline) {
  if (deadline.kind == "hours_before") {
    return sv.catalog.Format(lang, "programinfo.deadline.hours_before",
                             {{"hours", std::to_string(deadline.value)}});
  }
  if (deadline.kind == "day_before") {
    return sv.catalog.Format(lang, "programinfo.deadline.day_before",
                             {{"hour", std::to_string(deadline.value)}});
  }
  return sv.catalog.Get(lang, "programinfo.deadline.start");
}

void AddPublicInfo(const app::Services& sv, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary& dict, const ProgramInfo& info) {
  auto* section = dict.AddSectionDictionary("PUBLIC_INFO");
  auto add = [&](ctemplate::TemplateDictionary* parent, const char* name, const std::string& text) {
    if (text.empty()) return;
    parent->AddSectionDictionary(name)->SetValue("TEXT", text);
  };
  add(section, "ELIGIBILITY", info.eligibility);
  add(section, "WHAT_TO_BRING", info.what_to_bring);
  add(section, "ACCESS", info.access);
  section->SetValue("DEADLINE", DescribeDeadline(sv, ctx.lang, info.deadline));
  if (!info.office_phone.empty() || !info.office_email.empty()) {
    auto* office = section->AddSectionDictionary("OFFICE");
    if (!info.office_phone.empty()) {
      auto* phone = office->AddSectionDictionary("PHONE");
      phone->SetValue("TEXT", core::FormatPhoneJp(info.office_phone));
      phone->SetValue("TEL", core::NormalizePhone(info.office_phone));
    }
    add(office, "EMAIL", info.office_email);
    add(office, "HOURS", info.office_hours);
  }
}

}  // namespace tsunagu::consultations::handlers
