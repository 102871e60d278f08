// Serves the files of web/static/: the server streams them, this class decides which file,
// which headers, and whether the browser's cached copy is still good.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "http/message.hpp"

namespace tsunagu::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // rel_path is relative to root, e.g. "css/app.css" (the route's prefix already removed).
  // nullopt when the path is refused or names no regular file, so the app answers its own
  // 404 page. Otherwise 200 with Response::file_path set, or 304 when If-None-Match matches.
  std::optional<Response> Serve(const Request& req, std::string_view rel_path) const;

 private:
  std::filesystem::path root_;  // canonical when the root exists, so containment checks work
};

}  // namespace tsunagu::http
