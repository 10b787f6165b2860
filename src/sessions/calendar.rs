//! A session as a calendar event, for every reader: the shared feeds and
//! the public `.ics`, a registrant's own feed, and the invite emailed to
//! them. The rules that decide what a calendar may show (the room's link,
//! the SEQUENCE, whether the event is cancelled) live only here, so a feed
//! and an invite never disagree about the same session.

use crate::calendar::{self, Event, Method, Party};
use crate::db::models::Registration;
use crate::db::sessions::Session;
use crate::domain::lang::Lang;
use crate::domain::registration::RegistrationStatus;
use crate::domain::session::SessionStatus;
use crate::domain::slot::SlotView;
use crate::i18n;

/// Who reads the event.
pub enum Audience<'a> {
    /// Shared feeds and the public `.ics`: one copy cached for everyone
    /// who reads that language (`?lang=`, English by default), never with
    /// the room's link.
    Public(Lang),
    /// A registrant's own feed, in the feed's language (an address's feed
    /// has one language for all its registrations).
    Feed(&'a Registration, Lang),
    /// The invite emailed to a registrant (or the file from their page).
    Invite(Invite<'a>),
}

/// What an invite carries besides the session.
pub struct Invite<'a> {
    pub registration: &'a Registration,
    pub method: Method,
    /// When, in the registrant's zone first (see `mail::Composer::when`).
    pub when: &'a str,
    pub manage_url: &'a str,
    /// The sender, as ORGANIZER; None in a file to import.
    pub organizer: Option<Party>,
}

impl Audience<'_> {
    fn registration(&self) -> Option<&Registration> {
        match self {
            Audience::Public(_) => None,
            Audience::Feed(r, _) => Some(r),
            Audience::Invite(i) => Some(i.registration),
        }
    }
}

pub fn event_for(s: &Session, base_url: &str, audience: &Audience) -> Event {
    let row = &s.row;
    let registration = audience.registration();
    let lang = match audience {
        Audience::Feed(_, lang) | Audience::Public(lang) => *lang,
        _ => registration.map_or(Lang::En, Registration::lang),
    };
    let status = registration.map(Registration::status);
    let withdrawing = matches!(audience, Audience::Invite(Invite { method: Method::Cancel, .. }));
    let goes_ahead = s.status() == SessionStatus::Published;
    // Holds or awaits a place in a session that goes ahead.
    let active = status.is_some_and(RegistrationStatus::is_active) && goes_ahead && !withdrawing;
    let confirmed = active && status == Some(RegistrationStatus::Confirmed);
    // The room's link only for a confirmed place: the link is the seat.
    let join = (confirmed && !row.join_url.is_empty()).then_some(row.join_url.as_str());
    let session_url = format!("{base_url}/sessions/{}", row.id);
    let description = match audience {
        Audience::Public(_) | Audience::Feed(..) => feed_description(s, lang, join, &session_url),
        Audience::Invite(i) => invite_description(s, lang, join, i, &session_url),
    };
    let mut summary = row.title.clone();
    if let (Audience::Feed(..), Some(status)) = (audience, status)
        && active
        && !confirmed
    {
        // "(waiting list)": a feed shows every session the person follows.
        summary = format!("{summary} ({})", status.label_in(lang).to_lowercase());
    }
    let (organizer, attendee) = match audience {
        Audience::Invite(i) if i.organizer.is_some() => (
            i.organizer.clone(),
            Some(Party { name: i.registration.name.clone(), email: i.registration.email.clone() }),
        ),
        _ => (None, None),
    };
    Event {
        uid: calendar::session_uid(row.id.0, &calendar::host_of(base_url)),
        // The person's own withdrawal counts as a change of their event.
        sequence: u32::try_from(row.sequence + registration.map_or(0, |r| r.calendar_bump)).unwrap_or(0),
        cancelled: match registration {
            None => s.status() == SessionStatus::Cancelled,
            Some(_) => !active,
        },
        summary,
        description,
        location: location(s, registration, join),
        url: session_url,
        start: s.starts_at(),
        end: s.ends_at(),
        created: row.created_at.and_utc(),
        last_modified: row.updated_at.and_utc(),
        // Feeds add the topics; an emailed invite carries none, because
        // Outlook adds an invite's categories to the reader's own list.
        categories: Vec::new(),
        organizer,
        attendee,
    }
}

