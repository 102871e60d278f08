// The organisation's community year in one report (issue 15, "Yearly figures"): events held and
// their participants (by 所属, by venue or online, repeat participants counted by keyed hash),
// trainings, cancer salons' meetings, peer supporters and their dispatches, consultation
// requests answered in time, and the resources counsellors introduced. Every domain keeps its own
// figures; this report puts them side by side as tables of counts, for the page, its A4 print
// and a CSV. Counts only: no name, no free text.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tsunagu::community {

// One table of the report: a first column of row labels, then `columns`.
struct FigureTable {
  std::string id;     // the anchor on the page and the CSV's section, e.g. "requests"
  std::string title;  // in the reader's language
  std::vector<std::string> columns;
  struct Row {
    std::string label;
    std::vector<std::string> cells;  // one per column, already formatted
  };
  std::vector<Row> rows;
  std::string note;  // under the table; empty for none
};

struct YearReport {
  int fiscal_year = 0;
  std::vector<FigureTable> tables;
};

}  // namespace tsunagu::community
