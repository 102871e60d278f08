#include "http/server.hpp"

#include <memory>
#include <utility>

#include "http/connection.hpp"

namespace tsunagu::http {

using detail::ServerCore;

struct Server::Impl {
  ServerCore core;
  Impl(ServerOptions options, Handler handler, ErrorResponder on_error)
      : core(std::move(options), std::move(handler), std::move(on_error)) {}
};

Server::Server(ServerOptions options, Handler handler, ErrorResponder on_error)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(on_error))) {}

Server::~Server() = default;

std::uint16_t Server::Start() {
  return impl_->core.Start();
}

void Server::Wait(bool handle_signals) {
  impl_->core.Wait(handle_signals);
}

void Server::Stop() {
  impl_->core.Stop();
}

}  // namespace tsunagu::http
