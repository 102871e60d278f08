// A small metrics registry: counters, gauges and fixed-bucket histograms with labels, written
// out in the Prometheus text exposition format 0.0.4. Recording is lock-free on atomics once a
// series exists; finding a series takes a shared lock and allocates nothing.
#pragma once

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::metrics {

class Counter {
 public:
  void Inc(double by = 1) { value_.fetch_add(by, std::memory_order_relaxed); }
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

class Gauge {
 public:
  void Set(double v) { value_.store(v, std::memory_order_relaxed); }
  void Add(double by) { value_.fetch_add(by, std::memory_order_relaxed); }
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

// Buckets are upper bounds, ascending; +Inf is implied.
class Histogram {
 public:
  explicit Histogram(const std::vector<double>& bounds);
  void Observe(double v);
  // Cumulative count of observations <= bounds()[i]; i == bounds().size() is +Inf.
  std::uint64_t CumulativeCount(std::size_t i) const;
  std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }
  double sum() const { return sum_.load(std::memory_order_relaxed); }
  const std::vector<double>& bounds() const { return bounds_; }

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // per bucket, not cumulative
  std::atomic<std::uint64_t> count_{0};
  std::atomic<double> sum_{0};
};

enum class Type { kCounter, kGauge, kHistogram };

// All series of one metric name: one per combination of label values.
class Family {
 public:
  Family(std::string name, std::string help, Type type, std::vector<std::string> label_names,
         std::vector<double> bounds);
  virtual ~Family();
  Family(const Family&) = delete;
  Family& operator=(const Family&) = delete;

  const std::string& name() const { return name_; }
  Type type() const { return type_; }
  // Appends the family (HELP, TYPE and every series) to out. A family without series writes
  // nothing but its HELP and TYPE lines.
  void Render(std::string& out) const;

 protected:
  // The series for these label values (as many as label names), created on first use.
  void* Find(std::initializer_list<std::string_view> values);

 private:
  struct Less {
    using is_transparent = void;
    bool operator()(const std::vector<std::string>& a, const std::vector<std::string>& b) const {
      return a < b;
    }
    bool operator()(const std::vector<std::string>& a,
                    std::initializer_list<std::string_view> b) const;
    bool operator()(std::initializer_list<std::string_view> a,
                    const std::vector<std::string>& b) const;
  };
  struct Series;

  std::string name_;
  std::string help_;
  Type type_;
  std::vector<std::string> label_names_;
  std::vector<double> bounds_;
  mutable std::shared_mutex mu_;
  std::map<std::vector<std::string>, std::unique_ptr<Series>, Less> series_;
};

class CounterFamily : public Family {
 public:
  using Family::Family;
  Counter& With(std::initializer_list<std::string_view> values) {
    return *static_cast<Counter*>(Find(values));
  }
};
class GaugeFamily : public Family {
 public:
  using Family::Family;
  Gauge& With(std::initializer_list<std::string_view> values) {
    return *static_cast<Gauge*>(Find(values));
  }
};
class HistogramFamily : public Family {
 public:
  using Family::Family;
  Histogram& With(std::initializer_list<std::string_view> values) {
    return *static_cast<Histogram*>(Find(values));
  }
};

// Families in the order they were added. Names must be valid Prometheus names and unique;
// a mistake there is a programming error and throws std::invalid_argument.
class Registry {
 public:
  CounterFamily& AddCounter(const std::string& name, const std::string& help,
                            std::vector<std::string> label_names = {});
  GaugeFamily& AddGauge(const std::string& name, const std::string& help,
                        std::vector<std::string> label_names = {});
  HistogramFamily& AddHistogram(const std::string& name, const std::string& help,
                                std::vector<std::string> label_names, std::vector<double> bounds);
  // The exposition text (Content-Type "text/plain; version=0.0.4").
  std::string Render() const;
  void RenderTo(std::string& out) const;

 private:
  void Check(const std::string& name, const std::vector<std::string>& label_names);
  mutable std::shared_mutex mu_;
  std::vector<std::unique_ptr<Family>> families_;
};

// The Content-Type of Registry::Render's text.
inline constexpr const char* kContentType = "text/plain; version=0.0.4; charset=utf-8";

// Escaping of the text format: label values escape \, " and line feed; HELP text \ and line
// feed.
std::string EscapeLabelValue(std::string_view value);
std::string EscapeHelp(std::string_view help);
// A sample value as the text format writes it (shortest round-trip form, +Inf, -Inf, NaN).
std::string FormatValue(double v);

}  // namespace tsunagu::metrics
