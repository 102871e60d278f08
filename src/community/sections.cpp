#include "community/sections.hpp"

#include "reports/numbers.hpp"

namespace tsunagu::community {
namespace {

std::string Count(std::int64_t n) {
  return std::to_string(n);
}

std::string Rate(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? std::string("—") : reports::FormatPercent(part, whole);
}

}  // namespace

FigureTable RequestsTable(const requests::YearFigures& f, const core::Catalog& catalog,
                          const std::string& lang) {
  auto t = [&](const std::string& key) { return catalog.Get(lang, key); };
  FigureTable table;
  table.id = "requests";
  table.title = t("community.report.requests.title");
  table.columns = {t("community.report.count"), t("community.report.rate")};
  table.rows.push_back({t("requests.figures.received"), {Count(f.received), ""}});
  table.rows.push_back({t("requests.figures.replied"), {Count(f.replied), ""}});
  table.rows.push_back({t("requests.figures.in_time"),
                        {Count(f.replied_in_time), Rate(f.replied_in_time, f.replied)}});
  table.rows.push_back({t("requests.figures.closed"), {Count(f.closed), ""}});
  table.rows.push_back({t("requests.figures.open"), {Count(f.open), ""}});
  for (std::size_t i = 0; i < requests::kRequesterKinds.size(); ++i) {
    table.rows.push_back(
        {t("requests.figures.by_requester") + "：" +
             t("requests.requester_kind." + std::string(requests::kRequesterKinds[i])),
         {Count(f.by_requester[i]), Rate(f.by_requester[i], f.received)}});
  }
  table.note = t("community.report.requests.note");
  return table;
}

}  // namespace tsunagu::community
