// An RFC 5545 checker for the calendars Tsunagu writes (feeds and e-mail attachments), used by
// the unit and integration tests. It reads what a strict calendar client reads: CRLF line ends,
// folding at 75 octets without splitting a UTF-8 character, BEGIN/END nesting, the required
// properties of each component, TZID parameters that name a VTIMEZONE of the calendar, the
// RRULE grammar, DATE-TIME forms, and TEXT escaping. Returns the problems found (empty = valid).
#pragma once

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::testing {

namespace ics_detail {

inline bool ValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80             ? 1
                      : (c & 0xE0) == 0xC0 ? 2
                      : (c & 0xF0) == 0xE0 ? 3
                      : (c & 0xF8) == 0xF0 ? 4
                                           : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

inline bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS[Z]); `utc` asks for the Z form.
inline bool IsDateTime(std::string_view v, bool* has_z = nullptr) {
  if (has_z) *has_z = false;
  if (v.size() == 8) return AllDigits(v);
  if (v.size() != 15 && v.size() != 16) return false;
  if (!AllDigits(v.substr(0, 8)) || v[8] != 'T' || !AllDigits(v.substr(9, 6))) return false;
  if (v.size() == 16) {
    if (v[15] != 'Z') return false;
    if (has_z) *has_z = true;
  }
  const int month = std::stoi(std::string(v.substr(4, 2)));
  const int day = std::stoi(std::string(v.substr(6, 2)));
  const int hour = std::stoi(std::string(v.substr(9, 2)));
  const int minute = std::stoi(std::string(v.substr(11, 2)));
  const int second = std::stoi(std::string(v.substr(13, 2)));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 &&
         second <= 60;
}

inline bool IsWeekdayNum(std::string_view s) {
  if (s.size() < 2) return false;
  const std::string_view wd = s.substr(s.size() - 2);
  static const std::set<std::string_view> kDays = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  if (!kDays.count(wd)) return false;
  std::string_view n = s.substr(0, s.size() - 2);
  if (n.empty()) return true;
  if (n.front() == '+' || n.front() == '-') n.remove_prefix(1);
  if (!AllDigits(n) || n.size() > 2) return false;
  const int v = std::stoi(std::string(n));
  return v >= 1 && v <= 53;
}

// RFC 5545 section 3.3.10 (recur): FREQ first-class and once, known parts, each once.
inline std::string CheckRRule(std::string_view v) {
  std::map<std::string, std::string> parts;
  std::size_t start = 0;
  while (start <= v.size()) {
    const std::size_t end = std::min(v.find(';', start), v.size());
    const std::string_view part = v.substr(start, end - start);
    const auto eq = part.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == part.size()) {
      return "RRULE part without name=value: " + std::string(part);
    }
    const std::string name(part.substr(0, eq));
    if (parts.count(name)) return "RRULE part twice: " + name;
    parts[name] = std::string(part.substr(eq + 1));
    start = end + 1;
    if (end == v.size()) break;
  }
  static const std::set<std::string> kKnown = {
      "FREQ",  "UNTIL",      "COUNT",     "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR",
      "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH",  "BYSETPOS", "WKST"};
  for (const auto& [name, value] : parts) {
    if (!kKnown.count(name) && name.rfind("X-", 0) != 0) return "RRULE unknown part: " + name;
  }
  static const std::set<std::string> kFreq = {"SECONDLY", "MINUTELY", "HOURLY", "DAILY",
                                              "WEEKLY",   "MONTHLY",  "YEARLY"};
  if (!parts.count("FREQ") || !kFreq.count(parts["FREQ"])) return "RRULE needs a valid FREQ";
  if (parts.count("UNTIL") && parts.count("COUNT")) return "RRULE has both UNTIL and COUNT";
  if (parts.count("UNTIL") && !IsDateTime(parts["UNTIL"])) return "RRULE UNTIL malformed";
  for (const char* n : {"COUNT", "INTERVAL"}) {
    if (parts.count(n) && (!AllDigits(parts[n]) || std::stoi(parts[n]) < 1)) {
      return std::string("RRULE ") + n + " must be a positive integer";
    }
  }
  if (parts.count("BYDAY")) {
    const std::string& list = parts["BYDAY"];
    std::size_t s = 0;
    while (true) {
      const std::size_t e = std::min(list.find(',', s), list.size());
      if (!IsWeekdayNum(std::string_view(list).substr(s, e - s))) {
        return "RRULE BYDAY malformed: " + list;
      }
      if (e == list.size()) break;
      s = e + 1;
    }
  }
  return {};
}

