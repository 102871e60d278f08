#include "sharing/update_notice.hpp"

#include "storage/row.hpp"

namespace tsunagu::sharing {

void Notifier::Send(soci::session& s, const std::string& to, const std::string& lang,
                    const UpdateNotice& notice) const {
  notify::MailMessage m;
  m.to = to;
  m.subject = catalog_.Get(lang, "notice." + notice.kind + ".subject");
  m.text_body = catalog_.Format(lang, "notice." + notice.kind + ".body",
                                {{"link", public_url_ + notice.path}});
  outbox_.Enqueue(s, m, notice.kind);
}

void Notifier::ToOrganization(soci::session& s, std::int64_t org_id, const UpdateNotice& notice,
                              std::int64_t except_user) const {
  long long org = org_id;
  long long except = except_user;
  std::vector<std::pair<std::string, std::string>> to;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT u.email, u.language FROM membership m JOIN app_user u ON u.id = "
                    "m.user_id WHERE m.organization_id = :o AND u.status = 'active' AND m.role IN "
                    "('admin','coordinator','counselor') AND u.id <> :u ORDER BY u.id",
       soci::use(org), soci::use(except));
  for (const auto& r : rows) to.emplace_back(storage::GetText(r, 0), storage::GetText(r, 1));
  for (const auto& [address, lang] : to) Send(s, address, lang, notice);
}

void Notifier::ToUsers(soci::session& s, const std::vector<std::int64_t>& user_ids,
                       const UpdateNotice& notice) const {
  for (auto id : user_ids) {
    long long uid = id;
    std::string email;
    std::string lang;
    s << "SELECT email, language FROM app_user WHERE id = :u AND status = 'active'",
        soci::into(email), soci::into(lang), soci::use(uid);
    if (s.got_data()) Send(s, email, lang, notice);
  }
}

}  // namespace tsunagu::sharing
