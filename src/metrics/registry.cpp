#include "metrics/registry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <mutex>
#include <stdexcept>

namespace tsunagu::metrics {
namespace {

bool ValidName(std::string_view name, bool allow_colon) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allow_colon && c == ':');
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) return false;
  }
  return true;
}

template <typename A, typename B>
bool LexLess(const A& a, const B& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](std::string_view x, std::string_view y) { return x < y; });
}

void AppendLabels(std::string& out, const std::vector<std::string>& names,
                  const std::vector<std::string>& values, std::string_view le = {}) {
  if (names.empty() && le.empty()) return;
  out += '{';
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ',';
    out += names[i];
    out += "=\"";
    out += EscapeLabelValue(values[i]);
    out += '"';
  }
  if (!le.empty()) {
    if (!names.empty()) out += ',';
    out += "le=\"";
    out += le;
    out += '"';
  }
  out += '}';
}

}  // namespace

std::string EscapeLabelValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeHelp(std::string_view help) {
  std::string out;
  out.reserve(help.size());
  for (char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string FormatValue(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) return "NaN";
  return std::string(buf, end);
}

// --- Histogram -------------------------------------------------------------------------------

Histogram::Histogram(const std::vector<double>& bounds)
    : bounds_(bounds), buckets_(new std::atomic<std::uint64_t>[bounds.size() + 1]) {
  for (std::size_t i = 0; i <= bounds_.size(); ++i) buckets_[i].store(0);
}

void Histogram::Observe(double v) {
  const auto at = std::lower_bound(bounds_.begin(), bounds_.end(), v) - bounds_.begin();
  buckets_[static_cast<std::size_t>(at)].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(v, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t Histogram::CumulativeCount(std::size_t i) const {
  std::uint64_t total = 0;
  for (std::size_t b = 0; b <= i && b <= bounds_.size(); ++b) {
    total += buckets_[b].load(std::memory_order_relaxed);
  }
  return total;
}

// --- Family ----------------------------------------------------------------------------------

struct Family::Series {
  std::unique_ptr<Counter> counter;
  std::unique_ptr<Gauge> gauge;
  std::unique_ptr<Histogram> histogram;
  void* get() {
    if (counter) return counter.get();
    if (gauge) return gauge.get();
    return histogram.get();
  }
};

bool Family::Less::operator()(const std::vector<std::string>& a,
                              std::initializer_list<std::string_view> b) const {
  return LexLess(a, b);
}
bool Family::Less::operator()(std::initializer_list<std::string_view> a,
                              const std::vector<std::string>& b) const {
  return LexLess(a, b);
}

Family::Family(std::string name, std::string help, Type type, std::vector<std::string> label_names,
               std::vector<double> bounds)
    : name_(std::move(name)),
      help_(std::move(help)),
      type_(type),
      label_names_(std::move(label_names)),
      bounds_(std::move(bounds)) {}

Family::~Family() = default;

void* Family::Find(std::initializer_list<std::string_view> values) {
  if (values.size() != label_names_.size()) {
    throw std::invalid_argument("metric " + name_ + ": wrong number of label values");
  }
  {
    std::shared_lock lock(mu_);
    if (auto it = series_.find(values); it != series_.end()) return it->second->get();
  }
  std::unique_lock lock(mu_);
  if (auto it = series_.find(values); it != series_.end()) return it->second->get();
  auto series = std::make_unique<Series>();
  if (type_ == Type::kCounter) series->counter = std::make_unique<Counter>();
  if (type_ == Type::kGauge) series->gauge = std::make_unique<Gauge>();
  if (type_ == Type::kHistogram) series->histogram = std::make_unique<Histogram>(bounds_);
  void* p = series->get();
  series_.emplace(std::vector<std::string>(values.begin(), values.end()), std::move(series));
  return p;
}

void Family::Render(std::string& out) const {
  out += "# HELP ";
  out += name_;
  out += ' ';
  out += EscapeHelp(help_);
  out += "\n# TYPE ";
  out += name_;
  out += type_ == Type::kCounter ? " counter\n"
         : type_ == Type::kGauge ? " gauge\n"
                                 : " histogram\n";
  std::shared_lock lock(mu_);
  for (const auto& [values, series] : series_) {
    if (series->histogram) {
      const Histogram& h = *series->histogram;
      for (std::size_t i = 0; i <= bounds_.size(); ++i) {
        out += name_;
        out += "_bucket";
        AppendLabels(out, label_names_, values,
                     i < bounds_.size() ? FormatValue(bounds_[i]) : std::string("+Inf"));
        out += ' ';
        out += std::to_string(h.CumulativeCount(i));
        out += '\n';
      }
      out += name_;
      out += "_sum";
      AppendLabels(out, label_names_, values);
      out += ' ';
      out += FormatValue(h.sum());
      out += '\n';
      out += name_;
      out += "_count";
      AppendLabels(out, label_names_, values);
      out += ' ';
      out += std::to_string(h.count());
      out += '\n';
      continue;
    }
    out += name_;
    AppendLabels(out, label_names_, values);
    out += ' ';
    out += FormatValue(series->counter ? series->counter->value() : series->gauge->value());
    out += '\n';
  }
}

// --- Registry --------------------------------------------------------------------------------

void Registry::Check(const std::string& name, const std::vector<std::string>& label_names) {
  if (!ValidName(name, true)) throw std::invalid_argument("bad metric name: " + name);
  for (const auto& l : label_names) {
    if (!ValidName(l, false) || l.rfind("__", 0) == 0 || l == "le") {
      std::string what = "bad label name for " + name;
      what += ": ";
      what += l;
      throw std::invalid_argument(what);
    }
  }
  for (const auto& f : families_) {
    if (f->name() == name) throw std::invalid_argument("metric added twice: " + name);
  }
}

CounterFamily& Registry::AddCounter(const std::string& name, const std::string& help,
                                    std::vector<std::string> label_names) {
  std::unique_lock lock(mu_);
  Check(name, label_names);
  auto f = std::make_unique<CounterFamily>(name, help, Type::kCounter, std::move(label_names),
                                           std::vector<double>{});
  auto& ref = *f;
  families_.push_back(std::move(f));
  return ref;
}

GaugeFamily& Registry::AddGauge(const std::string& name, const std::string& help,
                                std::vector<std::string> label_names) {
  std::unique_lock lock(mu_);
  Check(name, label_names);
  auto f = std::make_unique<GaugeFamily>(name, help, Type::kGauge, std::move(label_names),
                                         std::vector<double>{});
  auto& ref = *f;
  families_.push_back(std::move(f));
  return ref;
}

HistogramFamily& Registry::AddHistogram(const std::string& name, const std::string& help,
                                        std::vector<std::string> label_names,
                                        std::vector<double> bounds) {
  std::unique_lock lock(mu_);
  Check(name, label_names);
  if (bounds.empty() || !std::is_sorted(bounds.begin(), bounds.end()) ||
      std::adjacent_find(bounds.begin(), bounds.end()) != bounds.end()) {
    throw std::invalid_argument("histogram " + name + ": buckets must ascend");
  }
  auto f = std::make_unique<HistogramFamily>(name, help, Type::kHistogram, std::move(label_names),
                                             std::move(bounds));
  auto& ref = *f;
  families_.push_back(std::move(f));
  return ref;
}

void Registry::RenderTo(std::string& out) const {
  std::shared_lock lock(mu_);
  for (const auto& f : families_) f->Render(out);
}

std::string Registry::Render() const {
  std::string out;
  RenderTo(out);
  return out;
}

}  // namespace tsunagu::metrics
