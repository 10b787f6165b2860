//! Turns registration changes into emails, written to the outbox inside the
//! transaction of the change. Every time is given in the participant's zone
//! first, then the session's, each with its UTC offset; every email names
//! the session in its subject and carries the manage link.

use crate::calendar::{self, Method, Party};
use crate::db::DbConn;
use crate::db::models::{NewOutbox, Registration};
use crate::db::notify::{Change, Notifier, NotifyError};
use crate::db::outbox::{self, QUEUED};
use crate::db::registrations as registration_store;
use crate::db::sessions::Session;
use crate::domain::lang::Lang;
use crate::domain::registration::RegistrationStatus;
use crate::domain::secret::{Keys, new_secret};
use crate::domain::slot::SlotView;
use crate::domain::zone::TimeZone;
use crate::i18n;
use crate::sessions::calendar::{Audience, Held, Invite, SeriesInvite, event_for};
use askama::Template;

/// What both parts of an email show, in the participant's language.
struct Body<'a> {
    lang: Lang,
    subject: &'a str,
    name: &'a str,
    /// "Dear …," first (not in an organiser's own words).
    greet: bool,
    lead: &'a [String],
    title: &'a str,
    when: &'a str,
    location: &'a str,
    join_url: Option<String>,
    session_url: &'a str,
    manage_url: &'a str,
    /// An in-person place's check-in code, shown with its QR image.
    check_in: Option<String>,
    action: Option<&'a (String, String)>,
    /// A series' dates, in place of one session's time and manage link.
    dates: &'a [DateLine],
    /// "Convene, <the network>", in the person's language.
    signature: String,
}

/// One date of a series in its email: when (the person's zone first), how
/// their place stands, the page to manage it.
struct DateLine {
    when: String,
    status: String,
    manage_url: String,
    /// The door's code for a confirmed place in that date's room (its QR
    /// image is on the date's page: an email carries one image).
    check_in: Option<String>,
}

impl Body<'_> {
    fn t(&self, id: &str) -> String {
        i18n::t(self.lang, id)
    }

    fn greeting(&self) -> String {
        i18n::message(self.lang, "email-greeting", &[("name", self.name.into())])
    }

    /// "Where: Brussels" / "Lieu : Bruxelles"
    fn line(&self, label: &str, value: &str) -> String {
        format!("{}{} {}", self.t(label), self.t("colon"), self.lang.isolate(value))
    }
}

#[derive(Template)]
#[template(path = "email/message.txt")]
struct TextBody<'a> {
    b: &'a Body<'a>,
}

/// Plain paragraphs as HTML, escaped (emails to staff).
#[derive(Template)]
#[template(
    source = "<!doctype html>\n<html><body>{% for p in paragraphs %}<p>{{ p }}</p>{% endfor %}</body></html>",
    ext = "html"
)]
struct Paragraphs<'a> {
    paragraphs: &'a [String],
}

#[derive(Template)]
#[template(path = "email/message.html")]
struct HtmlBody<'a> {
    b: &'a Body<'a>,
}

/// What one email says, before it becomes text, HTML and calendar parts.
struct View {
    kind: &'static str,
    subject: String,
    lead: Vec<String>,
    invite: Option<Method>,
    show_join_url: bool,
    /// A link to act on, shown as a button after the lead: (label, address).
    action: Option<(String, String)>,
    /// An organiser's own words: the placeholders filled for the person
    /// (`domain::letter`), and no greeting added in front (they write their own).
    letter: bool,
    /// A series' dates (the email about registering for a whole series).
    dates: Vec<DateLine>,
}

#[derive(Clone)]
pub struct Composer {
    pub keys: Keys,
    pub base_url: String,
    /// The sender, which is also the invites' ORGANIZER.
    pub from_name: String,
    pub from_email: String,
    /// The reference data, for the network's name in signatures.
    reference: std::sync::Arc<crate::db::reference::Cache>,
}

impl Composer {
    pub fn new(
        keys: Keys,
        base_url: &str,
        mail_from: &str,
        reference: std::sync::Arc<crate::db::reference::Cache>,
    ) -> Self {
        let (from_name, from_email) = match mail_from.rsplit_once('<') {
            Some((name, addr)) => {
                (name.trim().trim_matches('"').to_string(), addr.trim_end_matches('>').trim().to_string())
            }
            None => ("Convene".to_string(), mail_from.trim().to_string()),
        };
        Self { keys, base_url: base_url.to_string(), from_name, from_email, reference }
    }

