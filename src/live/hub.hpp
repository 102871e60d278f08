// Who is watching what, in this process: the event streams of open pages, by topic
// ("case:42"). Streams are held weakly; the connection that carries one owns it.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "http/event_stream.hpp"

namespace tsunagu::live {

class Hub {
 public:
  Hub() = default;
  Hub(const Hub&) = delete;
  Hub& operator=(const Hub&) = delete;

  // A new stream for one client of this topic; return it in the http::Response. The caller
  // must have authorised the client for the topic: the hub does not decide access.
  std::shared_ptr<http::EventStream> Subscribe(const std::string& topic);
  // Sends the event to every open stream of the topic and forgets the closed ones.
  void Deliver(const std::string& topic, const std::string& event, const std::string& data);
  // Sends the event to every open stream of every topic: after a gap in delivery (the
  // PostgreSQL listener reconnected), every open page is told to re-fetch.
  void DeliverToAll(const std::string& event, const std::string& data);
  // Open streams of the topic.
  std::size_t Subscribers(const std::string& topic) const;
  // Topics tracked, including some whose streams closed since the last sweep; stays near the
  // number of topics with open streams however many come and go (for tests and metrics).
  std::size_t Topics() const;

 private:
  using Streams = std::vector<std::weak_ptr<http::EventStream>>;
  static void Prune(Streams& streams);
  void SweepLocked();

  mutable std::mutex mu_;
  std::unordered_map<std::string, Streams> topics_;
  std::size_t subscribes_since_sweep_ = 0;
};

}  // namespace tsunagu::live
