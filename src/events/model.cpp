#include "events/model.hpp"

#include <cstdio>

#include "crypto/random.hpp"

namespace tsunagu::events {

int ParseTime(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (text[i] < '0' || text[i] > '9') return -1;
  }
  const int h = (text[0] - '0') * 10 + (text[1] - '0');
  const int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

std::string FormatTime(int minutes) {
  if (minutes < 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::string TimeRange(int start_minutes, int end_minutes) {
  return FormatTime(start_minutes) + "〜" + FormatTime(end_minutes);
}

std::string NewReference() {
  return crypto::ReadableReference("EV-");
}

}  // namespace tsunagu::events