    /// "Convene, EU CBRN Centres of Excellence" in `lang`, or with the
    /// name an admin gave the network.
    fn signature(&self, lang: Lang) -> String {
        match crate::domain::lang::network_name(lang, &self.reference.get().settings.network_name) {
            (_, false) => i18n::t(lang, "email-signature"),
            (name, true) => i18n::message(lang, "email-signature-custom", &[("network", name.into())]),
        }
    }

    fn host(&self) -> String {
        let host = calendar::host_of(&self.base_url);
        // A Message-ID's right side cannot carry a port.
        host.split(':').next().unwrap_or("localhost").to_string()
    }

    fn message_id(&self) -> Result<String, NotifyError> {
        let random = new_secret("").map_err(|e| NotifyError::Compose(anyhow::anyhow!("no randomness: {e}")))?;
        Ok(format!("<{random}@{}>", self.host()))
    }

    /// "Tuesday 9 March 2027, 15:00–16:30 in Jakarta (UTC+07:00) — 09:00–10:30 in Brussels (UTC+01:00)",
    /// or in French "mardi 9 mars 2027, 15:00–16:30 à Jakarta (UTC+07:00) — …".
    pub fn when(&self, lang: Lang, session: &Session, participant: &TimeZone) -> String {
        let own = session.zone();
        let theirs = SlotView::new_in(lang, session.starts_at(), session.ends_at(), participant, &own);
        if *participant == own {
            return theirs.long_line();
        }
        let here = SlotView::new_in(lang, session.starts_at(), session.ends_at(), &own, &own);
        let other = if here.local_date == theirs.local_date { here.clock_in_city() } else { here.long_line() };
        format!("{} — {}", theirs.long_line(), other)
    }

    fn event(
        &self,
        session: &Session,
        r: &Registration,
        method: Method,
        manage_url: &str,
        when: &str,
    ) -> calendar::Event {
        let organizer = Some(Party { name: self.from_name.clone(), email: self.from_email.clone() });
        let invite = Invite { registration: r, method, when, manage_url, organizer };
        event_for(session, &self.base_url, &Audience::Invite(invite))
    }

    fn compose(&self, session: &Session, r: &Registration, view: &View) -> Result<NewOutbox, NotifyError> {
        let zone = TimeZone::parse(&r.time_zone).unwrap_or_else(|_| session.zone());
        let when = self.when(r.lang(), session, &zone);
        let manage_url = format!("{}/registrations/{}", self.base_url, r.manage_token(&self.keys));
        let session_url = match session.row.series_id {
            Some(series) if !view.dates.is_empty() => format!("{}/series/{series}", self.base_url),
            _ => format!("{}/sessions/{}", self.base_url, session.id()),
        };
        let join_url = (view.show_join_url && !session.row.join_url.is_empty()).then(|| session.row.join_url.clone());
        // A place in a room: every email that confirms or updates it
        // carries the code for the door.
        // (A series' email lists dates; each date's page has its own code.)
        let check_in = (view.invite == Some(Method::Request)
            && view.dates.is_empty()
            && r.status() == RegistrationStatus::Confirmed
            && session.in_room(r))
        .then(|| r.check_in_code(&self.keys));
        let fail = |e: askama::Error| NotifyError::Compose(anyhow::anyhow!("email template failed: {e}"));
        let filled = view.letter.then(|| {
            let person = crate::domain::letter::Person {
                name: &r.name,
                title: &session.row.title,
                when: &when,
                link: &manage_url,
            };
            let fill = |t: &str| crate::domain::letter::fill(t, &person);
            (fill(&view.subject), view.lead.iter().map(|p| fill(p)).collect::<Vec<_>>())
        });
        let (subject, lead) = filled.as_ref().map_or((&view.subject, &view.lead), |(s, l)| (s, l));
        let body = Body {
            lang: r.lang(),
            subject,
            name: &r.name,
            greet: !view.letter,
            lead,
            title: &session.row.title,
            when: &when,
            location: &session.row.location,
            join_url,
            session_url: &session_url,
            manage_url: &manage_url,
            check_in: check_in.clone(),
            action: view.action.as_ref(),
            dates: &view.dates,
            signature: self.signature(r.lang()),
        };
        let text = TextBody { b: &body }.render().map_err(fail)?;
        let html = crate::domain::bidi::markup(&HtmlBody { b: &body }.render().map_err(fail)?);
        let (ics_method, ics) = match view.invite {
            Some(method) => {
                let event = self.event(session, r, method, &manage_url, &when);
                (method.as_str().to_string(), calendar::calendar(method, None, &[event], chrono::Utc::now()))
            }
            None => (String::new(), String::new()),
        };
        let now = crate::db::now();
        Ok(NewOutbox {
            message_id: self.message_id()?,
            kind: view.kind.to_string(),
            registration_id: Some(r.id),
            recipient_email: r.email.clone(),
            recipient_name: r.name.clone(),
            reply_to: String::new(),
            subject: subject.clone(),
            body_text: text,
            body_html: html,
            ics_method,
            ics,
            status: QUEUED.to_string(),
            next_attempt_at: now,
            created_at: now,
            attachment_name: String::new(),
            attachment_type: String::new(),
            attachment: None,
            qr_text: check_in.unwrap_or_default(),
        })
    }

