// A form revision returned through an employer's or doctor's link (issue 16) has no staff
// editor: FormService gives its editor as this mark followed by the recipient kind (employer,
// doctor), and the pages put it into words. A display name never holds the control character.
#pragma once

namespace tsunagu::forms {

inline constexpr char kLinkEditorMark[] = "\x1f";

}  // namespace tsunagu::forms
