// Who is watching what, in this process: the event streams of open pages, by topic
// ("case:42"). Streams are held weakly; the connection that carries one owns it.
//
// A stream lasts only as long as its viewer's right to see (SECURITY.md rule 7): the viewer's
// check (the page's own rule: session still valid, record access still granted) is asked
// again before every event and on a timer, and a stream has a maximum lifetime. One viewer
// holds at most so many streams, so one account cannot take the server's connections.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/event_stream.hpp"

namespace tsunagu::live {

struct HubLimits {
  // How often every open stream's check is asked again when nothing is published.
  std::chrono::seconds recheck{30};
  // After this a stream ends even while access holds (the browser reconnects and catches up).
  std::chrono::seconds max_lifetime{3600};
  // Open streams one viewer (user id) may hold in this process; more are refused.
  std::size_t max_per_viewer = 20;
};

// Who watches a stream. `still_allowed` answers whether they may still see its topic; it is
// called from the publishing thread and the hub's timer, so it must only read what it
// captured (by value) and the database. user_id 0 (with no check): a stream nobody owns
// (tests of the transport).
struct Viewer {
  std::int64_t user_id = 0;
  // What still_allowed checks, when it depends on nothing else (empty: unknown). Streams of
  // one topic whose viewers carry the same key share one check per event: a person with the
  // case open in several tabs is asked about once, not per tab.
  std::string check_key;
  std::function<bool()> still_allowed;
};

class Hub {
 public:
  Hub() : Hub(HubLimits{}) {}
  explicit Hub(HubLimits limits) : limits_(limits) {}
  ~Hub();
  Hub(const Hub&) = delete;
  Hub& operator=(const Hub&) = delete;

  // A new stream for one client of this topic; return it in the http::Response. The caller
  // must have authorised the client for the topic: the hub only asks `viewer` again later.
  // nullptr when the viewer already holds HubLimits::max_per_viewer open streams.
  std::shared_ptr<http::EventStream> Subscribe(const std::string& topic, Viewer viewer = {});
  // Sends the event to every open stream of the topic whose viewer may still see it (the
  // others are closed, without the event) and forgets the closed ones.
  void Deliver(const std::string& topic, const std::string& event, const std::string& data);
  // Sends the event to every open stream of every topic: after a gap in delivery (the
  // PostgreSQL listener reconnected), every open page is told to re-fetch.
  void DeliverToAll(const std::string& event, const std::string& data);
  // One round of the timer now: closes the streams past their lifetime or whose viewer may no
  // longer see them.
  void Recheck();
  // Ends the timer (idempotent; the destructor also does it). Call before the services the
  // checks use go away.
  void Stop();
  // Open streams of the topic.
  std::size_t Subscribers(const std::string& topic) const;
  // Topics tracked, including some whose streams closed since the last sweep; stays near the
  // number of topics with open streams however many come and go (for tests and metrics).
  std::size_t Topics() const;

 private:
  struct Watch {
    Viewer viewer;
    std::chrono::steady_clock::time_point opened;
  };
  struct Entry {
    std::weak_ptr<http::EventStream> stream;
    std::shared_ptr<const Watch> watch;
  };
  struct Target {
    std::shared_ptr<http::EventStream> stream;
    std::shared_ptr<const Watch> watch;
  };
  using Streams = std::vector<Entry>;
  static void Prune(Streams& streams);
  // one_topic: every target is a stream of the same topic, so streams of one session can
  // share their check.
  static void SendChecked(const std::vector<Target>& targets, const std::string& event,
                          const std::string& data, bool one_topic);
  void SweepLocked();
  std::size_t OpenOfViewerLocked(std::int64_t user_id) const;
  void StartTimerLocked();
  void TimerLoop();

  const HubLimits limits_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Streams> topics_;
  std::size_t subscribes_since_sweep_ = 0;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread timer_;  // started with the first stream
};

}  // namespace tsunagu::live
