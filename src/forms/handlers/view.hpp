// Template dictionaries built from a form's definition: the controls of the edit page (with what
// was typed and the errors by each control), and the answers for reading and printing.
#pragma once

#include <ctemplate/template.h>

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "core/result.hpp"
#include "forms/form_catalog.hpp"
#include "forms/form_data.hpp"
#include "forms/form_service.hpp"
#include "web/context.hpp"

namespace tsunagu::forms::handlers {

std::string FormsPath(std::int64_t case_id);
std::string FormPath(std::int64_t case_id, const std::string& form_type);

// SECTION → FIELD dictionaries of forms/edit (see forms/field and forms/control). `errors` are
// the service's field errors, keyed by input name.
void AddEditFields(const app::Services& sv, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary& dict, const FormDefinition& def,
                   const Input& input, const std::vector<core::FieldError>& errors);

// The error summary at the top, each message prefixed with its field's label and linked to the
// control.
void AddErrorSummary(const app::Services& sv, const web::RequestContext& ctx,
                     ctemplate::TemplateDictionary& dict, const FormDefinition& def,
                     const std::vector<core::FieldError>& errors);

// SECTION → ITEM dictionaries with the answers (LINE sections, or a TABLE for rows) in the
// definition's order, labels in `lang`, dates in `style`. On screen an empty answer says so
// (EMPTY); `for_print` leaves it blank to be written by hand and gives an unanswered table its
// blank rows. Returns whether any answer was shown.
bool AddAnswers(ctemplate::TemplateDictionary& dict, const FormDefinition& def,
                const boost::json::object& data, const std::string& lang, DateStyle style,
                bool for_print);

// Who wrote a revision: the staff member's name, or the recipient of the link it came through.
std::string EditorName(const app::Services& sv, const web::RequestContext& ctx,
                       const std::string& edited_by);

// REVISION rows of the history table.
void AddHistory(const app::Services& sv, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, std::int64_t case_id,
                const std::string& form_type, const std::vector<RevisionInfo>& history);

}  // namespace tsunagu::forms::handlers
