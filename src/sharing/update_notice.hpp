// E-mail to staff that something changed on a shared record (SECURITY.md rule 11): it says
// only that there is an update and links to it. No name, diagnosis or text from the record.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "notify/outbox.hpp"

namespace tsunagu::sharing {

struct UpdateNotice {
  std::string kind;  // outbox label and message key: "notice.<kind>.subject" / ".body"
  std::string path;  // "/referrals/12": the link is public_url + path
};

class Notifier {
 public:
  Notifier(notify::Outbox& outbox, const core::Catalog& catalog, std::string public_url)
      : outbox_(outbox), catalog_(catalog), public_url_(std::move(public_url)) {}

  // To the active members of `org_id` who may see shared records (admin, coordinator,
  // counselor), each in their own language; `except_user` (the one who acted) is left out.
  void ToOrganization(soci::session& s, std::int64_t org_id, const UpdateNotice& notice,
                      std::int64_t except_user) const;
  // To these users (mentions, task owners), each in their own language.
  void ToUsers(soci::session& s, const std::vector<std::int64_t>& user_ids,
               const UpdateNotice& notice) const;

 private:
  void Send(soci::session& s, const std::string& to, const std::string& lang,
            const UpdateNotice& notice) const;

  notify::Outbox& outbox_;
  const core::Catalog& catalog_;
  std::string public_url_;
};

}  // namespace tsunagu::sharing
