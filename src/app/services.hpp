// Everything a handler may use, built once in app.cpp (the composition root) and passed by
// reference. No globals: tests build their own with a fake clock and a temporary database.
#pragma once

#include "api/tokens.hpp"
#include "auth/accounts.hpp"
#include "auth/password.hpp"
#include "auth/sessions.hpp"
#include "cases/case_service.hpp"
#include "clients/client_service.hpp"
#include "consultations/consultation_service.hpp"
#include "consultations/day_board.hpp"
#include "consultations/day_changes.hpp"
#include "consultations/partners.hpp"
#include "consultations/records.hpp"
#include "consultations/survey.hpp"
#include "consultations/yearly_report.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/i18n.hpp"
#include "crypto/field_cipher.hpp"
#include "documents/document_service.hpp"
#include "forms/form_service.hpp"
#include "live/bus.hpp"
#include "live/hub.hpp"
#include "notify/outbox.hpp"
#include "orgs/org_service.hpp"
#include "referrals/referral_service.hpp"
#include "sharing/consent_service.hpp"
#include "sharing/provisions.hpp"
#include "sharing/update_notice.hpp"
#include "storage/database.hpp"
#include "web/page.hpp"

namespace tsunagu::app {

struct Services {
  const core::Config& config;
  const core::Clock& clock;
  storage::Database& db;
  const core::Catalog& catalog;
  const web::Pages& pages;
  const crypto::FieldCipher& cipher;
  notify::Outbox& outbox;
  auth::SessionStore& sessions;
  auth::AccountService& accounts;
  orgs::OrgService& orgs;
  api::TokenService& tokens;
  consultations::ConsultationService& consultations;
  consultations::DayBoardService& board;
  consultations::RecordService& records;
  consultations::SurveyService& surveys;
  consultations::ReportService& reports;
  consultations::DayChangeService& day_changes;
  live::Hub& hub;
  live::Bus& bus;
  sharing::Notifier& notifier;
  clients::ClientService& clients;
  sharing::ConsentService& consents;
  sharing::ProvisionService& provisions;
  referrals::ReferralService& referrals;
  cases::CaseService& cases;
  documents::DocumentService& documents;
  forms::FormService& forms;
  consultations::PartnerService& partners;

  // Name of the session cookie: the __Host- prefix needs Secure, so plain-http development
  // and tests use a plain name (SECURITY.md rule 7).
  std::string SessionCookieName() const {
    return config.server.cookie_secure ? "__Host-tsunagu_session" : "tsunagu_session";
  }
  std::string CsrfCookieName() const {
    return config.server.cookie_secure ? "__Host-tsunagu_csrf" : "tsunagu_csrf";
  }
  std::string CookieAttributes() const {
    return std::string("; Path=/; HttpOnly; SameSite=Lax") +
           (config.server.cookie_secure ? "; Secure" : "");
  }
  std::string SessionCookie(const std::string& token) const {
    return SessionCookieName() + "=" + token + CookieAttributes();
  }
  std::string ClearSessionCookie() const {
    return SessionCookieName() + "=" + CookieAttributes() + "; Max-Age=0";
  }
};

}  // namespace tsunagu::app