    /// A certificate of attendance for an attendee, its PDF attached, with
    /// the session's details and the person's links like every email.
    pub fn certificate(
        &self,
        conn: &mut DbConn,
        session: &Session,
        r: &Registration,
        pdf: Vec<u8>,
        file_name: &str,
    ) -> Result<(), NotifyError> {
        let lang = r.lang();
        let title = session.row.title.as_str();
        let view = View {
            kind: "certificate",
            subject: i18n::message(lang, "subject-certificate", &[("title", title.into())]),
            lead: vec![i18n::t(lang, "lead-certificate"), i18n::t(lang, "lead-certificate-verify")],
            invite: None,
            show_join_url: false,
            action: None,
            letter: false,
            dates: Vec::new(),
        };
        let mut message = self.compose(session, r, &view)?;
        message.attachment_name = file_name.to_string();
        message.attachment_type = "application/pdf".into();
        message.attachment = Some(pdf);
        outbox::enqueue(conn, &message)?;
        Ok(())
    }

    fn send(&self, conn: &mut DbConn, session: &Session, r: &Registration, view: View) -> Result<(), NotifyError> {
        let mut message = self.compose(session, r, &view)?;
        // A place taken for a whole series lives in the person's calendar
        // as an instance of the series' one event.
        if let (Some(method), true, Some(series)) = (view.invite, r.series_invite, session.row.series_id) {
            self.attach_series(conn, &mut message, series, session, r, method)?;
        }
        outbox::enqueue(conn, &message)?;
        Ok(())
    }

    /// The series' calendar as `r`'s address holds it now (see
    /// `sessions::calendar::SeriesInvite`), read inside the transaction
    /// of the change it tells of.
    fn series_calendar(
        &self,
        conn: &mut DbConn,
        series: crate::db::ids::SeriesId,
        about: &Session,
        r: &Registration,
        method: Method,
    ) -> Result<Option<(Method, String)>, NotifyError> {
        let Some((row, sessions)) = crate::db::series::find(conn, series, false)? else { return Ok(None) };
        let mut mine = registration_store::series_registrants(conn, series, Some(&r.email))?;
        for m in &mut mine {
            if m.id == r.id {
                *m = r.clone();
            }
        }
        let zone = TimeZone::parse(&r.time_zone).unwrap_or_else(|_| about.zone());
        let held: Vec<Held> = sessions
            .iter()
            .map(|s| {
                let registration = mine.iter().find(|m| m.session_id == s.id());
                Held {
                    session: s,
                    registration,
                    when: self.when(r.lang(), s, &zone),
                    manage_url: registration.map_or_else(String::new, |m| self.manage_url(m)),
                }
            })
            .collect();
        let invite = SeriesInvite {
            series: &row,
            held: &held,
            person: r,
            organizer: (method != Method::Publish)
                .then(|| Party { name: self.from_name.clone(), email: self.from_email.clone() }),
            series_url: format!("{}/series/{}", self.base_url, row.id),
        };
        Ok(invite.calendar(method, about.id(), &self.base_url))
    }

    /// Puts the series' calendar in place of one session's invite.
    fn attach_series(
        &self,
        conn: &mut DbConn,
        message: &mut NewOutbox,
        series: crate::db::ids::SeriesId,
        about: &Session,
        r: &Registration,
        method: Method,
    ) -> Result<(), NotifyError> {
        let (method, ics) = match self.series_calendar(conn, series, about, r, method)? {
            Some((m, ics)) => (m.as_str().to_string(), ics),
            None => (String::new(), String::new()),
        };
        message.ics_method = method;
        message.ics = ics;
        Ok(())
    }

    fn manage_url(&self, r: &Registration) -> String {
        format!("{}/registrations/{}", self.base_url, r.manage_token(&self.keys))
    }

