#include "community/sections.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/wareki.hpp"
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
  for (std::size_t i = 0; i < requests::kTopics.size(); ++i) {
    table.rows.push_back({t("requests.figures.by_topic") + "：" +
                              t("requests.topic." + std::string(requests::kTopics[i])),
                          {Count(f.by_topic[i]), Rate(f.by_topic[i], f.received)}});
  }
  table.rows.push_back(
      {t("requests.figures.to_case"), {Count(f.to_case), Rate(f.to_case, f.received)}});
  table.note = t("community.report.requests.note");
  return table;
}

FigureTable EventsHeldTable(const events::AttendanceFigures& f, const core::Catalog& catalog,
                            const std::string& lang) {
  auto t = [&](const std::string& key) { return catalog.Get(lang, key); };
  FigureTable table;
  table.id = "events";
  table.title = t("community.report.events.title");
  table.columns = {t("community.report.events.held")};
  for (auto kind : events::kKinds) {
    const auto it = f.events_by_kind.find(std::string(kind));
    table.rows.push_back({t("events.kind." + std::string(kind)),
                          {Count(it == f.events_by_kind.end() ? 0 : it->second)}});
  }
  table.rows.push_back({t("community.report.events.total"), {Count(f.events_held)}});
  return table;
}

FigureTable ParticipantsTable(const events::AttendanceFigures& f,
                              const std::vector<events::ParticipantType>& types,
                              const core::Catalog& catalog, const std::string& lang) {
  auto t = [&](const std::string& key) { return catalog.Get(lang, key); };
  auto of = [](const std::map<std::string, int>& m, const std::string& key) {
    const auto it = m.find(key);
    return it == m.end() ? 0 : it->second;
  };
  FigureTable table;
  table.id = "participants";
  table.title = t("community.report.participants.title");
  table.columns = {t("community.report.participants.registered"),
                   t("community.report.participants.attended")};
  table.rows.push_back(
      {t("community.report.participants.all"), {Count(f.registered), Count(f.attended)}});
  for (auto mode : events::kModes) {
    const std::string m(mode);
    table.rows.push_back({t("community.report.participants.by_mode") + "：" + t("events.mode." + m),
                          {Count(of(f.registered_by_mode, m)), Count(of(f.attended_by_mode, m))}});
  }
  table.rows.push_back({t("community.report.participants.walk_ins"), {"", Count(f.walk_ins)}});
  // Every type that has a registration or an attendance, in the order staff choose them.
  for (const auto& type : types) {
    const int registered = of(f.registered_by_type, type.code);
    const int attended = of(f.attended_by_type, type.code);
    if (registered == 0 && attended == 0) continue;
    const std::string label =
        type.builtin ? t("events_attendance.type." + type.code)
                     : (lang == "en" && !type.label_en.empty() ? type.label_en : type.label_ja);
    table.rows.push_back({t("community.report.participants.by_type") + "：" + label,
                          {Count(registered), Count(attended)}});
  }
  table.rows.push_back(
      {t("community.report.participants.people"), {Count(f.people_identified), ""}});
  table.rows.push_back(
      {t("community.report.participants.repeat"), {Count(f.repeat_participants), ""}});
  table.note = t("community.report.participants.note");
  return table;
}

FigureTable TrainingsTable(const events::TrainingReport& report, const core::Catalog& catalog,
                           const std::string& lang) {
  auto t = [&](const std::string& key) { return catalog.Get(lang, key); };
  FigureTable table;
  table.id = "trainings";
  table.title = t("community.report.trainings.title");
  for (auto column : events::kTrainingColumns) {
    table.columns.push_back(t("events_attendance.type." + std::string(column)));
  }
  table.columns.push_back(t("community.report.trainings.attended"));
  std::vector<events::TrainingLine> lines = report.trainings;
  lines.insert(lines.end(), report.organiser.begin(), report.organiser.end());
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) {
    return std::tie(a.date.year, a.date.month, a.date.day) <
           std::tie(b.date.year, b.date.month, b.date.day);
  });
  for (const auto& line : lines) {
    std::string label = core::FormatDate(line.date, lang) + " " + t("events.kind." + line.kind);
    if (line.held_online) label += "＊";
    if (line.new_trainees > 0) label += "＊＊";
    FigureTable::Row row{label, {}};
    for (auto column : events::kTrainingColumns) {
      const auto it = line.by_column.find(std::string(column));
      row.cells.push_back(Count(it == line.by_column.end() ? 0 : it->second));
    }
    row.cells.push_back(Count(line.attended));
    table.rows.push_back(std::move(row));
  }
  table.note = t("community.report.trainings.note");
  return table;
}

