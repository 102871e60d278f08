// 相談記録 (seed 001 オ): the record form of one attended consultation, its print view, the
// day's collection status (回収状況) and the day's prep-meeting and debrief notes (エ, カ).
// Every route needs kOrgCounsel; the service answers NotFound for another organisation's
// programme, day or booking, shown exactly like a missing one.

#include "consultations/handlers/handoff.hpp"
#include "consultations/handlers/intake_form.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/record_resources.hpp"
#include "consultations/handlers/routes.hpp"
#include "orgs/model.hpp"
#include "web/forms.hpp"
#include "web/lines.hpp"

namespace tsunagu::consultations::handlers {
namespace {

std::string Labels(const app::Services& sv, const web::RequestContext& ctx,
                   const std::string& prefix, const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) {
    if (!out.empty()) out += sv.pages.T(ctx, "record.list_separator");
    out += sv.pages.T(ctx, prefix + code);
  }
  return out;
}

std::string RecordPath(const Ids& ids) {
  return BookingPath(ids) + "/record";
}

void SetIds(ctemplate::TemplateDictionary& dict, const Ids& ids) {
  dict.SetIntValue("ID", ids.program);
  dict.SetIntValue("DAY_ID", ids.day);
  dict.SetIntValue("BOOKING_ID", ids.booking);
  dict.SetValue("DAY_PATH", DayPath(ids));
  dict.SetValue("RECORD_PATH", RecordPath(ids));
}

// When, the reference and the intake: what the record is about, never who (no name).
void AddBookingHeader(const app::Services& sv, const web::RequestContext& ctx,
                      ctemplate::TemplateDictionary& dict, const RecordBooking& b) {
  dict.SetValue("DATE", core::FormatDate(b.date, ctx.lang));
  dict.SetValue("TIME", TimeRange(b.start_minutes, b.end_minutes));
  dict.SetValue("REFERENCE", b.reference);
  auto add = [&](const std::string& label_key, const std::string& value) {
    if (value.empty()) return;
    auto* row = dict.AddSectionDictionary("INTAKE");
    row->SetValue("LABEL", sv.pages.T(ctx, label_key));
    row->SetValue("VALUE", value);
  };
  std::string who = sv.pages.T(
      ctx, b.intake.for_family ? "booking.form.for_family_family" : "booking.form.for_family_self");
  if (b.intake.for_family && !b.intake.relationship.empty()) {
    who += "（" + b.intake.relationship + "）";
  }
  add("record.intake.who", who);
  if (!b.intake.gender.empty()) {
    add("record.intake.gender", sv.pages.T(ctx, "intake.genders." + b.intake.gender));
  }
  if (!b.intake.age_band.empty()) {
    add("record.intake.age_band", sv.pages.T(ctx, "intake.age_bands." + b.intake.age_band));
  }
  if (!b.intake.municipality.empty()) {
    add("record.intake.municipality",
        b.intake.municipality + "（" +
            sv.pages.T(ctx, "intake.municipality_short." + b.intake.municipality_kind) + "）");
  }
  if (!b.intake.treatment_status.empty()) {
    add("record.intake.treatment_status",
        sv.pages.T(ctx, "intake.treatment_statuses." + b.intake.treatment_status));
  }
  if (!b.intake.work_status.empty()) {
    add("record.intake.work_status",
        sv.pages.T(ctx, "intake.work_statuses." + b.intake.work_status));
  }
  add("record.intake.topics", Labels(sv, ctx, "intake.topics.", b.intake.topics));
  if (b.needs_consideration) dict.ShowSection("NEEDS_CONSIDERATION");
}

// ---------------------------------------------------------------- the record form

RecordInput ReadInput(const web::RequestContext& ctx) {
  RecordInput in;
  in.professions = ctx.FormValues("professions");
  in.topics = ctx.FormValues("topics");
  in.referred_to = ctx.FormValues("referred_to");
  in.outcome = ctx.Form("outcome");
  in.follow_up = ctx.Form("follow_up");
  in.minutes = web::ParseInt(ctx.Form("minutes"));
  in.summary = ctx.Form("summary");
  in.info_given = ctx.Form("info_given");
  in.handoff_wished = ctx.Form("handoff_wished") == "1";
  return in;
}

// A new record starts from what is known: the assigned counselors' professions, the topics
// the person asked about, and the slot's length.
RecordInput Defaults(const RecordBooking& b) {
  RecordInput in;
  in.professions = b.counselor_professions;
  in.topics = RecordTopicsFromIntake(b.intake.topics);
  in.minutes = b.slot_minutes;
  return in;
}

http::Response ShowForm(app::Services& sv, web::RequestContext& ctx, const Ids& ids,
                        const RecordBooking& booking, const RecordInput& values,
                        const std::optional<ConsultationRecord>& record, const core::Error* error,
                        int status = 200) {
  ctemplate::TemplateDictionary dict("records_form");
  SetIds(dict, ids);
  AddBookingHeader(sv, ctx, dict, booking);
  if (booking.has_record) {
    dict.ShowSection("EDITING");
  } else {
    dict.ShowSection("NEW");
  }
  if (record) {
    auto* meta = dict.AddSectionDictionary("META");
    meta->SetValue("TEXT", sv.catalog.Format(ctx.lang, "record.form.meta",
                                             {{"version", std::to_string(record->version)},
                                              {"updated", DateTimeOf(ctx, record->updated_at)},
                                              {"author", record->author_name}}));
  }
  AddChoices(sv, ctx, dict, "PROFESSION", "professions", "profession.", orgs::kProfessions,
             values.professions);
  AddChoices(sv, ctx, dict, "TOPIC", "topics", "record.topic.", kRecordTopics, values.topics);
  // The fixed list gave way to the directory picks: only a record that has its codes still
  // shows them (to keep or clear).
  if (!values.referred_to.empty()) {
    dict.ShowSection("HAS_REFERRED");
    AddChoices(sv, ctx, dict, "REFERRED", "referred_to", "record.referred.", kReferredTo,
               values.referred_to);
  }
  AddResourcePicks(sv, ctx, dict, ids.program, ids.booking, error != nullptr);
  AddChoices(sv, ctx, dict, "OUTCOME", "outcome", "record.outcome.", kOutcomes, {values.outcome});
  AddChoices(sv, ctx, dict, "FOLLOW_UP", "follow_up", "record.follow_up.", kFollowUps,
             {values.follow_up});
  dict.ShowSection(values.handoff_wished ? "HANDOFF_WISHED" : "HANDOFF_NOT_WISHED");
  dict.SetValue("V_SUMMARY", values.summary);
  dict.SetValue("V_INFO_GIVEN", values.info_given);
  dict.SetIntValue("MAX_TEXT", static_cast<long>(RecordService::kMaxText));
  if (error) {
    sv.pages.AddErrors(dict, ctx, *error);
    // What was typed, even when it is not a number.
    web::KeepInput(dict, ctx, {"minutes", "summary", "info_given"});
  } else {
    dict.SetIntValue("V_MINUTES", values.minutes);
  }
  return sv.pages.Render(ctx, "records/form",
                         booking.has_record ? "record.form.title_edit" : "record.form.title_new",
                         dict, status);
}

http::Response RecordForm(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto booking = sv.records.Booking(*ctx.Who(), ids.program, ids.day, ids.booking);
  if (!booking) return Failure(sv, ctx, booking.error());
  if (booking->status != "attended") return sv.pages.Error(ctx, 409, "record.error.not_attended");
  std::optional<ConsultationRecord> record;
  if (booking->has_record) {
    auto got = sv.records.Get(*ctx.Who(), ctx.Actor(), ids.program, ids.booking);
    if (!got) return Failure(sv, ctx, got.error());
    record = *got;
  }
  const RecordInput values = record ? record->input : Defaults(*booking);
  return ShowForm(sv, ctx, ids, *booking, values, record, nullptr);
}

http::Response SaveRecord(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto booking = sv.records.Booking(*ctx.Who(), ids.program, ids.day, ids.booking);
  if (!booking) return Failure(sv, ctx, booking.error());
  const RecordInput in = ReadInput(ctx);
  if (auto bad = CheckResourcePicks(sv, ctx, ids.program, ids.booking)) {
    if (bad->code != core::ErrorCode::kInvalidInput) return Failure(sv, ctx, *bad);
    return ShowForm(sv, ctx, ids, *booking, in, std::nullopt, &*bad, 422);
  }
  auto saved = sv.records.Save(*ctx.Who(), ctx.Actor(), ids.program, ids.booking, in);
  if (!saved) {
    if (saved.error().code == core::ErrorCode::kInvalidInput) {
      return ShowForm(sv, ctx, ids, *booking, in, std::nullopt, &saved.error(),
                      web::StatusFor(saved.error().code));
    }
    return Failure(sv, ctx, saved.error());
  }
  if (auto linked = SaveResourcePicks(sv, ctx, ids.program, ids.booking); !linked) {
    return Failure(sv, ctx, linked.error());
  }
  return web::SeeOther(DayPath(ids) + "/records?saved=" + std::to_string(ids.booking));
}

// ---------------------------------------------------------------- one record, for print

http::Response ViewRecord(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto booking = sv.records.Booking(*ctx.Who(), ids.program, ids.day, ids.booking);
  if (!booking) return Failure(sv, ctx, booking.error());
  if (!booking->has_record) return sv.pages.Error(ctx, 404, "error.not_found");
  auto record = sv.records.Get(*ctx.Who(), ctx.Actor(), ids.program, ids.booking);
  if (!record) return Failure(sv, ctx, record.error());
  if (!*record) return sv.pages.Error(ctx, 404, "error.not_found");
  const ConsultationRecord& r = **record;
  ctemplate::TemplateDictionary dict("records_view");
  SetIds(dict, ids);
  AddBookingHeader(sv, ctx, dict, *booking);
  auto field = [&](const std::string& label_key, const std::string& value) {
    auto* row = dict.AddSectionDictionary("FIELD");
    row->SetValue("LABEL", sv.pages.T(ctx, label_key));
    row->SetValue("VALUE", value.empty() ? sv.pages.T(ctx, "record.view.none") : value);
  };
  field("record.field.professions", Labels(sv, ctx, "profession.", r.input.professions));
  field("record.field.topics", Labels(sv, ctx, "record.topic.", r.input.topics));
  field("record.field.referred_to", Labels(sv, ctx, "record.referred.", r.input.referred_to));
  field("record_resources.field", ResourceNames(sv, ctx, ids.program, ids.booking));
  field("record.field.outcome", sv.pages.T(ctx, "record.outcome." + r.input.outcome));
  field("record.field.follow_up", sv.pages.T(ctx, "record.follow_up." + r.input.follow_up));
  field("record.field.minutes", sv.catalog.Format(ctx.lang, "record.view.minutes",
                                                  {{"minutes", std::to_string(r.input.minutes)}}));
  if (r.input.summary.empty()) {
    dict.ShowSection("NO_SUMMARY");
  } else {
    web::AddLines(dict, "SUMMARY_LINE", r.input.summary);
  }
  if (r.input.info_given.empty()) {
    dict.ShowSection("NO_INFO_GIVEN");
  } else {
    web::AddLines(dict, "INFO_LINE", r.input.info_given);
  }
  dict.SetValue("META", sv.catalog.Format(ctx.lang, "record.form.meta",
                                          {{"version", std::to_string(r.version)},
                                           {"updated", DateTimeOf(ctx, r.updated_at)},
                                           {"author", r.author_name}}));
  AddHandoffPanel(sv, ctx, dict, ids, r.input.handoff_wished);
  return sv.pages.Render(ctx, "records/view",
                         web::Title{"record.view.title_of",
                                    {{"date", core::FormatDate(booking->date, ctx.lang)},
                                     {"reference", booking->reference}}},
                         dict);
}

// ---------------------------------------------------------------- the day's records

http::Response DayRecords(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto status = sv.records.DayStatus(*ctx.Who(), ids.program, ids.day);
  if (!status) return Failure(sv, ctx, status.error());
  ctemplate::TemplateDictionary dict("records_day");
  SetIds(dict, ids);
  dict.SetValue("DATE", core::FormatDate(status->day.date, ctx.lang));
  dict.SetValue("TIME", TimeRange(status->day.start_minutes, status->day.end_minutes));
  if (ctx.request.Query("saved")) dict.ShowSection("SAVED");
  if (status->missing > 0) {
    dict.AddSectionDictionary("MISSING")->SetValue(
        "TEXT", sv.catalog.Format(ctx.lang, "record.day.missing_banner",
                                  {{"count", std::to_string(status->missing)}}));
  } else if (!status->attended.empty()) {
    dict.ShowSection("ALL_WRITTEN");
  }
  if (status->attended.empty()) {
    dict.ShowSection("NONE");
  } else {
    dict.ShowSection("HAS_ROWS");
  }
  dict.SetValue("CAPTION", sv.catalog.Format(ctx.lang, "record.day.caption",
                                             {{"count", std::to_string(status->attended.size())}}));
  for (const auto& b : status->attended) {
    auto* row = dict.AddSectionDictionary("ROW");
    Ids one = ids;
    one.booking = b.booking_id;
    row->SetValue("RECORD_PATH", RecordPath(one));
    row->SetValue("TIME", TimeRange(b.start_minutes, b.end_minutes));
    row->SetValue("REFERENCE", b.reference);
    row->SetValue("PROFESSIONS", Labels(sv, ctx, "profession.", b.counselor_professions));
    if (b.has_record) {
      row->ShowSection("WRITTEN");
    } else {
      row->ShowSection("NOT_WRITTEN");
    }
  }
  return sv.pages.Render(ctx, "records/day", "record.day.title", dict);
}

// ---------------------------------------------------------------- the day's notes

http::Response ShowNotes(app::Services& sv, web::RequestContext& ctx, const Ids& ids,
                         const DayNotes* notes, const core::Error* error, int status = 200) {
  auto day = sv.records.DayStatus(*ctx.Who(), ids.program, ids.day);
  if (!day) return Failure(sv, ctx, day.error());
  ctemplate::TemplateDictionary dict("records_notes");
  SetIds(dict, ids);
  dict.SetValue("DATE", core::FormatDate(day->day.date, ctx.lang));
  dict.SetValue("TIME", TimeRange(day->day.start_minutes, day->day.end_minutes));
  dict.SetIntValue("MAX_TEXT", static_cast<long>(RecordService::kMaxText));
  if (ctx.request.Query("saved")) dict.ShowSection("SAVED");
  if (error) {
    sv.pages.AddErrors(dict, ctx, *error);
    web::KeepInput(dict, ctx, {"prep", "debrief"});
  } else if (notes) {
    dict.SetValue("V_PREP", notes->prep);
    dict.SetValue("V_DEBRIEF", notes->debrief);
  }
  return sv.pages.Render(ctx, "records/notes", "record.notes.title", dict, status);
}

http::Response NotesForm(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto notes = sv.records.GetDayNotes(*ctx.Who(), ctx.Actor(), ids.program, ids.day);
  if (!notes) return Failure(sv, ctx, notes.error());
  return ShowNotes(sv, ctx, ids, &*notes, nullptr);
}

http::Response SaveNotes(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  const DayNotes notes{ctx.Form("prep"), ctx.Form("debrief")};
  auto saved = sv.records.SaveDayNotes(*ctx.Who(), ctx.Actor(), ids.program, ids.day, notes);
  if (!saved) {
    if (saved.error().code == core::ErrorCode::kInvalidInput) {
      return ShowNotes(sv, ctx, ids, nullptr, &saved.error(), web::StatusFor(saved.error().code));
    }
    return Failure(sv, ctx, saved.error());
  }
  return web::SeeOther(DayPath(ids) + "/notes?saved=1");
}

// Wraps a handler taking the path's ids; a malformed id is a missing page.
app::RouteHandler WithIds(app::Services& sv, bool with_booking,
                          std::function<http::Response(web::RequestContext&, const Ids&)> f) {
  return [&sv, with_booking, f = std::move(f)](web::RequestContext& ctx) {
    Ids ids;
    ids.program = web::ParseId(ctx.Param("id"));
    ids.day = web::ParseId(ctx.Param("day_id"));
    if (with_booking) ids.booking = web::ParseId(ctx.Param("booking_id"));
    if (ids.program <= 0 || ids.day <= 0 || (with_booking && ids.booking <= 0)) {
      return sv.pages.Error(ctx, 404, "error.not_found");
    }
    return f(ctx, ids);
  };
}

}  // namespace

void AddRecordRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  const std::string day = "/programs/{id}/days/{day_id}";
  const std::string record = day + "/bookings/{booking_id}/record";
  router.Add({"GET", record, Permission::kOrgCounsel,
              WithIds(sv, true, [&sv](web::RequestContext& ctx, const Ids& ids) {
                return RecordForm(sv, ctx, ids);
              })});
  router.Add({"POST", record, Permission::kOrgCounsel,
              WithIds(sv, true, [&sv](web::RequestContext& ctx, const Ids& ids) {
                return SaveRecord(sv, ctx, ids);
              })});
  router.Add({"GET", record + "/view", Permission::kOrgCounsel,
              WithIds(sv, true, [&sv](web::RequestContext& ctx, const Ids& ids) {
                return ViewRecord(sv, ctx, ids);
              })});
  router.Add({"GET", day + "/records", Permission::kOrgCounsel,
              WithIds(sv, false, [&sv](web::RequestContext& ctx, const Ids& ids) {
                return DayRecords(sv, ctx, ids);
              })});
  router.Add({"GET", day + "/notes", Permission::kOrgCounsel,
              WithIds(sv, false, [&sv](web::RequestContext& ctx, const Ids& ids) {
                return NotesForm(sv, ctx, ids);
              })});
  router.Add({"POST", day + "/notes", Permission::kOrgCounsel,
              WithIds(sv, false, [&sv](web::RequestContext& ctx, const Ids& ids) {
                return SaveNotes(sv, ctx, ids);
              })});
}

}  // namespace tsunagu::consultations::handlers