    /// One email for registering for a whole series: every date taken, in
    /// the person's zone, with its status and page; one invite for the
    /// dates whose place is confirmed (the series' recurring event).
    fn series_registered(&self, conn: &mut DbConn, first: &Session, taken: &[Registration]) -> Result<(), NotifyError> {
        let (Some(series), Some(r)) = (first.row.series_id, taken.first()) else { return Ok(()) };
        let Some((row, sessions)) = crate::db::series::find(conn, series, false)? else { return Ok(()) };
        let lang = r.lang();
        let zone = TimeZone::parse(&r.time_zone).unwrap_or_else(|_| first.zone());
        let dates: Vec<DateLine> = sessions
            .iter()
            .filter_map(|s| {
                let m = taken.iter().find(|m| m.session_id == s.id())?;
                Some(DateLine {
                    when: self.when(lang, s, &zone),
                    status: m.status().label_in(lang),
                    manage_url: self.manage_url(m),
                    check_in: (m.status() == RegistrationStatus::Confirmed && s.in_room(m))
                        .then(|| m.check_in_code(&self.keys)),
                })
            })
            .collect();
        let count = ("count", i64::try_from(dates.len()).unwrap_or(0).into());
        let confirmed = taken.iter().any(|m| m.status() == RegistrationStatus::Confirmed);
        let view = View {
            kind: "series_registered",
            subject: i18n::message(
                lang,
                "subject-series-registered",
                &[count.clone(), ("title", row.title.as_str().into())],
            ),
            lead: vec![
                i18n::message(lang, "lead-series-registered", &[count]),
                i18n::t(lang, if confirmed { "lead-series-invite" } else { "lead-series-no-invite" }),
            ],
            invite: confirmed.then_some(Method::Request),
            show_join_url: false,
            action: None,
            letter: false,
            dates,
        };
        let mut message = self.compose(first, r, &view)?;
        if confirmed {
            self.attach_series(conn, &mut message, series, first, r, Method::Request)?;
        }
        outbox::enqueue(conn, &message)?;
        Ok(())
    }

    /// An organiser's own message to one registrant, with the session's
    /// details and the person's links, as it would be queued.
    pub fn organiser_message(
        &self,
        session: &Session,
        r: &Registration,
        subject: &str,
        body: &str,
    ) -> Result<NewOutbox, NotifyError> {
        let confirmed = r.status() == RegistrationStatus::Confirmed;
        let view = View {
            kind: "organiser_message",
            subject: format!("{subject} — {}", session.row.title),
            lead: body.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect(),
            invite: None,
            show_join_url: confirmed,
            action: None,
            letter: true,
            dates: Vec::new(),
        };
        self.compose(session, r, &view)
    }

    /// Tells a country's focal points about one of their registrants (an
    /// email to each, in the session's language, never with the
    /// registrant's secrets): `lead` are the paragraphs' message ids.
    pub fn tell_focal_points(
        &self,
        conn: &mut DbConn,
        session: &Session,
        r: &Registration,
        news: FocalPointNews,
    ) -> Result<(), NotifyError> {
        let focal_points = crate::db::accounts::focal_points_of(conn, &r.country_iso2)?;
        let lang = Lang::parse(&session.row.language).unwrap_or_default();
        let when = self.when(lang, session, &session.zone());
        let api = |action: &str| format!("{}/api/v1/registrations/{}/{action}", self.base_url, r.id);
        let args = [
            ("name", r.name.as_str().into()),
            ("organisation", r.organisation.as_str().into()),
            ("country", r.country_iso2.as_str().into()),
            ("title", session.row.title.as_str().into()),
            ("when", when.as_str().into()),
            ("endorse", api("endorse").into()),
            ("decline", api("decline-endorsement").into()),
            ("workspace", format!("{}/admin/nominations/{}", self.base_url, session.id()).into()),
        ];
        let paragraphs: Vec<String> = news.lead.iter().map(|id| i18n::message(lang, id, &args)).collect();
        let plain =
            Plain { kind: news.kind, registration: Some(r.id), subject: i18n::message(lang, news.subject, &args) };
        self.queue_plain(conn, &plain, &paragraphs, &focal_points)
    }

    /// An organiser's message about a session to focal points (those of
    /// the countries that have not nominated yet, say), with the session's
    /// title, time and the link to its page in their workspace.
    pub fn message_focal_points(
        &self,
        conn: &mut DbConn,
        session: &Session,
        to: &[String],
        subject: &str,
        body: &str,
    ) -> Result<(), NotifyError> {
        let lang = Lang::parse(&session.row.language).unwrap_or_default();
        let when = self.when(lang, session, &session.zone());
        let mut paragraphs: Vec<String> =
            body.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
        paragraphs.push(i18n::message(
            lang,
            "lead-focal-message-session",
            &[
                ("title", session.row.title.as_str().into()),
                ("when", when.as_str().into()),
                ("workspace", format!("{}/admin/nominations/{}", self.base_url, session.id()).into()),
            ],
        ));
        let plain = Plain {
            kind: "focal_point_message",
            registration: None,
            subject: format!("{subject} — {}", session.row.title),
        };
        self.queue_plain(conn, &plain, &paragraphs, to)
    }

