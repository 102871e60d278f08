#include "forms/form_service.hpp"

#include <boost/json/parse.hpp>

#include "api/json.hpp"
#include "auth/record_access.hpp"
#include "forms/link_editor.hpp"
#include "sharing/shared_view.hpp"
#include "storage/row.hpp"

namespace tsunagu::forms {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

std::string DataAd(long long form_id, int revision) {
  return "case_form_revision:" + std::to_string(form_id) + ":" + std::to_string(revision);
}

// The editor of a revision returned through a link (forms/link_editor.hpp).
std::string LinkEditor(const std::string& kind) {
  return std::string(kLinkEditorMark) + kind;
}

// Audit details name the form and revision only, never an answer.
std::string Detail(const std::string& form_type, int revision) {
  return "{\"form_type\":" + api::JsonString(form_type) +
         ",\"revision\":" + std::to_string(revision) + "}";
}

auth::CaseView Access(soci::session& s, const auth::Principal& who, std::int64_t case_id,
                      core::Date today) {
  auto view = auth::RecordAccess::Case(s, who, case_id, today);
  if (!view) throw Abort{core::Error::NotFound()};
  return *view;
}

const FormDefinition& Definition(const FormCatalog& catalog, const std::string& form_type) {
  const FormDefinition* def = IsFormType(form_type) ? catalog.Latest(form_type) : nullptr;
  if (def == nullptr) throw Abort{core::Error::NotFound()};
  return *def;
}

struct Current {
  long long id = 0;
  int revision = 0;
};

Current Find(soci::session& s, long long case_id, const std::string& form_type) {
  Current c;
  soci::indicator ind = soci::i_null;
  s << "SELECT id, revision FROM case_form WHERE case_id = :c AND form_type = :t",
      soci::into(c.id, ind), soci::into(c.revision), soci::use(case_id), soci::use(form_type);
  if (!s.got_data() || ind != soci::i_ok) return {};
  return c;
}

// The value a prefill source gives for a field, or empty when the field cannot hold it.
std::string PrefillValue(const Field& f, const clients::ClientInput& client, core::Date today) {
  std::string value;
  const std::string& src = f.prefill;
  if (src == "client.name") value = client.name;
  if (src == "client.kana") value = client.kana;
  if (src == "client.municipality") value = client.municipality;
  if (src == "client.diagnosis") value = client.diagnosis;
  if (src == "client.employer") value = client.employer;
  if (src == "client.gender") value = client.gender;
  if (src == "client.treatment_status") value = client.treatment_status;
  if (src == "client.work_status") value = client.work_status;
  if (src == "today") value = core::ToIso(today);
  if (src == "client.birth_year") {
    // Only the year is known: a partial date, a number or text can hold it.
    const bool fits = (f.type == FieldType::kDate && f.partial_date) ||
                      f.type == FieldType::kNumber || f.type == FieldType::kText;
    if (client.birth_year > 0 && fits) value = std::to_string(client.birth_year);
  }
  if (value.empty()) return {};
  switch (f.type) {
    case FieldType::kChoice:
    case FieldType::kYesNo:
      return f.FindChoice(value) != nullptr ? value : std::string();
    case FieldType::kText:
    case FieldType::kTextarea:
    case FieldType::kDate:
    case FieldType::kNumber:
      return value;
    default:
      return {};
  }
}

}  // namespace

core::Result<CaseForms> FormService::List(const auth::Principal& who, std::int64_t case_id) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<CaseForms>([&](soci::session& s) {
    const auth::CaseView view = Access(s, who, case_id, today);
    CaseForms out;
    out.can_edit = view.runs_case;
    for (auto type : kFormTypes) out.forms.push_back({std::string(type), false, {}});
    long long cid = case_id;
    soci::rowset<soci::row> rows =
        (s.prepare
             << "SELECT f.form_type, f.revision, r.form_version, COALESCE(u.display_name, ''), "
                "o.name, r.edited_at, COALESCE(el.recipient_kind, '') FROM case_form f "
                "JOIN case_form_revision r ON r.form_id = f.id AND r.revision = f.revision "
                "LEFT JOIN app_user u ON u.id = r.edited_by LEFT JOIN employer_link el ON "
                "el.id = r.edited_link_id JOIN organization o ON o.id = f.organization_id "
                "WHERE f.case_id = :c",
         soci::use(cid));
    for (const auto& r : rows) {
      const std::string type = GetText(r, 0);
      for (auto& form : out.forms) {
        if (form.form_type != type) continue;
        form.saved = true;
        form.latest.revision = static_cast<int>(GetInt(r, 1));
        form.latest.form_version = GetText(r, 2);
        form.latest.edited_by = GetText(r, 3);
        form.latest.organization_name = GetText(r, 4);
        form.latest.edited_at = GetInt(r, 5);
        if (!GetText(r, 6).empty()) form.latest.edited_by = LinkEditor(GetText(r, 6));
      }
    }
    return out;
  });
}