/// "Interpretation into: Русский, Français", when the session offers it.
fn interpretation_line(s: &Session, lang: Lang) -> Option<String> {
    let names: Vec<String> = s
        .interpretation()
        .iter()
        .map(|t| Lang::parse(t).map(|l| l.name().to_string()).unwrap_or_else(|| t.clone()))
        .collect();
    (!names.is_empty())
        .then(|| format!("{}{} {}", i18n::t(lang, "interpretation"), i18n::t(lang, "colon"), names.join(", ")))
}

/// LOCATION: the room for those who come in person (the venue, else the
/// place typed), the webinar link for those who join online (while their
/// place is confirmed), the place for everyone else.
fn location(s: &Session, registration: Option<&Registration>, join: Option<&str>) -> String {
    use crate::domain::registration::AttendanceMode;
    use crate::domain::session::SessionFormat;
    let room = {
        let venue = s.venue().line();
        if venue.is_empty() { s.row.location.clone() } else { venue }
    };
    let in_person = match (s.format(), registration) {
        (SessionFormat::Online, _) => false,
        (SessionFormat::InPerson, _) => true,
        (SessionFormat::Hybrid, Some(r)) => r.attendance_mode == AttendanceMode::InPerson,
        (SessionFormat::Hybrid, None) => true,
    };
    if in_person && !room.is_empty() {
        return room;
    }
    match (s.format(), join) {
        (SessionFormat::Hybrid, Some(j)) => j.to_string(),
        _ if s.row.location.is_empty() => join.unwrap_or_default().to_string(),
        _ => s.row.location.clone(),
    }
}

/// Summary, description, when (in the session's zone) and the page.
fn feed_description(s: &Session, lang: Lang, join: Option<&str>, session_url: &str) -> String {
    let row = &s.row;
    let zone = s.zone();
    let slot = SlotView::new_in(lang, s.starts_at(), s.ends_at(), &zone, &zone);
    let mut description = String::new();
    for part in [&row.summary, &row.description] {
        if !part.is_empty() {
            description.push_str(part);
            description.push_str("\n\n");
        }
    }
    description.push_str(&format!("{}{} {}\n", i18n::t(lang, "feed-when"), i18n::t(lang, "colon"), slot.line()));
    if let Some(line) = interpretation_line(s, lang) {
        description.push_str(&format!("{line}\n"));
    }
    if let Some(j) = join {
        description.push_str(&format!("{}\n", i18n::message(lang, "invite-join", &[("url", j.into())])));
    }
    description.push_str(session_url);
    description
}

/// Summary, when (the registrant's zone first), the room, and the links to
/// the registration and the session.
fn invite_description(s: &Session, lang: Lang, join: Option<&str>, invite: &Invite, session_url: &str) -> String {
    let line = |id: &str, url: &str| i18n::message(lang, id, &[("url", url.into())]);
    let mut description = String::new();
    if !s.row.summary.is_empty() {
        description.push_str(&s.row.summary);
        description.push_str("\n\n");
    }
    description.push_str(invite.when);
    if let Some(line) = interpretation_line(s, lang) {
        description.push_str(&format!("\n{line}"));
    }
    if let Some(j) = join {
        description.push_str(&format!("\n\n{}", line("invite-join", j)));
    }
    description.push_str(&format!(
        "\n\n{}\n{}",
        line("invite-registration", invite.manage_url),
        line("invite-session-page", session_url)
    ));
    description
}