    /// One plain email (no invite, no personal links) to each address.
    fn queue_plain(
        &self,
        conn: &mut DbConn,
        plain: &Plain,
        paragraphs: &[String],
        to: &[String],
    ) -> Result<(), NotifyError> {
        let fail = |e: askama::Error| NotifyError::Compose(anyhow::anyhow!("email template failed: {e}"));
        let html = crate::domain::bidi::markup(&Paragraphs { paragraphs }.render().map_err(fail)?);
        let now = crate::db::now();
        for address in to {
            outbox::enqueue(
                conn,
                &NewOutbox {
                    message_id: self.message_id()?,
                    kind: plain.kind.into(),
                    registration_id: plain.registration,
                    recipient_email: address.clone(),
                    recipient_name: String::new(),
                    reply_to: String::new(),
                    subject: plain.subject.clone(),
                    body_text: paragraphs.join("\n\n"),
                    body_html: html.clone(),
                    ics_method: String::new(),
                    ics: String::new(),
                    status: QUEUED.to_string(),
                    next_attempt_at: now,
                    created_at: now,
                    attachment_name: String::new(),
                    attachment_type: String::new(),
                    attachment: None,
                    qr_text: String::new(),
                },
            )?;
        }
        Ok(())
    }

    /// The nominee hears that their focal point withdrew the nomination or
    /// gave the place to someone else; an invite they held is cancelled.
    fn nomination_ended(
        &self,
        conn: &mut DbConn,
        session: &Session,
        r: &Registration,
        replaced: bool,
    ) -> Result<(), NotifyError> {
        let lang = r.lang();
        let held_invite = r.calendar_bump > 0;
        let mut lead =
            vec![i18n::t(lang, if replaced { "lead-nomination-replaced" } else { "lead-nomination-withdrawn" })];
        if held_invite {
            lead.push(i18n::t(lang, "lead-withdrawn-calendar"));
        }
        let view = View {
            kind: if replaced { "nomination_replaced" } else { "nomination_withdrawn" },
            subject: i18n::message(
                lang,
                "subject-nomination-withdrawn",
                &[("title", session.row.title.as_str().into())],
            ),
            lead,
            invite: held_invite.then_some(Method::Cancel),
            show_join_url: false,
            action: None,
            letter: false,
            dates: Vec::new(),
        };
        self.send(conn, session, r, view)
    }

    /// Queues an organiser's message to one registrant.
    pub fn send_organiser_message(
        &self,
        conn: &mut DbConn,
        session: &Session,
        r: &Registration,
        subject: &str,
        body: &str,
    ) -> Result<(), NotifyError> {
        let message = self.organiser_message(session, r, subject, body)?;
        outbox::enqueue(conn, &message)?;
        Ok(())
    }