core::Result<int> FormService::Save(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t case_id, const std::string& form_type,
                                    const Input& values, int expected_revision) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<int>([&](soci::session& s) {
    // Access first: a partner or a stranger learns nothing from validation messages.
    const auth::CaseView view = Access(s, who, case_id, today);
    const FormDefinition& def = Definition(catalog_, form_type);
    if (!view.runs_case) throw Abort{core::Error::Forbidden()};
    Checked checked = Check(def, values);
    if (!checked.errors.empty()) {
      throw Abort{core::Error::Invalid("forms.error.invalid", std::move(checked.errors))};
    }
    long long cid = case_id;
    long long org = who.organization_id;
    long long at = now;
    Current current = Find(s, cid, form_type);
    if (current.id == 0) {
      if (expected_revision != 0) throw Abort{core::Error::Conflict("forms.error.stale")};
      // Two first saves at once: the unique (case_id, form_type) index lets one in.
      soci::indicator ind = soci::i_null;
      long long id = 0;
      s << "INSERT INTO case_form (case_id, organization_id, form_type, form_version, revision, "
           "created_at, updated_at) VALUES (:c, :o, :t, :v, 1, :at, :at2) ON CONFLICT (case_id, "
           "form_type) DO NOTHING RETURNING id",
          soci::use(cid), soci::use(org), soci::use(form_type), soci::use(def.form_version),
          soci::use(at), soci::use(at), soci::into(id, ind);
      if (!s.got_data() || ind != soci::i_ok)
        throw Abort{core::Error::Conflict("forms.error.stale")};
      current = {id, 1};
    } else {
      if (current.revision != expected_revision) {
        throw Abort{core::Error::Conflict("forms.error.stale")};
      }
      const int next = current.revision + 1;
      int expected = current.revision;
      soci::statement st =
          (s.prepare << "UPDATE case_form SET revision = :n, form_version = :v, updated_at = :at "
                        "WHERE id = :id AND revision = :e",
           soci::use(next), soci::use(def.form_version), soci::use(at), soci::use(current.id),
           soci::use(expected));
      st.execute(true);
      if (st.get_affected_rows() != 1) throw Abort{core::Error::Conflict("forms.error.stale")};
      current.revision = next;
    }
    const std::string sealed =
        cipher_.Encrypt(api::ToJson(boost::json::value(std::move(checked.data))),
                        DataAd(current.id, current.revision));
    long long user = who.user_id;
    s << "INSERT INTO case_form_revision (form_id, revision, form_version, data_enc, edited_by, "
         "edited_at) VALUES (:f, :r, :v, :d, :u, :at)",
        soci::use(current.id), soci::use(current.revision), soci::use(def.form_version),
        soci::use(sealed), soci::use(user), soci::use(at);
    s << "UPDATE support_case SET updated_at = :at WHERE id = :id", soci::use(at), soci::use(cid);
    audit::AuditLog::Append(s, actor,
                            {"case_form.save", "case_form", std::to_string(current.id),
                             Detail(form_type, current.revision)},
                            now);
    return current.revision;
  });
}