// TEXT (section 3.3.11): backslash only before \ ; , n N; no bare ; or , in a single value.
inline bool IsEscapedText(std::string_view v) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\') {
      if (i + 1 >= v.size()) return false;
      const char n = v[i + 1];
      if (n != '\\' && n != ';' && n != ',' && n != 'n' && n != 'N') return false;
      ++i;
    } else if (v[i] == ';' || v[i] == ',') {
      return false;
    } else if (static_cast<unsigned char>(v[i]) < 0x20 && v[i] != '\t') {
      return false;
    }
  }
  return true;
}

struct Property {
  std::string name;
  std::multimap<std::string, std::string> params;
  std::string value;
};

struct Component {
  std::string name;
  std::vector<Property> props;
};

}  // namespace ics_detail

inline std::vector<std::string> ValidateIcs(std::string_view text) {
  using namespace ics_detail;
  std::vector<std::string> problems;
  auto fail = [&problems](std::string p) { problems.push_back(std::move(p)); };
  if (text.empty()) return {"empty calendar"};
  if (!ValidUtf8(text)) fail("not UTF-8");
  if (text.size() < 2 || text.substr(text.size() - 2) != "\r\n") fail("does not end with CRLF");

  // Physical lines: CRLF only, at most 75 octets, each valid UTF-8 on its own (a fold never
  // splits a character).
  std::vector<std::string> physical;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t crlf = text.find("\r\n", start);
    const std::size_t end = crlf == std::string_view::npos ? text.size() : crlf;
    const std::string_view line = text.substr(start, end - start);
    if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos) {
      fail("bare CR or LF inside line " + std::to_string(physical.size() + 1));
    }
    if (line.size() > 75) {
      fail("line " + std::to_string(physical.size() + 1) + " longer than 75 octets");
    }
    if (!ValidUtf8(line)) {
      fail("line " + std::to_string(physical.size() + 1) + " splits a UTF-8 character");
    }
    physical.emplace_back(line);
    start = end + 2;
  }
  // Unfold: a line starting with a space or tab continues the previous one.
  std::vector<std::string> lines;
  for (const auto& p : physical) {
    if (!p.empty() && (p[0] == ' ' || p[0] == '\t')) {
      if (lines.empty()) {
        fail("continuation line at the start");
        continue;
      }
      lines.back() += p.substr(1);
    } else {
      if (p.empty()) {
        fail("empty line");
        continue;
      }
      lines.push_back(p);
    }
  }
  // Parse content lines and check nesting.
  std::vector<Component> stack;
  std::vector<Component> done;
  int calendars = 0;
  for (const auto& l : lines) {
    Property prop;
    std::size_t i = 0;
    while (i < l.size() && (std::isalnum(static_cast<unsigned char>(l[i])) || l[i] == '-')) ++i;
    prop.name = l.substr(0, i);
    for (auto& c : prop.name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (prop.name.empty()) {
      fail("content line without a name: " + l.substr(0, 30));
      continue;
    }
    bool bad = false;
    while (i < l.size() && l[i] == ';') {
      ++i;
      std::size_t ns = i;
      while (i < l.size() && (std::isalnum(static_cast<unsigned char>(l[i])) || l[i] == '-')) ++i;
      std::string pname = l.substr(ns, i - ns);
      if (pname.empty() || i >= l.size() || l[i] != '=') {
        bad = true;
        break;
      }
      ++i;
      std::string pvalue;
      if (i < l.size() && l[i] == '"') {
        const std::size_t close = l.find('"', i + 1);
        if (close == std::string::npos) {
          bad = true;
          break;
        }
        pvalue = l.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        std::size_t vs = i;
        while (i < l.size() && l[i] != ';' && l[i] != ':' && l[i] != ',' && l[i] != '"') ++i;
        pvalue = l.substr(vs, i - vs);
      }
      prop.params.emplace(pname, pvalue);
    }
    if (bad || i >= l.size() || l[i] != ':') {
      fail("malformed content line: " + l.substr(0, 40));
      continue;
    }
    prop.value = l.substr(i + 1);
    if (prop.name == "BEGIN") {
      if (prop.value == "VCALENDAR") {
        if (!stack.empty()) fail("VCALENDAR nested");
        ++calendars;
      } else if (stack.empty()) {
        fail("BEGIN:" + prop.value + " outside VCALENDAR");
      }
      stack.push_back({prop.value, {}});
      continue;
    }
    if (prop.name == "END") {
      if (stack.empty() || stack.back().name != prop.value) {
        fail("END:" + prop.value + " does not close " +
             (stack.empty() ? std::string("anything") : stack.back().name));
        continue;
      }
      done.push_back(std::move(stack.back()));
      stack.pop_back();
      continue;
    }
    if (stack.empty()) {
      fail("property outside any component: " + prop.name);
      continue;
    }
    stack.back().props.push_back(std::move(prop));
  }
  if (!stack.empty()) fail("unclosed " + stack.back().name);
  if (calendars != 1) fail("expected one VCALENDAR, found " + std::to_string(calendars));

  auto count = [](const Component& c, const std::string& name) {
    return std::count_if(c.props.begin(), c.props.end(),
                         [&](const Property& p) { return p.name == name; });
  };
  std::set<std::string> tzids;
  for (const auto& c : done) {
    if (c.name == "VTIMEZONE") {
      for (const auto& p : c.props) {
        if (p.name == "TZID") tzids.insert(p.value);
      }
    }
  }
  std::set<std::string> uids;
  for (const auto& c : done) {
    auto once = [&](const std::string& name) {
      const auto n = count(c, name);
      if (n != 1) {
        problems.push_back(c.name + " needs exactly one " + name + " (has " + std::to_string(n) +
                           ")");
      }
    };
    auto at_most_once = [&](const std::string& name) {
      if (count(c, name) > 1) problems.push_back(c.name + " has " + name + " more than once");
    };
    if (c.name == "VCALENDAR") {
      once("PRODID");
      once("VERSION");
      for (const auto& p : c.props) {
        if (p.name == "VERSION" && p.value != "2.0") problems.push_back("VERSION is not 2.0");
      }
    } else if (c.name == "VEVENT") {
      once("UID");
      once("DTSTAMP");
      once("DTSTART");
      for (const char* n :
           {"SEQUENCE", "STATUS", "SUMMARY", "DTEND", "LOCATION", "DESCRIPTION", "URL", "RRULE"}) {
        at_most_once(n);
      }
      if (count(c, "DTEND") && count(c, "DURATION")) {
        problems.push_back("VEVENT has both DTEND and DURATION");
      }
      for (const auto& p : c.props) {
        if (p.name == "UID" && !uids.insert(p.value).second) {
          problems.push_back("UID repeated: " + p.value);
        }
      }
    } else if (c.name == "VTIMEZONE") {
      once("TZID");
    } else if (c.name == "STANDARD" || c.name == "DAYLIGHT") {
      once("DTSTART");
      once("TZOFFSETTO");
      once("TZOFFSETFROM");
    }
    for (const auto& p : c.props) {
      for (const auto& [pname, pvalue] : p.params) {
        if (pname == "TZID" && !tzids.count(pvalue)) {
          problems.push_back(p.name + " names TZID " + pvalue + " with no VTIMEZONE");
        }
      }
      if (p.name == "DTSTAMP") {
        bool z = false;
        if (!IsDateTime(p.value, &z) || !z) problems.push_back("DTSTAMP is not UTC DATE-TIME");
      }
      if (p.name == "DTSTART" || p.name == "DTEND" || p.name == "RECURRENCE-ID") {
        bool z = false;
        if (!IsDateTime(p.value, &z)) problems.push_back(p.name + " malformed: " + p.value);
        if (z && p.params.count("TZID")) problems.push_back(p.name + " has TZID and a Z time");
      }
      if (p.name == "SEQUENCE" && !AllDigits(p.value)) problems.push_back("SEQUENCE not integer");
      if (p.name == "STATUS" && c.name == "VEVENT" && p.value != "TENTATIVE" &&
          p.value != "CONFIRMED" && p.value != "CANCELLED") {
        problems.push_back("STATUS not a VEVENT status: " + p.value);
      }
      if (p.name == "RRULE") {
        if (auto r = CheckRRule(p.value); !r.empty()) problems.push_back(r);
      }
      if ((p.name == "SUMMARY" || p.name == "DESCRIPTION" || p.name == "LOCATION" ||
           p.name == "COMMENT" || p.name == "X-WR-CALNAME" || p.name == "X-WR-CALDESC") &&
          !IsEscapedText(p.value)) {
        problems.push_back(p.name + " TEXT is not escaped");
      }
    }
  }
  return problems;
}

// Every VEVENT as a map of its properties' values (first value of each name), for assertions.
inline std::vector<std::map<std::string, std::string>> IcsEvents(std::string_view text) {
  std::vector<std::map<std::string, std::string>> out;
  std::string unfolded;
  std::size_t start = 0;
  std::vector<std::string> lines;
  while (start < text.size()) {
    std::size_t end = text.find("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line[0] == ' ' && !lines.empty()) {
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
    start = end + 2;
  }
  bool in_event = false;
  for (const auto& l : lines) {
    if (l == "BEGIN:VEVENT") {
      in_event = true;
      out.emplace_back();
      continue;
    }
    if (l == "END:VEVENT") {
      in_event = false;
      continue;
    }
    if (!in_event) continue;
    const auto colon = l.find(':');
    if (colon == std::string::npos) continue;
    std::string head = l.substr(0, colon);
    const std::string name = head.substr(0, head.find(';'));
    out.back().emplace(name, l.substr(colon + 1));
    if (name != head) out.back().emplace(name + "#params", head.substr(name.size()));
  }
  return out;
}

}  // namespace tsunagu::testing