    fn status_view(&self, session: &Session, r: &Registration, position: Option<i64>, approved: bool) -> View {
        let lang = r.lang();
        let t = |id: &str| i18n::t(lang, id);
        let subject = |id: &str| i18n::message(lang, id, &[("title", session.row.title.as_str().into())]);
        match r.status() {
            RegistrationStatus::Confirmed => View {
                kind: if approved { "approved" } else { "confirmed" },
                subject: subject(if approved { "subject-approved" } else { "subject-confirmed" }),
                lead: vec![t(if approved { "lead-approved" } else { "lead-confirmed" }), t("lead-invite-attached")],
                invite: Some(Method::Request),
                show_join_url: true,
                action: None,
                letter: false,
                dates: Vec::new(),
            },
            RegistrationStatus::Waitlisted => View {
                kind: "waitlisted",
                subject: subject("subject-waitlisted"),
                lead: vec![
                    i18n::message(
                        lang,
                        if approved { "lead-waitlisted-approved" } else { "lead-waitlisted" },
                        &[("position", position.unwrap_or(1).into())],
                    ),
                    t("lead-waitlist-promise"),
                ],
                invite: None,
                show_join_url: false,
                action: None,
                letter: false,
                dates: Vec::new(),
            },
            RegistrationStatus::PendingApproval => View {
                kind: "pending_approval",
                subject: subject("subject-pending"),
                lead: vec![t("lead-pending")],
                invite: None,
                show_join_url: false,
                action: None,
                letter: false,
                dates: Vec::new(),
            },
            RegistrationStatus::Rejected => View {
                kind: "rejected",
                subject: subject("subject-rejected"),
                lead: vec![t("lead-rejected")],
                invite: None,
                show_join_url: false,
                action: None,
                letter: false,
                dates: Vec::new(),
            },
            RegistrationStatus::PendingEndorsement => View {
                kind: "pending_endorsement",
                subject: subject("subject-pending-endorsement"),
                lead: vec![t("lead-pending-endorsement")],
                invite: None,
                show_join_url: false,
                action: None,
                letter: false,
                dates: Vec::new(),
            },
            RegistrationStatus::Nominated => View {
                kind: "nominated",
                subject: subject("subject-nominated"),
                lead: vec![t("lead-nominated"), t("lead-nominated-answer")],
                invite: None,
                show_join_url: false,
                action: None,
                letter: false,
                dates: Vec::new(),
            },
            RegistrationStatus::Declined => View {
                kind: "declined",
                subject: subject("subject-declined"),
                lead: vec![t("lead-declined")],
                invite: None,
                show_join_url: false,
                action: None,
                letter: false,
                dates: Vec::new(),
            },
            RegistrationStatus::Lapsed => View {
                kind: "lapsed",
                subject: subject("subject-lapsed"),
                lead: vec![t("lead-lapsed")],
                invite: None,
                show_join_url: false,
                action: None,
                letter: false,
                dates: Vec::new(),
            },
            RegistrationStatus::Cancelled => View {
                kind: "withdrawn",
                subject: subject("subject-withdrawn"),
                lead: vec![format!("{} {}", t("lead-withdrawn"), t("lead-withdrawn-calendar"))],
                invite: Some(Method::Cancel),
                show_join_url: false,
                action: None,
                letter: false,
                dates: Vec::new(),
            },
        }
    }

    /// The registration as a file to import: METHOD:PUBLISH, no attendee;
    /// for a place taken for a whole series, the series as the person
    /// holds it.
    pub fn invite_file(&self, conn: &mut DbConn, session: &Session, r: &Registration) -> Result<String, NotifyError> {
        if let (true, Some(series)) = (r.series_invite, session.row.series_id)
            && let Some((_, ics)) = self.series_calendar(conn, series, session, r, Method::Publish)?
        {
            return Ok(ics);
        }
        Ok(self.lone_invite_file(session, r))
    }

    fn lone_invite_file(&self, session: &Session, r: &Registration) -> String {
        let zone = TimeZone::parse(&r.time_zone).unwrap_or_else(|_| session.zone());
        let when = self.when(r.lang(), session, &zone);
        let manage_url = format!("{}/registrations/{}", self.base_url, r.manage_token(&self.keys));
        let method = if r.status().is_active() { Method::Request } else { Method::Cancel };
        let invite = Invite { registration: r, method, when: &when, manage_url: &manage_url, organizer: None };
        let event = event_for(session, &self.base_url, &Audience::Invite(invite));
        calendar::calendar(Method::Publish, None, &[event], chrono::Utc::now())
    }

    /// A reminder `hours` before the start, to a confirmed participant.
    pub fn reminder(
        &self,
        conn: &mut DbConn,
        session: &Session,
        r: &Registration,
        hours: i64,
    ) -> Result<(), NotifyError> {
        let lang = r.lang();
        let args = [("title", session.row.title.as_str().into()), ("hours", hours.into())];
        let view = View {
            kind: "reminder",
            subject: i18n::message(lang, "subject-reminder", &args),
            lead: vec![i18n::message(lang, "lead-reminder", &args)],
            invite: None,
            show_join_url: true,
            action: None,
            letter: false,
            dates: Vec::new(),
        };
        self.send(conn, session, r, view)
    }

