// The recipient's side of an employer link: opening it, a part's form with its draft, saving
// or submitting the answers, and files sent back.
#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "api/json.hpp"
#include "auth/record_access.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "crypto/random.hpp"
#include "documents/document_rows.hpp"
#include "employment/links/link_rows.hpp"
#include "employment/links/link_service.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::employment::links {
namespace {

using namespace link_rows;
using storage::Abort;
using storage::GetInt;
using storage::GetText;

const core::Error kGone{core::ErrorCode::kNotFound, "employer_links.gone", {}};

// A part's form asked through a link: the link when it may serve the part now, else why not.
struct PartUse {
  std::optional<Facts> link;
  PartForm pf;
  const forms::FormDefinition* def = nullptr;
  std::string refused;  // "" when an unknown token (no trace), else the logged outcome
};

// Finds the link behind `token` and checks that it is active and asks for `part`; an ended link
// or a part it does not ask for is logged with why, an unknown token leaves no trace.
PartUse UsePart(soci::session& s, const forms::FormCatalog& forms, const audit::Actor& actor,
                const std::string& token, const std::string& part, std::int64_t now,
                const std::string& today) {
  PartUse u;
  auto f = FindByToken(s, token);
  if (!f) return u;
  const std::string state = State(*f, now, today);
  if (state != "active") {
    Log(s, actor, *f, state, now);
    u.refused = state;
    return u;
  }
  u.pf = FormOfPart(part);
  u.def = u.pf.form_type.empty() ? nullptr : forms.Latest(u.pf.form_type);
  if (!Has(f->asks, part) || u.def == nullptr) {
    // Another form of the case is not there to ask for.
    Log(s, actor, *f, "not_asked", now);
    u.refused = "not_asked";
    return u;
  }
  u.link = std::move(f);
  return u;
}

}  // namespace

core::Result<OpenLink> LinkService::Open(const std::string& token, const audit::Actor& actor) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  struct Answer {
    bool served = false;
    OpenLink link;
  };
  auto answer = db_.Write<Answer>([&](soci::session& s) {
    Answer a;
    auto f = FindByToken(s, token);
    if (!f) return a;  // an unknown token leaves no trace
    const std::string state = State(*f, now, today);
    if (state != "active") {
      Log(s, actor, *f, state, now);
      return a;
    }
    Log(s, actor, *f, "served", now);
    const Person p = ReadPerson(s, cipher_, *f);
    Provide(s, cipher_, *f, ShownItems(p), now);
    a.served = true;
    a.link = ToOpen(s, cipher_, *f, p);
    return a;
  });
  if (!answer) return answer.error();
  if (!answer->served) return kGone;
  return std::move(answer->link);
}

core::Result<LinkForm> LinkService::Form(const std::string& token, const audit::Actor& actor,
                                         const std::string& part) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date day = core::DateFromUnixSeconds(now);
  const std::string today = core::ToIso(day);
  struct Answer {
    std::string outcome;
    LinkForm form;
  };
  auto answer = db_.Write<Answer>([&](soci::session& s) {
    Answer a;
    PartUse use = UsePart(s, forms_, actor, token, part, now, today);
    if (!use.link) {
      a.outcome = use.refused;
      return a;
    }
    const Facts* f = &*use.link;
    const PartForm& pf = use.pf;
    const forms::FormDefinition* def = use.def;
    Log(s, actor, *f, "served", now);
    const Person p = ReadPerson(s, cipher_, *f);
    a.outcome = "served";
    a.form.link = ToOpen(s, cipher_, *f, p);
    a.form.part = part;
    a.form.definition = def;
    a.form.section = pf.section;
    long long lid = f->id;
    std::string draft;
    s << "SELECT data_enc FROM employer_link_draft WHERE link_id = :l AND part = :p",
        soci::into(draft), soci::use(lid), soci::use(part);
    if (s.got_data()) {
      a.form.input = InputFromJson(storage::Unseal(cipher_, draft, DraftAd(lid, part)));
      a.form.from_draft = true;
      Provide(s, cipher_, *f, ShownItems(p), now);
      return a;
    }
    // A new form starts from what the consent shows: only those items are prefilled.
    std::vector<std::string> given;
    for (const auto& sec : def->sections) {
      if (!pf.section.empty() && sec.key != pf.section) continue;
      for (const auto& field : sec.fields) {
        if (field.prefill.empty()) continue;
        const std::string v = PrefillValue(field, p, day);
        if (!v.empty()) a.form.input.emplace(field.key, v);
      }
    }
    Provide(s, cipher_, *f, ShownItems(p), now);
    return a;
  });
  if (!answer) return answer.error();
  if (answer->outcome != "served") return kGone;
  return std::move(answer->form);
}

