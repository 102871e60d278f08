// The bus across processes on PostgreSQL: Publish is a NOTIFY on one channel, and each
// process keeps one connection of its own LISTENing there and hands what arrives to its Hub.
// The publishing process hears its own notifications too, so there is one delivery path.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "live/bus.hpp"

namespace tsunagu::live {

class PostgresBus final : public Bus {
 public:
  static constexpr const char* kChannel = "tsunagu_live";

  PostgresBus(Hub& hub, storage::Database& db);
  ~PostgresBus() override;
  PostgresBus(const PostgresBus&) = delete;
  PostgresBus& operator=(const PostgresBus&) = delete;

  // Starts the listener thread and waits up to `wait` for its LISTEN to be in place, so that
  // a message published right after start is not missed. Returns whether it listens; if not,
  // the thread keeps trying in the background. A second call only waits.
  bool Start(std::chrono::milliseconds wait);
  // Start with the usual wait.
  bool Listen() override { return Start(std::chrono::seconds(5)); }
  // Stops the listener promptly and closes its connection. Idempotent.
  void Stop() override;
  void Publish(const std::string& topic, const std::string& event,
               const std::string& data) override;
  bool listening() const;

  // The NOTIFY payload: the three fields joined by spaces, which no field may contain.
  static std::string Encode(std::string_view topic, std::string_view event, std::string_view data);
  struct Message {
    std::string topic;
    std::string event;
    std::string data;
  };
  // nullopt unless the payload is well formed and IsPublishable: anyone who can connect may
  // NOTIFY on the channel, so what arrives is checked like what is sent.
  static std::optional<Message> Decode(std::string_view payload);

 private:
  void Run();
  bool Stopping();
  void SetListening(bool listening);

  Hub& hub_;
  storage::Database& db_;
  std::string conninfo_;
  int wake_fd_ = -1;  // eventfd: Stop() wakes the listener out of poll() at once

  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool listening_ = false;
  std::thread thread_;
};

}  // namespace tsunagu::live