    /// To an address, on its owner's request: the manage links of its
    /// current registrations, and a short-lived link to every page that
    /// spans the address (all its registrations, a copy of its data, its
    /// erasure, the feed of all its sessions). `frame` is the registration
    /// the email is filed under and whose language it speaks: the latest of
    /// `current`, or when there is none the address's latest.
    pub fn recovery(
        &self,
        conn: &mut DbConn,
        current: &[(Session, Registration)],
        frame: (&Session, &Registration),
        access_token: &str,
    ) -> Result<(), NotifyError> {
        let (latest_session, latest) = frame;
        let lang = latest.lang();
        let mut lead = vec![i18n::t(lang, if current.is_empty() { "lead-recovery-none" } else { "lead-recovery" })];
        for (s, r) in current {
            let zone = TimeZone::parse(&r.time_zone).unwrap_or_else(|_| s.zone());
            lead.push(format!(
                "{} — {} — {}/registrations/{}",
                s.row.title,
                self.when(lang, s, &zone),
                self.base_url,
                r.manage_token(&self.keys)
            ));
        }
        lead.push(i18n::message(
            lang,
            "lead-recovery-address",
            &[
                ("url", format!("{}/my/{access_token}", self.base_url).into()),
                ("minutes", crate::db::privacy::ACCESS_LINK_MINUTES.into()),
            ],
        ));
        lead.push(i18n::t(lang, "email-recovery-ignore"));
        let view = View {
            kind: "recovery",
            subject: if current.len() == 1 {
                // The one listed, which is also the frame (see web::public::address).
                i18n::message(lang, "subject-recovery-one", &[("title", latest_session.row.title.as_str().into())])
            } else {
                i18n::t(lang, "subject-recovery-many")
            },
            lead,
            invite: None,
            show_join_url: false,
            action: None,
            letter: false,
            dates: Vec::new(),
        };
        self.send(conn, latest_session, latest, view)
    }
}

/// A plain email's envelope: its kind in the outbox, the registration it
/// is about (if any), its subject.
struct Plain {
    kind: &'static str,
    registration: Option<crate::db::ids::RegistrationId>,
    subject: String,
}

/// What a country's focal points are told about one of their registrants:
/// message ids for the subject and paragraphs.
pub struct FocalPointNews {
    kind: &'static str,
    subject: &'static str,
    lead: &'static [&'static str],
}

impl FocalPointNews {
    /// Someone registered for an endorsement session.
    pub const ENDORSE: Self = Self {
        kind: "endorsement_requested",
        subject: "subject-endorsement-requested",
        lead: &["lead-endorsement-requested", "lead-endorsement-how"],
    };
    /// A nominee did not answer in time.
    pub const LAPSED: Self = Self {
        kind: "nomination_lapsed",
        subject: "subject-focal-lapsed",
        lead: &["lead-focal-lapsed", "lead-focal-lapsed-how"],
    };
}

/// News about the session itself, for everyone registered; only confirmed
/// people hold an invite, so only they get the calendar part. Message ids,
/// written out in each person's language.
struct SessionNews<'a> {
    kind: &'static str,
    subject: &'static str,
    lead: &'static str,
    /// Why, in the organisers' words (a cancellation's reason).
    reason: Option<&'a str>,
    /// The start and end before a move: each person reads was and now.
    was: Option<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)>,
    calendar_note: &'static str,
    method: Method,
    show_join_url: bool,
}

impl Composer {
    /// "It was Tue 9 March 2027, 15:00–16:30 Jakarta (UTC+07:00); it is now …",
    /// both in the person's own zone.
    fn moved(
        &self,
        lang: Lang,
        session: &Session,
        r: &Registration,
        was: (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>),
    ) -> String {
        let zone = TimeZone::parse(&r.time_zone).unwrap_or_else(|_| session.zone());
        let line =
            |(start, end)| crate::domain::slot::SlotView::new_in(lang, start, end, &zone, &session.zone()).long_line();
        i18n::message(
            lang,
            "lead-session-moved",
            &[("was", line(was).into()), ("now", line((session.starts_at(), session.ends_at())).into())],
        )
    }

    fn tell_everyone(&self, conn: &mut DbConn, session: &Session, news: SessionNews<'_>) -> Result<(), NotifyError> {
        for r in registration_store::active(conn, session.id())? {
            let confirmed = r.status() == RegistrationStatus::Confirmed;
            let lang = r.lang();
            let lead = i18n::t(lang, news.lead);
            let view = View {
                kind: news.kind,
                subject: i18n::message(lang, news.subject, &[("title", session.row.title.as_str().into())]),
                lead: std::iter::once(if confirmed {
                    format!("{lead} {}", i18n::t(lang, news.calendar_note))
                } else {
                    lead
                })
                .chain(news.was.map(|was| self.moved(lang, session, &r, was)))
                .chain(
                    news.reason.map(|reason| i18n::message(lang, "lead-cancel-reason", &[("reason", reason.into())])),
                )
                .collect(),
                invite: confirmed.then_some(news.method),
                show_join_url: confirmed && news.show_join_url,
                action: None,
                letter: false,
                dates: Vec::new(),
            };
            self.send(conn, session, &r, view)?;
        }
        Ok(())
    }
}