core::Result<int> LinkService::Save(const std::string& token, const audit::Actor& actor,
                                    const std::string& part, const forms::Input& values,
                                    bool submit) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  struct Answer {
    std::string outcome;
    int revision = 0;
    long long case_id = 0;
    long long entry = 0;
  };
  auto answer = db_.Write<Answer>([&](soci::session& s) {
    Answer a;
    PartUse use = UsePart(s, forms_, actor, token, part, now, today);
    if (!use.link) {
      a.outcome = use.refused;
      return a;
    }
    const Facts* f = &*use.link;
    const PartForm& pf = use.pf;
    const forms::FormDefinition* def = use.def;
    // Only the part's own answers are taken: a field of another section is not the
    // recipient's to write.
    forms::Input mine;
    for (const auto& [k, v] : values) {
      if (InSection(*def, pf.section, k)) mine.emplace(k, v);
    }
    long long lid = f->id;
    long long at = now;
    a.case_id = f->case_id;
    if (!submit) {
      const std::string sealed = cipher_.Encrypt(InputToJson(mine), DraftAd(lid, part));
      s << "INSERT INTO employer_link_draft (link_id, part, data_enc, saved_at) VALUES (:l, :p, "
           ":d, :t) ON CONFLICT (link_id, part) DO UPDATE SET data_enc = excluded.data_enc, "
           "saved_at = excluded.saved_at",
          soci::use(lid), soci::use(part), soci::use(sealed), soci::use(at);
      Log(s, actor, *f, "saved", now, "employer_link.draft");
      a.outcome = "saved";
      return a;
    }
    long long cid = f->case_id;
    long long form_id = 0;
    int current = 0;
    {
      soci::indicator ind = soci::i_null;
      s << "SELECT id, revision FROM case_form WHERE case_id = :c AND form_type = :t",
          soci::into(form_id, ind), soci::into(current), soci::use(cid), soci::use(pf.form_type);
      if (!s.got_data() || ind != soci::i_ok) form_id = 0;
    }
    forms::Input full = mine;
    if (!pf.section.empty() && form_id != 0) {
      // The assessment's other sections stay as the case has them.
      std::string data_enc;
      s << "SELECT data_enc FROM case_form_revision WHERE form_id = :f AND revision = :r",
          soci::into(data_enc), soci::use(form_id), soci::use(current);
      auto plain = cipher_.Decrypt(data_enc, FormDataAd(form_id, current));
      if (!plain) throw Abort{plain.error()};
      boost::system::error_code ec;
      auto parsed = boost::json::parse(*plain, ec);
      if (!ec && parsed.is_object()) {
        for (auto& [k, v] : forms::ToInput(*def, parsed.as_object())) {
          if (!InSection(*def, pf.section, k)) full.emplace(k, v);
        }
      }
    }
    forms::Checked checked = forms::Check(*def, full);
    if (!pf.section.empty()) {
      // The recipient answers for their section only: what the rest of the sheet still lacks
      // is for the staff to complete.
      auto& e = checked.errors;
      e.erase(std::remove_if(e.begin(), e.end(),
                             [&](const core::FieldError& fe) {
                               return !InSection(*def, pf.section, fe.field);
                             }),
              e.end());
    }
    if (!checked.errors.empty()) {
      throw Abort{core::Error::Invalid("forms.error.invalid", std::move(checked.errors))};
    }
    long long org = f->org_id;
    if (form_id == 0) {
      soci::indicator ind = soci::i_null;
      s << "INSERT INTO case_form (case_id, organization_id, form_type, form_version, revision, "
           "created_at, updated_at) VALUES (:c, :o, :t, :v, 1, :at, :at2) ON CONFLICT (case_id, "
           "form_type) DO NOTHING RETURNING id",
          soci::use(cid), soci::use(org), soci::use(pf.form_type), soci::use(def->form_version),
          soci::use(at), soci::use(at), soci::into(form_id, ind);
      if (!s.got_data() || ind != soci::i_ok) {
        throw Abort{core::Error::Conflict("forms.error.stale")};
      }
      current = 1;
    } else {
      const int next = current + 1;
      int expected = current;
      soci::statement st =
          (s.prepare << "UPDATE case_form SET revision = :n, form_version = :v, updated_at = :at "
                        "WHERE id = :id AND revision = :e",
           soci::use(next), soci::use(def->form_version), soci::use(at), soci::use(form_id),
           soci::use(expected));
      st.execute(true);
      if (st.get_affected_rows() != 1) throw Abort{core::Error::Conflict("forms.error.stale")};
      current = next;
    }
    const std::string sealed = cipher_.Encrypt(
        api::ToJson(boost::json::value(std::move(checked.data))), FormDataAd(form_id, current));
    s << "INSERT INTO case_form_revision (form_id, revision, form_version, data_enc, edited_at, "
         "edited_link_id) VALUES (:f, :r, :v, :d, :at, :l)",
        soci::use(form_id), soci::use(current), soci::use(def->form_version), soci::use(sealed),
        soci::use(at), soci::use(lid);
    s << "DELETE FROM employer_link_draft WHERE link_id = :l AND part = :p", soci::use(lid),
        soci::use(part);
    // The timeline says what came back and through which link. Its author is the staff member
    // who sent the link (timeline entries name a user); the text says the recipient wrote it.
    const std::string body =
        catalog_.Format("ja", "employer_links.timeline.submitted",
                        {{"form", def->name.ja},
                         {"part", catalog_.Get("ja", "employer_links.part." + part)},
                         {"n", std::to_string(current)},
                         {"recipient", catalog_.Get("ja", "employer_links.kind." + f->kind)}});
    const std::string kind = "employer_link";
    long long author = f->created_by;
    s << "INSERT INTO timeline_entry (case_id, organization_id, author_id, kind, occurred_on, "
         "body_enc, created_at, updated_at) VALUES (:c, :o, :u, :k, :d, '', :t, :t2) RETURNING "
         "id",
        soci::use(cid), soci::use(org), soci::use(author), soci::use(kind), soci::use(today),
        soci::use(at), soci::use(at), soci::into(a.entry);
    const std::string sealed_body =
        cipher_.Encrypt(body, "timeline_entry:" + std::to_string(a.entry) + ":body");
    s << "UPDATE timeline_entry SET body_enc = :b WHERE id = :id", soci::use(sealed_body),
        soci::use(a.entry);
    s << "UPDATE support_case SET updated_at = :t WHERE id = :id", soci::use(at), soci::use(cid);
    Log(s, actor, *f, "submitted", now, "employer_link.submit");
    audit::AuditLog::Append(s, actor,
                            {"case_form.save", "case_form", std::to_string(form_id),
                             "{\"form_type\":" + api::JsonString(pf.form_type) + ",\"revision\":" +
                                 std::to_string(current) + ",\"link\":" + std::to_string(lid) + "}",
                             org},
                            now);
    a.outcome = "submitted";
    a.revision = current;
    return a;
  });
  if (!answer) return answer.error();
  if (answer->outcome == "submitted") {
    bus_.Publish("case:" + std::to_string(answer->case_id), "timeline",
                 std::to_string(answer->entry));
    return answer->revision;
  }
  if (answer->outcome == "saved") return 0;
  return kGone;
}

