// 第三者提供記録 (APPI 法29条): what the organisation provided to whom, about whom, which items,
// how, and on which consent, between two dates (default: this 年度 so far), and the same as
// CSV for Excel (UTF-8 with BOM, ISO dates, Japanese headings). Coordinators and admins only.
#include <cstdio>

#include "core/text.hpp"
#include "core/wareki.hpp"
#include "reports/csv.hpp"
#include "sharing/handlers/consent_view.hpp"
#include "sharing/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::sharing::handlers {
namespace {

constexpr int kPageRows = 500;
constexpr int kCsvRows = 50000;

struct Range {
  std::string from;  // ISO, inclusive
  std::string to;
  std::vector<core::FieldError> errors;
};

// ?from=&to= as typed; empty ones default to the fiscal year's first day and today.
Range ReadRange(const app::Services& sv, const web::RequestContext& ctx) {
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  Range r;
  r.from = core::Trim(core::NormalizeNfkc(ctx.request.Query("from").value_or("")));
  r.to = core::Trim(core::NormalizeNfkc(ctx.request.Query("to").value_or("")));
  if (r.from.empty()) r.from = core::ToIso(core::FiscalYearStart(core::FiscalYear(today)));
  if (r.to.empty()) r.to = core::ToIso(today);
  const auto from = core::ParseIsoDate(r.from);
  const auto to = core::ParseIsoDate(r.to);
  if (!from) r.errors.push_back({"from", "error.date"});
  if (!to) r.errors.push_back({"to", "error.date"});
  if (from && to && *to < *from) r.errors.push_back({"to", "provisions.error.range"});
  return r;
}

std::string ClientLabel(const app::Services& sv, const web::RequestContext& ctx,
                        const ProvisionRow& row) {
  return row.client_name.empty() ? sv.pages.T(ctx, "provisions.client_other") : row.client_name;
}

// "2026-04-13 18:05" (JST) for machines and spreadsheets.
std::string IsoDateTime(std::int64_t unix_seconds) {
  const int minute = core::JstMinuteOfDay(unix_seconds);
  char hm[24];  // room for any int the compiler sees, not only a time of day's
  std::snprintf(hm, sizeof hm, "%02d:%02d", minute / 60, minute % 60);
  return core::ToIso(core::DateFromUnixSeconds(unix_seconds)) + " " + hm;
}

http::Response ShowPage(app::Services& sv, web::RequestContext& ctx, const Range& range,
                        const std::vector<ProvisionRow>* rows, const core::Error* error) {
  ctemplate::TemplateDictionary dict("provisions_list");
  dict.SetValue("V_FROM", range.from);
  dict.SetValue("V_TO", range.to);
  if (error != nullptr) {
    sv.pages.AddErrors(dict, ctx, *error);
    return sv.pages.Render(ctx, "provisions/list", "provisions.title", dict, 422);
  }
  const auto from = core::ParseIsoDate(range.from).value_or(core::Date{});
  const auto to = core::ParseIsoDate(range.to).value_or(core::Date{});
  dict.SetValue("PERIOD", sv.catalog.Format(ctx.lang, "consents.period",
                                            {{"from", core::FormatDate(from, ctx.lang)},
                                             {"until", core::FormatDate(to, ctx.lang)}}));
  dict.SetValue("CSV_PATH", "/provisions.csv?from=" + http::PercentEncode(range.from) +
                                "&to=" + http::PercentEncode(range.to));
  dict.SetIntValue("COUNT", static_cast<long>(rows->size()));
  for (const auto& p : *rows) {
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetValue("AT", web::DateTimeOf(ctx, p.provided_at));
    row->SetValue("RECIPIENT", p.recipient);
    row->SetValue("CLIENT", ClientLabel(sv, ctx, p));
    if (!p.client_name.empty()) {
      row->SetValueAndShowSection("CLIENT_PATH", "/clients/" + std::to_string(p.client_id),
                                  "CLIENT_LINK");
    } else {
      row->ShowSection("CLIENT_NO_LINK");
    }
    row->SetValue("ITEMS", ItemLabels(sv, ctx, p.items));
    row->SetValue("CHANNEL", sv.pages.T(ctx, "provisions.channel." + p.channel));
    row->SetValue("CONSENT_PATH", ConsentPath(p.consent_id));
    row->SetIntValue("CONSENT_ID", p.consent_id);
  }
  if (rows->empty()) {
    dict.ShowSection("EMPTY");
  } else {
    dict.ShowSection("HAS_ROWS");
  }
  if (rows->size() >= static_cast<std::size_t>(kPageRows)) {
    dict.SetValueAndShowSection(
        "LIMIT_TEXT",
        sv.catalog.Format(ctx.lang, "provisions.limited", {{"count", std::to_string(kPageRows)}}),
        "LIMITED");
  }
  return sv.pages.Render(ctx, "provisions/list", "provisions.title", dict);
}

http::Response ProvisionList(app::Services& sv, web::RequestContext& ctx) {
  const Range range = ReadRange(sv, ctx);
  if (!range.errors.empty()) {
    const auto error = core::Error::Invalid("error.form_invalid", range.errors);
    return ShowPage(sv, ctx, range, nullptr, &error);
  }
  auto rows = sv.provisions.List(*ctx.Who(), ctx.Actor(), range.from, range.to, kPageRows);
  if (!rows) {
    return web::Failure(sv.pages, ctx, rows.error());
  }
  return ShowPage(sv, ctx, range, &*rows, nullptr);
}

http::Response ExportCsv(app::Services& sv, web::RequestContext& ctx) {
  const Range range = ReadRange(sv, ctx);
  if (!range.errors.empty()) {
    const auto error = core::Error::Invalid("error.form_invalid", range.errors);
    return ShowPage(sv, ctx, range, nullptr, &error);
  }
  auto rows = sv.provisions.List(*ctx.Who(), ctx.Actor(), range.from, range.to, kCsvRows);
  if (!rows) {
    return web::Failure(sv.pages, ctx, rows.error());
  }
  if (rows->size() >= static_cast<std::size_t>(kCsvRows)) {
    return sv.pages.Error(ctx, 422, "error.export_too_large");
  }
  auto t = [&](const std::string& key) { return sv.pages.T(ctx, key); };
  reports::CsvWriter csv(true);
  csv.Row({t("provisions.col.date"), t("provisions.col.at"), t("provisions.col.recipient"),
           t("provisions.col.client_id"), t("provisions.col.client"), t("provisions.col.items"),
           t("provisions.col.channel"), t("provisions.col.consent")});
  for (const auto& p : *rows) {
    csv.Row({core::ToIso(core::DateFromUnixSeconds(p.provided_at)), IsoDateTime(p.provided_at),
             p.recipient, std::to_string(p.client_id), p.client_name, ItemLabels(sv, ctx, p.items),
             t("provisions.channel." + p.channel), std::to_string(p.consent_id)});
  }
  // attachment; an ASCII name for old clients and the readable UTF-8 one (RFC 6266 / 5987).
  const std::string ascii = "provisions-" + range.from + "-" + range.to + ".csv";
  const std::string utf8 = t("provisions.file_name") + "_" + range.from + "_" + range.to + ".csv";
  http::Response res = http::Response::Text(200, csv.str(), "text/csv; charset=utf-8");
  res.headers.Set("Content-Disposition", "attachment; filename=\"" + ascii +
                                             "\"; filename*=UTF-8''" + http::PercentEncode(utf8));
  res.headers.Set("Cache-Control", "no-store");
  return res;
}

}  // namespace

void AddProvisionRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/provisions", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return ProvisionList(sv, ctx); }});
  router.Add({"GET", "/provisions.csv", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return ExportCsv(sv, ctx); }});
}

}  // namespace tsunagu::sharing::handlers
