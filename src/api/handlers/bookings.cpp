// POST /api/v1/programs/{id}/bookings: a coordinator's system (a hospital's phone line or
// website back office) books a place for a caller. The same service call as the day board's
// "book for a caller" form (DayBoardService::BookForCaller): the same capacity rule decided in
// the database, the same confirmation e-mail, the same audit.
#include <algorithm>
#include <boost/json.hpp>

#include "api/handlers/routes.hpp"
#include "api/json.hpp"
#include "consultations/handlers/board_support.hpp"
#include "consultations/handlers/intake_form.hpp"
#include "web/forms.hpp"

namespace tsunagu::api::handlers {
namespace {

using consultations::BookingRequest;

std::string Text(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The body as a booking request with the form's field meanings. A member of the wrong type
// reads as missing, which the service's validation then names.
BookingRequest ReadRequest(const boost::json::object& o) {
  BookingRequest r;
  if (const auto* slot = o.if_contains("slot_id"); slot && slot->is_int64()) {
    r.slot_id = slot->as_int64();
  }
  r.channel = Text(o, "channel");
  r.lang = consultations::PersonLanguage(Text(o, "person_language"));
  const auto* consent = o.if_contains("consent");
  r.consent = consent && consent->is_bool() && consent->as_bool();
  auto& in = r.intake;
  const auto* family = o.if_contains("for_family");
  in.for_family = family && family->is_bool() && family->as_bool();
  if (in.for_family) in.relationship = Text(o, "relationship");
  in.gender = Text(o, "gender");
  in.age_band = Text(o, "age_band");
  in.municipality = Text(o, "municipality");
  const std::string kind = Text(o, "municipality_kind");
  in.municipality_kind = kind.empty() ? std::string("residence") : kind;
  in.heard_from = Text(o, "heard_from");
  in.treatment_status = Text(o, "treatment_status");
  in.work_status = Text(o, "work_status");
  if (const auto* topics = o.if_contains("topics"); topics && topics->is_array()) {
    for (const auto& t : topics->as_array()) {
      if (t.is_string()) in.topics.emplace_back(t.as_string());
    }
  }
  auto& c = r.contact;
  c.name = Text(o, "name");
  c.furigana = Text(o, "furigana");
  c.phone = Text(o, "phone");
  c.email = Text(o, "email");
  c.diagnosis = Text(o, "diagnosis");
  c.notes = Text(o, "notes");
  return r;
}

}  // namespace

app::RouteHandler MakeCreateBooking(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const std::int64_t program_id = web::ParseId(ctx.Param("id"));
    if (program_id == 0) return ProblemResponse(sv.catalog, ctx.lang, 404, "error.not_found");
    boost::system::error_code ec;
    boost::json::value body = boost::json::parse(ctx.request.body, ec);
    if (ec || !body.is_object()) {
      return ProblemResponse(sv.catalog, ctx.lang, 400, "api.error.body");
    }
    const BookingRequest request = ReadRequest(body.as_object());
    // The channels staff book through; the web channel is the public pages' own, with their
    // per-address limit, and walk-ins are registered at the door on the day board.
    auto errors = consultations::ConsultationService::ValidateBooking(request);
    const bool named = std::any_of(errors.begin(), errors.end(),
                                   [](const core::FieldError& e) { return e.field == "channel"; });
    if (!named && request.channel != "phone" && request.channel != "mail") {
      errors.push_back({"channel", "booking.error.channel"});
    }
    if (!errors.empty()) {
      return ProblemResponse(sv.catalog, ctx.lang, 422, "error.form", errors);
    }
    auto program = sv.consultations.GetProgram(*ctx.Who(), program_id);
    if (!program) return ProblemFor(sv.catalog, ctx.lang, program.error());
    auto receipt = sv.board.BookForCaller(
        *ctx.Who(), ctx.Actor(), program_id, request,
        consultations::handlers::ConfirmationMail(sv, request.lang, program->name));
    if (!receipt) return ProblemFor(sv.catalog, ctx.lang, receipt.error());
    return JsonResponse(boost::json::object{{"id", receipt->booking_id},
                                            {"reference", receipt->reference},
                                            {"program_id", program_id},
                                            {"slot_id", request.slot_id}},
                        201);
  };
}

}  // namespace tsunagu::api::handlers
