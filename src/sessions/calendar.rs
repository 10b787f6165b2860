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
        local: None,
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

/// One occurrence of a series as one person holds it, with what their
/// invite says of it (see [`Invite`]).
pub struct Held<'a> {
    pub session: &'a Session,
    /// Their registration for it, made for the whole series; None: they hold none.
    pub registration: Option<&'a Registration>,
    pub when: String,
    pub manage_url: String,
}

/// The series' one recurring event, for a person who registered for the
/// whole series: every occurrence is an instance of it, so their calendar
/// shows the series as one thing and a change to one occurrence reaches
/// it as a change of that instance.
pub struct SeriesInvite<'a> {
    pub series: &'a crate::db::models::SeriesRow,
    /// Every occurrence the public may see, soonest first.
    pub held: &'a [Held<'a>],
    /// The address they registered with, as ATTENDEE.
    pub person: &'a Registration,
    pub organizer: Option<Party>,
    /// The series' page, for the event's description.
    pub series_url: String,
}

/// When an occurrence was first set: its instance's RECURRENCE-ID.
fn recurrence_at(s: &Session) -> chrono::DateTime<chrono::Utc> {
    s.row.recurrence_at.unwrap_or(s.row.starts_at).and_utc()
}

impl SeriesInvite<'_> {
    pub fn uid(&self, base_url: &str) -> String {
        format!("series-{}@{}", self.series.id, calendar::host_of(base_url))
    }

    fn zone(&self) -> crate::domain::zone::TimeZone {
        crate::domain::zone::TimeZone::parse(&self.series.time_zone)
            .unwrap_or_else(|_| self.held.first().map_or_else(crate::domain::zone::TimeZone::utc, |h| h.session.zone()))
    }

    /// An instance is in their calendar while their place in it is
    /// confirmed and the occurrence goes ahead (as a lone invite is).
    fn included(h: &Held) -> bool {
        h.session.status() == SessionStatus::Published
            && h.registration.is_some_and(|r| r.status() == RegistrationStatus::Confirmed)
    }

    /// Rises with every change of any occurrence or of their place in it:
    /// an occurrence's own SEQUENCE and withdrawals (as a lone invite's),
    /// and one step when a place leaves the waiting list or approval for
    /// good (confirmed or ended), which never steps back.
    fn sequence(&self) -> u32 {
        let step = |r: &Registration| {
            use RegistrationStatus as S;
            i32::from(!matches!(r.status(), S::Waitlisted | S::PendingApproval | S::PendingEndorsement | S::Nominated))
        };
        let total: i32 = self
            .held
            .iter()
            .filter_map(|h| h.registration.map(|r| h.session.row.sequence + r.calendar_bump + step(r)))
            .sum();
        u32::try_from(total).unwrap_or(0)
    }

    fn event(&self, h: &Held, method: Method, base_url: &str) -> Event {
        let invite = Invite {
            registration: h.registration.unwrap_or(self.person),
            method,
            when: &h.when,
            manage_url: &h.manage_url,
            organizer: self.organizer.clone(),
        };
        let mut e = event_for(h.session, base_url, &Audience::Invite(invite));
        e.uid = self.uid(base_url);
        e.sequence = self.sequence();
        let zone = self.zone();
        e.local = Some(calendar::Local {
            tzid: zone.name().to_string(),
            start: zone.at(h.session.starts_at()).local,
            end: zone.at(h.session.ends_at()).local,
            recurrence_id: Some(zone.at(recurrence_at(h.session)).local),
            rule: None,
        });
        e
    }

    /// The whole series as they hold it: the recurring event (its rule
    /// from the first occurrence; occurrences they do not hold, or that
    /// were cancelled, left out with EXDATE) and an instance of its own
    /// for each occurrence that was moved or is held elsewhere. None when
    /// they hold no occurrence: then the series is cancelled for them.
    fn master(&self, method: Method, base_url: &str) -> Option<(Event, Vec<Event>)> {
        use crate::domain::series::{Repeat, dates, rrule};
        let zone = self.zone();
        let first = self.held.iter().min_by_key(|h| recurrence_at(h.session))?;
        let start = zone.at(recurrence_at(first.session)).local;
        let length = first.session.ends_at() - first.session.starts_at();
        let repeat = Repeat::parse(&self.series.repeat).unwrap_or(Repeat::Weekly);
        let count = self.held.len();
        let expected: Vec<chrono::NaiveDateTime> =
            dates(start.date(), repeat, Some(count), None).into_iter().map(|d| d.and_time(start.time())).collect();
        let ids: Vec<chrono::NaiveDateTime> =
            self.held.iter().map(|h| zone.at(recurrence_at(h.session)).local).collect();
        let mut exdates: Vec<_> = expected.iter().filter(|t| !ids.contains(t)).copied().collect();
        let rdates: Vec<_> = ids.iter().filter(|t| !expected.contains(t)).copied().collect();
        let shown = self.held.iter().find(|h| Self::included(h)).unwrap_or(first);
        let mut master = self.event(shown, method, base_url);
        let mut instances = Vec::new();
        for (h, id) in self.held.iter().zip(&ids) {
            if !Self::included(h) {
                exdates.push(*id);
                continue;
            }
            let own = self.event(h, method, base_url);
            let as_ruled = own.local.as_ref().is_some_and(|l| l.start == *id && l.end == *id + length);
            if !as_ruled || own.location != master.location {
                instances.push(own);
            }
        }
        exdates.sort();
        let included = self.held.iter().any(Self::included);
        master.summary = self.series.title.clone();
        master.description = self.description();
        master.url = self.series_url.clone();
        master.cancelled = !included;
        master.created = self.held.iter().map(|h| h.session.row.created_at).min().unwrap_or_default().and_utc();
        master.last_modified = self.held.iter().map(|h| h.session.row.updated_at).max().unwrap_or_default().and_utc();
        master.local = Some(calendar::Local {
            tzid: zone.name().to_string(),
            start,
            end: start + length,
            recurrence_id: None,
            rule: Some(calendar::Rule { rrule: rrule(repeat, start.date(), count), rdates, exdates }),
        });
        included.then_some((master, instances))
    }

    /// The summary, then each date they hold with its own page.
    fn description(&self) -> String {
        let mut out = String::new();
        if let Some(h) = self.held.first()
            && !h.session.row.summary.is_empty()
        {
            out.push_str(&h.session.row.summary);
            out.push_str("\n\n");
        }
        for h in self.held.iter().filter(|h| Self::included(h)) {
            out.push_str(&format!("{}\n{}\n\n", h.when, h.manage_url));
        }
        out.push_str(&self.series_url);
        out
    }

    /// What their calendar is sent: with REQUEST (or PUBLISH, a file to
    /// import) the whole series as they now hold it; with CANCEL the one
    /// occurrence `about` (an instance, by its RECURRENCE-ID), or the
    /// whole series once they hold none.
    pub fn calendar(
        &self,
        method: Method,
        about: crate::db::ids::SessionId,
        base_url: &str,
    ) -> Option<(Method, String)> {
        let stamp = chrono::Utc::now();
        let zone = self.zone();
        let from = self.held.iter().map(|h| recurrence_at(h.session).min(h.session.starts_at())).min();
        let to = self.held.iter().map(|h| h.session.ends_at()).max();
        let (Some(from), Some(to)) = (from, to) else { return None };
        let vtimezone = calendar::vtimezone(&zone, from - chrono::Duration::days(1), to + chrono::Duration::days(1));
        let (method, events) = match (method, self.master(method, base_url)) {
            (Method::Cancel, Some(_)) => {
                let h = self.held.iter().find(|h| h.session.id() == about)?;
                let mut e = self.event(h, Method::Cancel, base_url);
                e.cancelled = true;
                (Method::Cancel, vec![e])
            }
            (_, Some((master, instances))) => (method, std::iter::once(master).chain(instances).collect()),
            (_, None) => {
                // Nothing held any more: the series leaves their calendar.
                let first = self.held.first()?;
                let mut e = self.event(first, Method::Cancel, base_url);
                e.summary = self.series.title.clone();
                if let Some(l) = e.local.as_mut() {
                    l.recurrence_id = None;
                }
                e.cancelled = true;
                (if method == Method::Publish { method } else { Method::Cancel }, vec![e])
            }
        };
        let blocks: Vec<String> = events.iter().map(|e| calendar::event_block(method, e, stamp)).collect();
        let blocks = std::iter::once(vtimezone.as_str()).chain(blocks.iter().map(String::as_str));
        Some((method, calendar::assemble(method, None, blocks)))
    }
}
