#include "consultations/handlers/record_resources.hpp"

#include <algorithm>

#include "consultations/record_resources.hpp"

namespace tsunagu::consultations::handlers {
namespace {

std::vector<std::int64_t> Picked(const web::RequestContext& ctx) {
  return ParseResourceIds(ctx.FormValues("resources"));
}

std::string Shown(app::Services& sv, const web::RequestContext& ctx, const std::string& name,
                  const std::string& org, bool active) {
  std::string text = name;
  if (!org.empty() && org != name) text += "（" + org + "）";
  if (!active) text += " " + sv.catalog.Get(ctx.lang, "record_resources.inactive");
  return text;
}

}  // namespace

void AddResourcePicks(app::Services& sv, const web::RequestContext& ctx,
                      ctemplate::TemplateDictionary& dict, std::int64_t program_id,
                      std::int64_t booking_id, bool posted) {
  RecordResources service(sv.db, sv.clock);
  auto options = service.Options(*ctx.Who(), program_id, booking_id);
  if (!options || options->empty()) {
    dict.ShowSection("NO_RESOURCES");
    return;
  }
  const std::vector<std::int64_t> chosen = posted ? Picked(ctx) : std::vector<std::int64_t>{};
  std::string category;
  ctemplate::TemplateDictionary* group = nullptr;
  bool first = true;
  for (const auto& o : *options) {
    if (!group || o.category != category) {
      category = o.category;
      group = dict.AddSectionDictionary("RESOURCE_GROUP");
      group->SetValue("LABEL", sv.catalog.Get(ctx.lang, "directory.category." + o.category));
    }
    auto* item = group->AddSectionDictionary("RESOURCE");
    item->SetIntValue("VALUE", o.id);
    item->SetValue("ID", first ? std::string("resources") : "resources-" + std::to_string(o.id));
    first = false;
    item->SetValue("LABEL", Shown(sv, ctx, o.name, o.organization_name, o.active));
    const bool checked =
        posted ? std::find(chosen.begin(), chosen.end(), o.id) != chosen.end() : o.picked;
    if (checked) item->ShowSection("CHECKED");
  }
}

std::optional<core::Error> CheckResourcePicks(app::Services& sv, const web::RequestContext& ctx,
                                              std::int64_t program_id, std::int64_t booking_id) {
  RecordResources service(sv.db, sv.clock);
  auto checked = service.Check(*ctx.Who(), program_id, booking_id, Picked(ctx));
  if (checked) return std::nullopt;
  return checked.error();
}

core::Status SaveResourcePicks(app::Services& sv, const web::RequestContext& ctx,
                               std::int64_t program_id, std::int64_t booking_id) {
  RecordResources service(sv.db, sv.clock);
  return service.Set(*ctx.Who(), ctx.Actor(), program_id, booking_id, Picked(ctx));
}

std::string ResourceNames(app::Services& sv, const web::RequestContext& ctx,
                          std::int64_t program_id, std::int64_t booking_id) {
  RecordResources service(sv.db, sv.clock);
  auto linked = service.OfRecord(*ctx.Who(), program_id, booking_id);
  if (!linked) return {};
  std::string out;
  for (const auto& o : *linked) {
    if (!out.empty()) out += sv.catalog.Get(ctx.lang, "record.list_separator");
    out += Shown(sv, ctx, o.name, o.organization_name, o.active);
  }
  return out;
}

void AddResourceCounts(app::Services& sv, const web::RequestContext& ctx,
                       ctemplate::TemplateDictionary& dict, std::int64_t program_id, int fy) {
  RecordResources service(sv.db, sv.clock);
  auto counts = service.Count(*ctx.Who(), program_id, fy);
  if (!counts) return;
  auto* box = dict.AddSectionDictionary("RESOURCE_COUNTS");
  for (const auto& c : counts->by_category) {
    auto* row = box->AddSectionDictionary("BY_CATEGORY");
    row->SetValue("LABEL", sv.catalog.Get(ctx.lang, "directory.category." + c.category));
    row->SetIntValue("COUNT", c.records);
  }
  if (counts->by_entry.empty()) box->ShowSection("NO_ENTRIES");
  for (const auto& c : counts->by_entry) {
    auto* row = box->AddSectionDictionary("BY_ENTRY");
    row->SetValue("LABEL", Shown(sv, ctx, c.name, "", c.active));
    row->SetValue("CATEGORY", sv.catalog.Get(ctx.lang, "directory.category." + c.category));
    row->SetIntValue("COUNT", c.records);
  }
}

}  // namespace tsunagu::consultations::handlers