core::Result<std::int64_t> LinkService::Upload(const std::string& token, const audit::Actor& actor,
                                               const std::string& filename,
                                               const std::string& bytes, const std::string& title) {
  std::string type;
  auto errors = documents::detail::CheckFile(filename, bytes, type);
  const std::string clean_title = OneLine(title);
  if (core::CountCodePoints(clean_title) > documents::kMaxTitle) {
    errors.push_back({"title", "error.too_long"});
  }
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  struct Answer {
    std::string outcome;
    long long document = 0;
    long long case_id = 0;
    long long entry = 0;
  };
  auto answer = db_.Write<Answer>([&](soci::session& s) {
    Answer a;
    auto f = FindByToken(s, token);
    if (!f) return a;
    const std::string state = State(*f, now, today);
    if (state != "active") {
      Log(s, actor, *f, state, now);
      a.outcome = state;
      return a;
    }
    if (!Has(f->asks, "upload")) {
      Log(s, actor, *f, "not_asked", now);
      a.outcome = "not_asked";
      return a;
    }
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    long long org = f->org_id;
    long long cid = f->case_id;
    long long author = f->created_by;
    long long lid = f->id;
    long long at = now;
    // Stored like every other document: encrypted whole, typed by its bytes. The document names
    // the staff member who sent the link as its uploader; employer_link_document says it came
    // through the link.
    const long long file =
        documents::detail::StoreFile(s, cipher_, org, author, type, filename, bytes, now);
    s << "INSERT INTO case_document (case_id, organization_id, file_id, title_enc, uploaded_by, "
         "created_at) VALUES (:c, :o, :f, '', :u, :t) RETURNING id",
        soci::use(cid), soci::use(org), soci::use(file), soci::use(author), soci::use(at),
        soci::into(a.document);
    const std::string shown_title = clean_title.empty()
                                        ? catalog_.Get("ja", "employer_links.upload.default_title")
                                        : clean_title;
    const std::string sealed_title =
        cipher_.Encrypt(shown_title, documents::detail::TitleAd(a.document));
    s << "UPDATE case_document SET title_enc = :t WHERE id = :id", soci::use(sealed_title),
        soci::use(a.document);
    s << "INSERT INTO employer_link_document (document_id, link_id) VALUES (:d, :l)",
        soci::use(a.document), soci::use(lid);
    const std::string kind = "document";
    s << "INSERT INTO timeline_entry (case_id, organization_id, author_id, kind, occurred_on, "
         "body_enc, created_at, updated_at) VALUES (:c, :o, :u, :k, :d, '', :t, :t2) RETURNING "
         "id",
        soci::use(cid), soci::use(org), soci::use(author), soci::use(kind), soci::use(today),
        soci::use(at), soci::use(at), soci::into(a.entry);
    const std::string body = cipher_.Encrypt(
        catalog_.Format("ja", "employer_links.timeline.uploaded",
                        {{"title", shown_title},
                         {"recipient", catalog_.Get("ja", "employer_links.kind." + f->kind)}}),
        "timeline_entry:" + std::to_string(a.entry) + ":body");
    s << "UPDATE timeline_entry SET body_enc = :b WHERE id = :id", soci::use(body),
        soci::use(a.entry);
    s << "UPDATE support_case SET updated_at = :t WHERE id = :id", soci::use(at), soci::use(cid);
    Log(s, actor, *f, "uploaded", now, "employer_link.upload");
    a.outcome = "uploaded";
    a.case_id = cid;
    return a;
  });
  if (!answer) return answer.error();
  if (answer->outcome != "uploaded") return kGone;
  bus_.Publish("case:" + std::to_string(answer->case_id), "timeline",
               std::to_string(answer->entry));
  return static_cast<std::int64_t>(answer->document);
}

}  // namespace tsunagu::employment::links