FigureTable SalonsTable(const salons::SalonYearFigures& f, const core::Catalog& catalog,
                        const std::string& lang) {
  auto t = [&](const std::string& key) { return catalog.Get(lang, key); };
  FigureTable table;
  table.id = "salons";
  table.title = t("community.report.salons.title");
  table.columns = {t("community.report.count")};
  table.rows.push_back({t("community.report.salons.salons"), {Count(f.salons)}});
  table.rows.push_back({t("community.report.salons.network"), {Count(f.network_members)}});
  table.rows.push_back({t("community.report.salons.meetings"), {Count(f.meetings_held)}});
  table.note = t("community.report.salons.note");
  return table;
}

FigureTable PeersTable(const peers::PeerYearFigures& f, const core::Catalog& catalog,
                       const std::string& lang) {
  auto t = [&](const std::string& key) { return catalog.Get(lang, key); };
  FigureTable table;
  table.id = "peers";
  table.title = t("community.report.peers.title");
  table.columns = {t("community.report.count")};
  table.rows.push_back({t("community.report.peers.registered"), {Count(f.registered)}});
  table.rows.push_back({t("community.report.peers.active"), {Count(f.active)}});
  const std::string training = t("community.report.peers.training") + "：";
  table.rows.push_back({training + t("peers.training.basic"), {Count(f.trainings_basic)}});
  table.rows.push_back({training + t("peers.training.follow_up"), {Count(f.trainings_follow_up)}});
  const std::string shift = t("community.report.peers.shifts") + "：";
  table.rows.push_back({shift + t("peers.shift_kind.peer_talk"), {Count(f.shifts_peer_talk)}});
  table.rows.push_back({shift + t("peers.shift_kind.hotline"), {Count(f.shifts_hotline)}});
  const std::string dispatch = t("community.report.peers.dispatches") + "：";
  table.rows.push_back({dispatch + t("peers.role.storyteller"), {Count(f.dispatches_storyteller)}});
  table.rows.push_back({dispatch + t("peers.role.facilitator"), {Count(f.dispatches_facilitator)}});
  for (const auto& [destination, n] : f.dispatches_by_destination) {
    table.rows.push_back(
        {t("community.report.peers.destination") + "：" + t("peers.destination." + destination),
         {Count(n)}});
  }
  return table;
}

FigureTable ResourcesTable(const std::vector<consultations::ResourceCounts>& programmes,
                           const core::Catalog& catalog, const std::string& lang) {
  auto t = [&](const std::string& key) { return catalog.Get(lang, key); };
  FigureTable table;
  table.id = "resources";
  table.title = t("community.report.resources.title");
  table.columns = {t("community.report.resources.records")};
  // Categories in the directory's order (every programme lists them all, zeros included).
  std::vector<std::pair<std::string, std::int64_t>> categories;
  std::map<std::int64_t, std::pair<std::string, std::int64_t>> entries;
  std::vector<std::int64_t> entry_order;
  for (const auto& counts : programmes) {
    for (const auto& c : counts.by_category) {
      auto it = std::find_if(categories.begin(), categories.end(),
                             [&](const auto& p) { return p.first == c.category; });
      if (it == categories.end()) {
        categories.emplace_back(c.category, c.records);
      } else {
        it->second += c.records;
      }
    }
    for (const auto& e : counts.by_entry) {
      auto [it, added] = entries.try_emplace(e.id, e.name, 0);
      it->second.second += e.records;
      if (added) entry_order.push_back(e.id);
    }
  }
  for (const auto& [category, records] : categories) {
    table.rows.push_back(
        {t("community.report.resources.category") + "：" + t("directory.category." + category),
         {Count(records)}});
  }
  // Entries, most introduced first (ties in the order the programmes listed them).
  std::stable_sort(entry_order.begin(), entry_order.end(), [&](std::int64_t a, std::int64_t b) {
    return entries[a].second > entries[b].second;
  });
  for (auto id : entry_order) {
    if (entries[id].second == 0) continue;
    table.rows.push_back({entries[id].first, {Count(entries[id].second)}});
  }
  table.note = t("community.report.resources.note");
  return table;
}

}  // namespace tsunagu::community