core::Result<FormRecord> FormService::Get(const auth::Principal& who, const audit::Actor& actor,
                                          std::int64_t case_id, const std::string& form_type,
                                          int revision) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<FormRecord>([&](soci::session& s) {
    const auth::CaseView view = Access(s, who, case_id, today);
    const FormDefinition& def = Definition(catalog_, form_type);
    FormRecord out;
    out.case_id = case_id;
    out.form_type = form_type;
    out.form_version = def.form_version;
    out.can_edit = view.runs_case;
    const Current current = Find(s, case_id, form_type);
    out.latest_revision = current.revision;
    if (current.id == 0) {
      if (revision != 0) throw Abort{core::Error::NotFound()};
      return out;
    }
    const int wanted = revision == 0 ? current.revision : revision;
    if (wanted < 1 || wanted > current.revision) throw Abort{core::Error::NotFound()};
    soci::row r;
    s << "SELECT r.form_version, r.data_enc, COALESCE(u.display_name, ''), r.edited_at, "
         "COALESCE(el.recipient_kind, '') FROM case_form_revision r LEFT JOIN app_user u ON u.id "
         "= r.edited_by LEFT JOIN employer_link el ON el.id = r.edited_link_id WHERE r.form_id = "
         ":f AND r.revision = :r",
        soci::into(r), soci::use(current.id), soci::use(wanted);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    out.revision = wanted;
    out.form_version = GetText(r, 0);
    out.edited_by = GetText(r, 2);
    out.edited_at = GetInt(r, 3);
    if (!GetText(r, 4).empty()) out.edited_by = LinkEditor(GetText(r, 4));
    auto plain = cipher_.Decrypt(GetText(r, 1), DataAd(current.id, wanted));
    if (!plain) throw Abort{plain.error()};
    boost::system::error_code ec;
    auto parsed = boost::json::parse(*plain, ec);
    if (ec || !parsed.is_object()) throw Abort{core::Error::Internal()};
    out.data = std::move(parsed.as_object());
    if (!view.runs_case) {
      // The running organisation's record seen by a partner: a provision under the consent.
      sharing::RecordSharedView(s, cipher_, who, view, now);
    }
    audit::AuditLog::Append(
        s, actor,
        {"case_form.read", "case_form", std::to_string(current.id), Detail(form_type, wanted)},
        now);
    return out;
  });
}

core::Result<std::vector<RevisionInfo>> FormService::History(const auth::Principal& who,
                                                             std::int64_t case_id,
                                                             const std::string& form_type) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::vector<RevisionInfo>>([&](soci::session& s) {
    Access(s, who, case_id, today);
    Definition(catalog_, form_type);
    std::vector<RevisionInfo> out;
    long long cid = case_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT r.revision, r.form_version, COALESCE(u.display_name, ''), o.name, "
                      "r.edited_at, COALESCE(el.recipient_kind, '') FROM case_form_revision r "
                      "JOIN case_form f ON f.id = r.form_id LEFT JOIN app_user u ON u.id = "
                      "r.edited_by LEFT JOIN employer_link el ON el.id = r.edited_link_id JOIN "
                      "organization o ON o.id = f.organization_id WHERE f.case_id = :c AND "
                      "f.form_type = :t ORDER BY r.revision DESC",
         soci::use(cid), soci::use(form_type));
    for (const auto& r : rows) {
      RevisionInfo info;
      info.revision = static_cast<int>(GetInt(r, 0));
      info.form_version = GetText(r, 1);
      info.edited_by = GetText(r, 2);
      info.organization_name = GetText(r, 3);
      info.edited_at = GetInt(r, 4);
      if (!GetText(r, 5).empty()) info.edited_by = LinkEditor(GetText(r, 5));
      out.push_back(std::move(info));
    }
    return out;
  });
}

core::Result<Input> FormService::Prefill(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t case_id, const std::string& form_type) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  auto seen = db_.Read<std::int64_t>([&](soci::session& s) {
    const auth::CaseView view = Access(s, who, case_id, today);
    Definition(catalog_, form_type);
    return view.client_id;
  });
  if (!seen) return seen.error();
  const FormDefinition& def = *catalog_.Latest(form_type);
  // The client as this organisation may see it: items outside its consent come back empty.
  clients::ClientInput client;
  if (auto got = clients_.Get(who, actor, *seen)) {
    client = got->data;
  } else if (got.error().code != core::ErrorCode::kNotFound) {
    return got.error();
  }
  Input in;
  for (const auto& section : def.sections) {
    for (const auto& f : section.fields) {
      if (f.type == FieldType::kRows) {
        for (const auto& column : f.columns) {
          for (std::size_t row = 0; row < column.row_defaults.size(); ++row) {
            in.emplace(f.key + "." + std::to_string(row) + "." + column.key,
                       column.row_defaults[row]);
          }
        }
        continue;
      }
      if (f.prefill.empty()) continue;
      const std::string value = PrefillValue(f, client, today);
      if (!value.empty()) in.emplace(f.key, value);
    }
  }
  return in;
}

}  // namespace tsunagu::forms