impl Notifier for Composer {
    fn notify(&self, conn: &mut DbConn, session: &Session, change: Change<'_>) -> Result<(), NotifyError> {
        match change {
            Change::SeriesRegistered { registrations } => self.series_registered(conn, session, registrations),
            Change::Registered { registration: r, waitlist_position } => {
                self.send(conn, session, r, self.status_view(session, r, waitlist_position, false))
            }
            Change::Approved(r) => {
                let position = registration_store::waitlist_position(conn, r)?;
                self.send(conn, session, r, self.status_view(session, r, position, true))
            }
            Change::Rejected(r) | Change::Withdrawn(r) => {
                let mut view = self.status_view(session, r, None, false);
                // Only someone who held a seat has an invite to cancel.
                if r.calendar_bump == 0
                    && matches!(change, Change::Withdrawn(_))
                    && r.status() == RegistrationStatus::Cancelled
                {
                    view.invite = None;
                    view.lead = vec![i18n::t(r.lang(), "lead-withdrawn")];
                }
                self.send(conn, session, r, view)
            }
            Change::EndorsementRequested(r) => self.tell_focal_points(conn, session, r, FocalPointNews::ENDORSE),
            Change::Lapsed(r) => {
                self.send(conn, session, r, self.status_view(session, r, None, false))?;
                self.tell_focal_points(conn, session, r, FocalPointNews::LAPSED)
            }
            Change::NominationWithdrawn(r) => self.nomination_ended(conn, session, r, false),
            Change::Certificate { registration, pdf, file_name } => {
                self.certificate(conn, session, registration, pdf.to_vec(), file_name)
            }
            Change::Replaced(r) => self.nomination_ended(conn, session, r, true),
            Change::FeedbackRequested { registration: r, reminder } => {
                let lang = r.lang();
                let link = format!("{}/feedback/{}", self.base_url, self.keys.feedback_token(&r.secret_nonce));
                let title = session.row.title.as_str();
                let view = View {
                    kind: if reminder { "feedback_reminder" } else { "feedback" },
                    subject: i18n::message(
                        lang,
                        if reminder { "subject-feedback-reminder" } else { "subject-feedback" },
                        &[("title", title.into())],
                    ),
                    lead: vec![
                        i18n::message(lang, "lead-feedback", &[("title", title.into())]),
                        i18n::t(lang, "lead-feedback-once"),
                    ],
                    invite: None,
                    show_join_url: false,
                    action: Some((i18n::t(lang, "email-feedback-action"), link)),
                    letter: false,
                    dates: Vec::new(),
                };
                self.send(conn, session, r, view)
            }
            Change::MaterialShared { title } => {
                for r in registration_store::active(conn, session.id())? {
                    if r.status() != RegistrationStatus::Confirmed {
                        continue;
                    }
                    let lang = r.lang();
                    let view = View {
                        kind: "material_shared",
                        subject: i18n::message(
                            lang,
                            "subject-material",
                            &[("title", session.row.title.as_str().into())],
                        ),
                        lead: vec![
                            i18n::message(lang, "lead-material", &[("material", title.into())]),
                            i18n::t(lang, "lead-material-where"),
                        ],
                        invite: None,
                        show_join_url: false,
                        action: None,
                        letter: false,
                        dates: Vec::new(),
                    };
                    self.send(conn, session, &r, view)?;
                }
                Ok(())
            }
            Change::Promoted(r) => self.send(
                conn,
                session,
                r,
                View {
                    kind: "promoted",
                    subject: i18n::message(
                        r.lang(),
                        "subject-promoted",
                        &[("title", session.row.title.as_str().into())],
                    ),
                    lead: vec![i18n::t(r.lang(), "lead-promoted"), i18n::t(r.lang(), "lead-promoted-invite")],
                    invite: Some(Method::Request),
                    show_join_url: true,
                    action: None,
                    letter: false,
                    dates: Vec::new(),
                },
            ),
            Change::SessionChanged { was } => self.tell_everyone(
                conn,
                session,
                SessionNews {
                    kind: "session_changed",
                    subject: "subject-session-changed",
                    lead: "lead-session-changed",
                    reason: None,
                    was,
                    calendar_note: "lead-session-changed-calendar",
                    method: Method::Request,
                    show_join_url: true,
                },
            ),
            Change::SessionCancelled { reason } => self.tell_everyone(
                conn,
                session,
                SessionNews {
                    kind: "session_cancelled",
                    subject: "subject-session-cancelled",
                    lead: "lead-session-cancelled",
                    reason,
                    was: None,
                    calendar_note: "lead-session-cancelled-calendar",
                    method: Method::Cancel,
                    show_join_url: false,
                },
            ),
        }
    }
}
