# Pages: the frame
skip-link = Skip to content
show-times-in = Show times in
zone-and-language = Time zone and language
apply = Apply
language = Language
footer-about = Convene — sessions of the EU CBRN Centres of Excellence network. Times use the IANA time-zone database { $tzdb }.
lost-link = Lost your registration link?
privacy = Privacy
zone-group-other = Other

# Home
home-title = Upcoming sessions
times-shown-in = Times are shown in
choose-zone-hint = (choose your zone above)
filter-sessions = Filter sessions
filter-region = Region
filter-all-regions = All regions
filter-country = Country
filter-all-countries = All countries
filter-topic = Topic
filter-all-topics = All topics
filter-format = Format
filter-any-format = Any format
filter = Filter
clear-filters = Clear filters
no-sessions = No upcoming sessions.
no-sessions-filtered = No upcoming sessions match these filters.
archive-title = Past sessions
archive-link = Past sessions (archive)
no-past = No session has been held yet.
no-past-filtered = No past session matches these filters.
empty-see-upcoming = See the sessions to come
empty-see-archive = Look in the sessions held
empty-subscribe = Subscribe to a calendar feed to see new sessions as they are published
search-words = Words
search-hint = In the title or summary, such as "biosafety" or "export control".
cancelled = Cancelled
planned-as = Planned as { $when }
previous-page = Earlier sessions
next-page = Later sessions

# Time spans
in-city = in { $city }
day-later = { $days ->
    [one] +1 day
   *[other] +{ $days } days
}
day-earlier = { $days ->
    [one] −1 day
   *[other] −{ $days } days
}

# Subscribing
subscribe = Subscribe
subscribe-webcal = subscribe (webcal)
all-feeds = All calendar feeds
pages = Pages
page-number = Page { $page }

# A session's page
session-cancelled = This session has been cancelled.
session-demo = This is a demonstration session.
session-full = This session is full.
when-session-zone = When ({ $city }, the session's zone)
your-time = Your time ({ $city })
kind-and-format = Kind and format
location = Location
session-language = Language
who-may-take-part = Who may take part
seats = Seats
seats-left = { $left } of { $of } left
card-full-waitlist = Full: register to join the waiting list
card-full = Full
card-closes = Registration closes { $when }
card-by-nomination = Places by nomination of each country's National Focal Point
topics = Topics
register = Register
local-times = Local times in the participating countries
local-time = Local time
utc-offset = UTC offset
zones = Zones
countries = Countries
add-to-calendar = Add to your calendar
download-ics = Download this session (.ics)
or-subscribe = , or subscribe to a feed that stays up to date
kind-webinar = Webinar
kind-training = Training
kind-meeting = Meeting
kind-exercise = Exercise
format-online = Online
format-in_person = In person
format-hybrid = Hybrid
# Punctuation before a list: French puts a space before the colon.
colon = :

# Registration form
register-title = Register: { $title }
your-time-is = Your time: { $when }
back-to-session = Back to the session
correct-fields = { $count ->
    [one] Please correct 1 field
   *[other] Please correct { $count } fields
}
approval-note = The organisers approve each registration; you will hear from them by email.
waitlist-note = This session is full: if you register you join the waiting list, and we email you when a seat frees up.
honeypot = Leave this field empty
optional = (optional)
field-name = Full name
field-email = Email
field-organisation = Organisation
field-position = Position
field-country = Partner country
choose-country = Choose your country
field-time-zone = Your time zone
country-main-zone = My country's main time zone
time-zone-hint = Emails and invites show times in this zone.
consent-before = I agree that Convene keeps my name, email, organisation and country to run this session and to send me emails about it, as described in the
privacy-notice = privacy notice

# Emails: the frame
email-greeting = Dear { $name },
email-where = Where
email-join = Webinar link
email-session-page = Session page
email-manage = Your registration (see, cancel, add to your calendar)
email-manage-link = Your registration
email-manage-after = : see it, cancel it, or add it to your calendar.
email-signature = Convene, EU CBRN Centres of Excellence
# The network's name: the default in this language, or an admin's own (then quoted as set)
network-name = EU CBRN Centres of Excellence
email-signature-custom = Convene, { $network }
footer-about-custom = Convene — { $network }. Times use the IANA time-zone database { $tzdb }.
cert-organised-by-custom = Organised by { $network }
email-recovery-ignore = If you did not ask for this email, you can ignore it.

# Emails: subjects
subject-confirmed = Registration confirmed: { $title }
subject-approved = Registration approved: { $title }
subject-waitlisted = On the waiting list: { $title }
subject-pending = Registration received, awaiting approval: { $title }
subject-rejected = Registration not accepted: { $title }
subject-withdrawn = Registration cancelled: { $title }
subject-promoted = A seat is yours: { $title }
subject-reminder = Reminder: { $title } starts in { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}
subject-recovery-one = Your registration link: { $title }
subject-recovery-many = Your registration links
subject-session-changed = Session changed: { $title }
subject-session-cancelled = Session cancelled: { $title }

# Emails: what happened
lead-confirmed = Your registration is confirmed.
lead-approved = The organisers approved your registration: your seat is confirmed.
lead-invite-attached = The calendar invite attached to this email adds the session to your calendar and keeps it up to date if it changes.
lead-waitlisted = The session is full, so you are on the waiting list, number { $position }.
lead-waitlisted-approved = The organisers approved your registration. The session is full, so you are on the waiting list, number { $position }.
lead-waitlist-promise = If a seat frees up you get it automatically, and we will email you with a calendar invite.
lead-pending = We have received your registration. The organisers approve each participant; we will email you when they decide.
lead-rejected = We are sorry: the organisers could not accept your registration for this session.
lead-withdrawn = Your registration is cancelled, as you asked.
lead-withdrawn-calendar = The attached calendar cancellation removes the session from your calendar.
lead-promoted = Good news: a seat has freed up and it is yours. Your registration is confirmed.
lead-promoted-invite = The calendar invite attached to this email adds the session to your calendar.
lead-reminder = A reminder: the session you registered for starts in { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}.
lead-recovery = You asked for the links to your registrations. Here they are; each lets you see, cancel or add the registration to your calendar.
lead-session-changed = The organisers have changed the time or place of this session. The details below are the new ones.
lead-session-changed-calendar = The attached invite updates your calendar.
lead-session-cancelled = We are sorry: the organisers have cancelled this session.
lead-session-cancelled-calendar = The attached calendar cancellation removes it from your calendar.
lead-cancel-reason = The organisers say why: { $reason }

# Calendar invites: the event's description
invite-join = Webinar link: { $url }
invite-registration = Your registration: { $url }
invite-session-page = Session page: { $url }

# A participant's registration
your-registration = Your registration
your-registration-title = Your registration: { $title }
organisers-cancelled = The organisers have cancelled this session.
when-your-time = When (your time)
in-session-zone = In the session's zone
status = Status
waitlist-number = — number { $position } on the waiting list
webinar-link = Webinar link
your-calendar = Your calendar
download-invite = Download the invite (.ics)
personal-feed-intro = Subscribe to this registration in your calendar; it stays up to date when the session moves or is cancelled:
subscribe-in-app = Subscribe in your calendar app
feed-address = Feed address (copy it into your app's "add calendar from URL")
renew-feed = Give my feed a new address
renew-feed-note = (the old address stops working)
cannot-come = Cannot come?
cancel-my-registration = Cancel my registration
your-data = Your data
download-data = Download everything we keep about you (JSON)
erase-my-data = Erase my data
keep-private = Keep this page's address private: anyone with it can see and cancel this registration (but none of your others).
my-sessions = My Convene sessions
status-confirmed = Confirmed
status-waitlisted = On the waiting list
status-pending_approval = Waiting for approval
status-rejected = Not accepted
status-cancelled = Cancelled
subject-pending-endorsement = Awaiting endorsement: { $title }
lead-pending-endorsement = Your registration is received. Your country's National Focal Point endorses participants for this session first; we will write again when they have.
subject-endorsement-requested = Endorsement requested: { $name } for { $title }
lead-endorsement-requested = { $name } ({ $organisation }, { $country }) registered for { $title }, { $when }, and awaits your endorsement as National Focal Point.
lead-endorsement-how = Endorse or decline on the session's page in your workspace: { $workspace } (or with your account's API token: POST { $endorse } or POST { $decline }).
status-pending_endorsement = Awaiting endorsement
participation-endorsement = with endorsement: people register, and their focal point endorses them
ws-f-quota-release = When nominations close, open places go to the waiting list whatever the country
endorsement-not-pending = Only a registration awaiting endorsement can be endorsed or declined; this one's status is: { $status }.
ws-st-pending_endorsement = awaiting endorsement
subject-nominated = You are nominated: { $title }
subject-declined = Nomination declined: { $title }
subject-lapsed = Nomination lapsed: { $title }
lead-nominated = Your country's National Focal Point has nominated you for this session, and a place is held for you.
lead-nominated-answer = Please accept (confirm your details, choose your time zone and give your consent) or decline on your registration page below. An unanswered nomination lapses when nominations close, or after a week.
lead-declined = You declined the nomination; your place has gone back to your country's focal point.
lead-lapsed = Your nomination was not answered in time, so the place held for you has been released.
status-nominated = Nominated
status-declined = Declined
status-lapsed = Lapsed
nomination-only = Places in this session go through each partner country's National Focal Point: ask yours to nominate you.
nominations-closed = Nominations for this session closed on { $date }.
nomination-outside-country = You may nominate only people from your own countries.
nomination-not-pending = Only a pending nomination can be accepted or declined; this one's status is: { $status }.
ws-f-participation = Participation
ws-f-nominations-close = Nominations close (local time; unanswered ones lapse then)
participation-open = open: people register themselves
participation-nomination = by nomination: National Focal Points nominate people
manage-nominated = You are nominated. Accept to take the place held for you, or decline to give it back.
manage-accept = Accept the nomination
manage-decline = Decline the nomination
manage-consent = I agree that my details are kept to run this session (see the privacy notice).
role-participant = participant
role-trainer = trainer
role-observer = observer
role-speaker = speaker
notice-confirmed = You are registered. A confirmation email with a calendar invite is on its way to { $email }.
notice-waitlisted = The session is full, so you are on the waiting list (number { $position }). We will email { $email } as soon as a seat frees up.
notice-pending = Your registration is waiting for the organisers' approval. We will email { $email } when they decide.
notice-cancelled = Your registration is cancelled. A cancellation for your calendar is on its way by email.
notice-feed-renewed = Your personal feed has a new address; the old one no longer works. Update your calendar subscription.

# Cancelling
cancel-title = Cancel your registration
cancel-question = Cancel your registration?
cancel-seat-goes = Your seat will go to the next person on the waiting list, if there is one.
cancel-yes = Yes, cancel my registration
keep-it = No, keep it

# Erasing
erase-title = Erase your data
erase-question = Erase your data?
erase-explain = This erases your name, organisation, position and answers from every registration made with { $email }, cancels those that are still current (your seats go to the next people on the waiting lists), and deletes the emails waiting to be sent to you. Only your country is kept, without your name, for the network's statistics.
erase-final = Your registration links stop working. This cannot be undone.
erase-copy-first = Download a copy of your data
erase-copy-first-after = first if you want one.
erase-yes = Yes, erase my data
erased-title = Your data is erased
erased-text = Your name, email address, organisation and answers are gone from Convene, your current registrations are cancelled, and no more emails will be sent to you. Calendar entries you added yourself stay in your calendar until you remove them.
see-upcoming = See upcoming sessions

# Lost link
recover-title = Lost your link?
recover-sent = If this address has registrations, we have just emailed it their links and a link to everything we keep about it. The email can take a few minutes to arrive.
recover-intro = Enter the email address you registered with. We will email you the links to your current registrations, and a link to see all of them, download your data or erase it.
recover-send = Send my links
bad-email = Email { $problem }.

# Calendar feeds page
feeds-title = Calendar feeds
feeds-intro = Subscribe once and your calendar app (Google Calendar, Outlook, Apple Calendar, Thunderbird) keeps these sessions up to date by itself, including new sessions, changed times and cancellations; choose "subscribe" or copy the address into your app's "add calendar from URL".
feeds-by-region = By region
feeds-by-topic = By topic
feeds-by-country = By country
feeds-personal-note = Your personal feed, with every session you registered for, is on your registration's page.

# Privacy notice
privacy-title = Privacy notice
privacy-what = When you register for a session, Convene keeps what you enter in the form — your name, email address, organisation, position, partner country, time zone and your answers to the session's questions — together with the time you gave your consent.
privacy-why-title = Why
privacy-why = To run the session: to hold your seat, to send you the confirmation, calendar invites, changes, cancellations and reminders for it, and to give the organisers of the EU CBRN Centres of Excellence network the list of participants and figures by country and region.
privacy-who-title = Who sees it
privacy-who = The organisers of the session and the network's administrators. The webinar link is shown only to confirmed participants. Nobody else sees your data, and it is not used for anything but the session.
privacy-rights-title = Your rights
privacy-rights = Your registration's secret link (in every email we send you about it, and shown after you register) lets you see that registration, cancel it, add it to your calendar, download what it holds and erase it — nothing about your other registrations. Everything that spans your email address — the list and calendar feed of all your sessions, a copy of everything Convene keeps about the address, and its erasure (your name, address, organisation and answers are removed from all your registrations, current ones are cancelled, only your country stays, anonymously, in the statistics) — opens only through a link we email to that address on request, which works for one hour. Ask for it on your registration's page or with "Lost your registration link?" at the foot of every page.
privacy-how-long-title = How long
privacy-retention = Your name, email address, organisation and answers are erased automatically { $days } days after the session ends; only your country stays, without your name, in the network's statistics. You can erase them earlier yourself, at any time.
privacy-no-retention = This service keeps registrations until you or the organisers erase them; you can erase yours yourself at any time.

# Error pages
error-status = Error { $status }.

# Calendar feeds: a personal feed's words
feed-when = When
feed-my-sessions = Convene: my sessions
feed-my-sessions-description = The sessions you registered for

# Field errors (after the field's name: "Email: is required")
err-required = is required
err-too-long = must be at most { $max } characters
err-control-chars = must not contain control characters
err-single-line = must be a single line without control characters
err-email-long = is longer than 254 characters
err-email-spaces = must not contain spaces or line breaks
err-email-at = must contain @
err-email-invalid = is not a valid email address
err-country-code = must be a two-letter country code such as ID or MA
err-country-unknown = is not a partner country (use a two-letter code from /api/v1/countries)
err-consent = must be given to register: we need it to process your registration
err-language = must be one of: { $known }
err-zone-unknown = is not an IANA time zone (for example Asia/Manila or Europe/Brussels)
err-local-time = is not a local date and time of the form 2027-03-09T16:00
err-gap = { $local } does not exist in { $zone }: clocks jump from { $start } to { $end } that day (UTC{ $before } to UTC{ $after }); choose a time outside the gap
err-answers-object = must be an object of question key to answer
err-answer-unknown = is not a question of this session
err-answer-flag = must be true or false
err-answer-text = must be text
err-answer-choice = must be one of the choices offered
err-answer-choices = must be a list of the choices offered
field-consent = Consent

# Why a registration is refused
closed-cancelled = This session has been cancelled.
closed-started = Registration is closed: the session has started.
closed-opens = Registration opens on { $when }.
closed-closed = Registration closed on { $when }.
not-eligible = This session is open to participants from { $names } only.
already-registered = This email address is already registered for this session. Use “Lost your link?” to receive your manage link again.
session-full-no-waitlist = This session is full.
open-to-all = Open to all partner countries
open-to = Open to { $names }
error-not-found = Page not found
error-not-found-text = There is no page at this address. It may have moved, or the session may not be published.
error-internal = Something went wrong
error-internal-text = We could not complete this request. It has been logged; please try again later.
error-invalid = Some values are not valid
error-too-many = Too many requests
error-too-many-text = Too many requests from this address; try again in { $seconds } seconds.
error-unavailable = Service unavailable
error-unavailable-text = The service cannot answer just now; please try again in a few seconds.
error-forbidden = Not allowed
error-conflict = This cannot be done

# The workspace
ws-nav = Workspace
ws-sessions = Sessions
ws-planner = Planner
ws-accounts = Accounts
ws-tokens = API tokens
ws-audit = Audit log
ws-reference = Reference data
ws-password = Password
ws-signed-in-as = Signed in as { $email }
ws-sign-out = Sign out
ws-title = { $page } — workspace
ws-sign-in = Sign in
ws-sign-in-title = Sign in to the workspace
ws-change-password = Change your password
ws-current-password = Current password
ws-new-password = New password (at least 12 characters)
ws-new-password-again = New password again
ws-change-password-button = Change the password
ws-only-action = Only the action
ws-action-example = e.g. session.update
ws-newest-500 = The newest 500 changes, newest first.
ws-when = When
ws-who = Who
ws-what = What
ws-session = Session
ws-before-after = Before → after
ws-token-shown-once = The new token, shown only now: copy it into the system that will use it.
ws-name = Name
ws-created = Created
ws-state = State
ws-revoked = revoked { $when }
ws-revoke = Revoke { $name }
ws-new-token = New token
ws-token-name = Name (what uses it)
ws-create-token = Create a token
ws-roles-explained = Admins may do everything. Organisers see and change only the sessions organised by their regions. National Focal Points change no session; through the API they see the sessions open to their countries and only their countries' registrants.
ws-role-regions-access = Role, regions and access
ws-disabled = disabled
ws-role = Role
ws-role-admin = admin
ws-role-organiser = organiser
ws-role-focal-point = National Focal Point
ws-countries-of = Countries of { $email } (ISO codes, for focal points)
ws-countries-for-focal-points = Countries (ISO codes such as PH, KE; for focal points)
ws-regions-of = Regions of { $email }
ws-disabled-explained = Disabled (cannot sign in)
ws-save-account = Save { $email }
ws-new-account = New account
ws-regions-for-organisers = Regions (for organisers)
ws-first-password = First password (at least 12 characters; they can change it)
ws-create-account = Create the account
ws-new-session = New session
ws-status = Status
ws-when-your-time = When (your time)
ws-confirmed-capacity = Confirmed / capacity
ws-waiting = Waiting
ws-pending = Pending
ws-status-draft = draft
ws-status-published = published
ws-status-cancelled = cancelled
ws-public-page = public page
ws-series-page = every date of the series
ws-series-edit-future = Change every future date
ws-series-edit-future-how = Opens the next date's form with "apply to every future session" ticked: each date keeps its own time and registration window.
ws-series-dates = Dates
ws-series-when = When (the series' zone)
ws-series-members = Registered for the whole series: { $count }
ws-series-no-members = Nobody has registered for the whole series yet.
ws-series-holding = Dates held
ws-series-holding-n = { $held } of { $of }
ws-unlimited = unlimited
ws-counts = { $confirmed } confirmed of { $capacity }{ $nominated ->
    [0] {""}
   *[other] {" "}· { $nominated } nominated, awaiting their answer
} · { $waiting } waiting · { $pending } pending approval
ws-edit = Edit
ws-clone = Clone
ws-export-csv = Export registrations (CSV)
ws-publish = Publish
ws-cancel-reason = Reason (goes into the emails)
ws-registrations = Registrations
ws-filter-registrations = Filter registrations
ws-all = all
ws-country = Country
ws-region = Region
ws-search = Search
ws-search-placeholder = name, email, organisation
ws-filter = Filter
ws-choose = Choose
ws-choose-person = Choose { $name }
ws-email = Email
ws-organisation = Organisation
ws-time-zone = Time zone
ws-registered = Registered
ws-attendance = Attendance
ws-with-chosen = With the chosen
ws-do-approve = approve
ws-do-reject = reject
ws-do-promote = promote from the waiting list
ws-do-cancel = cancel
ws-do-move = move to session number…
ws-do-attended = mark attended
ws-do-no-show = mark no-show
ws-do-unmarked = clear attendance
ws-move-target = Session number (for a move)
ws-apply = Apply
ws-figures = Figures
ws-chart-title = Confirmed registrations by country
ws-by-country = By country
ws-by-region = By region (a country in two regions counts in both)
ws-confirmed = Confirmed
ws-attended = Attended
ws-email-registrants = Email the registrants
ws-subject = Subject
ws-to = To
ws-to-everyone = everyone registered (confirmed, waiting, pending)
ws-to-confirmed = confirmed only
ws-to-waitlisted = waiting list only
ws-to-pending = pending approval only
ws-message = Message (blank lines start paragraphs)
ws-preview = Preview
ws-changes = Changes
ws-edit-session = Edit session
ws-edit-title = Edit “{ $title }”
ws-change-time-question = Change the time?
ws-preview-title = Preview: { $title }
ws-not-saved = Not saved yet: save below, or change and preview again.
ws-f-title = Title
ws-f-summary = Summary (one or two sentences for listings)
ws-f-description = Description (Markdown: **bold**, lists, [links](https://…))
ws-f-kind = Kind
ws-f-format = Format
ws-f-organised-by = Organised by
ws-f-no-region = (no region: admins only)
ws-f-zone = Time zone (type to search)
ws-f-starts = Starts (local time in that zone)
ws-f-ends = Ends (local time in that zone)
ws-f-open-planner = Check this time in every partner country with the planner
ws-f-capacity = Capacity (empty: unlimited)
ws-f-waitlist = Waiting list when full
ws-f-approval = Organisers approve each registration
ws-f-regions = Open to regions (none and no countries: open to all)
ws-f-countries = And countries (ISO codes, e.g. MA, SN)
ws-f-country-quota = Places per country (empty: no quota)
ws-f-quotas = Places for named countries, over that (e.g. PH=12, KE=4)
quota-full = { $places ->
    [one] The one place for participants from { $country } is taken, and this session has no waiting list.
   *[other] The { $places } places for participants from { $country } are taken, and this session has no waiting list.
}
ws-f-topics = Topics
ws-f-language = Language (en, fr, …)
ws-f-opens = Registration opens (local time; empty: now)
ws-f-closes = Registration closes (local time; empty: at the start)
ws-f-place = Place (in person or hybrid)
ws-f-join = Webinar link (shown to confirmed participants only)
ws-f-questions = Extra questions on the registration form
ws-f-repeat-legend = Repeat (optional: a series keeps this local time in its zone)
ws-f-repeat = Repeat
ws-f-no-repeat = does not repeat
ws-f-weekly = every week
ws-f-fortnightly = every two weeks
ws-f-monthly = every month on the same weekday of the same week
ws-f-count = Number of sessions (2–52)
ws-f-until = Or until (date)
ws-f-all-future = Apply to every future session of this series (each keeps its own date, time and registration window)
ws-f-draft = draft (not public)
ws-f-change-and-notify = Change the time and notify them
ws-save = Save
ws-plan-intro = Where a time falls for everyone who may attend. Working hours are { $from }:00–{ $to }:00 local time; weekends are each country's own.
ws-plan-correct = Please correct the plan
ws-plan-date = Date
ws-plan-start = Start (local time in the zone below)
ws-plan-minutes = Length (minutes)
ws-plan-regions = Open to regions (none: every partner country)
ws-plan-show = Show the plan
ws-plan-create = Create a session at this time
ws-plan-organiser = Organising region
ws-plan-organiser-none = None chosen
ws-plan-organiser-hint = Its secretariat's working day counts too.
ws-plan-stretch = Organisers' working hours (you in { $city } and the secretariat)
ws-plan-stretch-strict = Must be inside 08:00–18:00 on a working day
ws-plan-stretch-stretched = May start early or end late (07:00–21:00), never at night
ws-plan-stretch-free = Do not count: only the participants decide
ws-plan-hosts = The organisers' day
ws-plan-host-you = You ({ $city })
ws-plan-host-secretariat = The secretariat in { $city }
ws-plan-host-ok = within what you allowed
ws-plan-host-outside = outside what you allowed
ws-plan-grid = The day in every zone
ws-plan-grid-how = One row per group of zones that read the day alike; one column per hour of the day in { $zone } (choose an hour to move the slot there).
ws-plan-grid-zones = Zones
ws-plan-band-work = working hours
ws-plan-band-edge = early or late
ws-plan-band-night = night
ws-plan-band-weekend = weekend
ws-plan-band-chosen = the slot
err-plan-stretch = choose how far the organisers' hours may stretch
err-plan-organiser = is not a region
ws-plan-best = Best start times that day
ws-plan-no-best = No start time that day puts any of these countries inside working hours.
ws-plan-runs = Each line is the first or last start time of a run of equally good ones, every 30 minutes between.
ws-plan-eligible = Countries that may attend
ws-plan-organisers = Organisers
ws-plan-zone = Zone
ws-plan-local = Local time
ws-plan-offset = Offset
ws-plan-flags = Flags
ws-plan-outside = outside working hours
ws-plan-weekend = weekend
ws-plan-other-date = other date
ws-topics = Topics
ws-slug = Slug
ws-name-of = Name of { $slug }
ws-rename = Rename
ws-new-topic = New topic
ws-add-topic = Add a topic
ws-countries-zones = Countries and their time zones
ws-zones-explained = The first zone is the default for the country's participants. Zones are IANA names, separated by commas.
ws-time-zones = Time zones
ws-zones-of = Time zones of { $country }
ws-correct-fields = Please correct { $count } { $count ->
    [one] field
   *[other] fields
}
ws-people-registered = { $count } { $count ->
    [one] person is
   *[other] people are
} registered. Each will be emailed the new time with an updated calendar invite.
ws-preview-to = Preview: to { $count } { $count ->
    [one] person
   *[other] people
}, as { $to } will read it
ws-send-to = Send to { $count } { $count ->
    [one] person
   *[other] people
}
ws-plan-headline = { $utc }: { $fine } of { $countries } countries in working hours
ws-plan-best-line = { $suited } of { $of } countries
ws-st-confirmed = confirmed
ws-st-waitlisted = waiting list
ws-st-pending_approval = pending approval
ws-st-rejected = rejected
ws-st-cancelled = cancelled
ws-st-nominated = nominated
ws-st-attended = attended
ws-att-attended = attended
ws-att-no_show = no-show

# The workspace: what happened, what went wrong
ws-login-refused = Email or password is not right.
ws-login-locked = Too many failed attempts for this account. Wait 15 minutes and try again.
ws-choose-role = Choose a role: admin or organiser.
ws-unknown-region = Unknown region { $slug }.
ws-organiser-needs-region = An organiser needs at least one region.
ws-unknown-country = Unknown country { $code }.
ws-focal-point-needs-country = A National Focal Point needs at least one country.
ws-focal-point-not-here = This part of the workspace is for organisers. As a National Focal Point you work in Nominations: /admin/nominations
ws-first-password-short = The first password must have at least { $min } characters.
ws-account-created = Account { $email } created.
ws-account-exists = An account for { $email } exists already.
ws-not-yourself = You cannot disable your own account or take away your own admin role.
ws-account-saved = Account { $email } saved.
ws-token-name-bad = Give the token a name of up to 100 characters.
ws-new-password-short = The new password must have at least { $min } characters.
ws-passwords-differ = The new password and its repetition differ.
ws-password-changed = Your password has been changed.
ws-current-password-wrong = The current password is not right.
ws-topic-added = Topic { $name } added.
ws-topic-renamed = Topic renamed to { $name }.
ws-zones-saved = Time zones of { $iso2 } saved.
ws-done-choose = Choose at least one registration.
ws-done-bulk = { $done } done.
ws-done-bulk-failed = { $done } done. Not done: { $failed }
ws-done-marked = { $count } marked (only confirmed registrations can be).
ws-done-write = Write a subject and a message.
ws-done-nobody = Nobody to write to with that choice.
ws-done-queued = Email queued for { $count } people.
ws-done-series = Series of { $count } sessions created.
ws-done-series-warnings = Series of { $count } sessions created. { $warnings }
ws-done-future = { $count } future sessions of the series changed.
ws-topic-needs = A topic needs a slug (lower-case letters, digits, hyphens) and a name.
ws-topic-name-bad = A topic's name has 1 to 100 characters.
ws-zone-bad = { $name } { $problem }.
ws-zones-none = A country needs at least one time zone.

# Address-wide access (links emailed to the address)
notice-registration-feed-renewed = This registration's calendar feed has a new address; the old one no longer works. Update your calendar subscription.
notice-address-link-sent = We have emailed { $email } a link to all the registrations made with it and to its data. It works for one hour.
access-link-expired = This link has expired or is not valid. Links to all your registrations work for one hour; ask for a new one below.
erase-explain-one = This erases your name, organisation, position and answers from your registration for “{ $title }”, cancels it if it is still current (your seat goes to the next person on the waiting list), and deletes the emails about it waiting to be sent to you. Your other registrations are not touched. Only your country is kept, without your name, for the network's statistics.
address-title = All your registrations
address-intro = Every registration made with { $email }, with a copy of everything Convene keeps about this address and its erasure.
address-expires = This page works until { $when }; after that, ask for a new link.
address-registrations = Registrations
address-none = There are no registrations with this address any more.
address-open-registration = open this registration
address-feed-intro = Subscribe to the feed of all your sessions; it stays up to date when sessions move or are cancelled, and when you register for more:
address-keep-private = This page and the feed address are for you alone: do not share them.
download-registration-data = Download what we keep about this registration (JSON)
erase-registration = Erase this registration
address-link-intro = To see all your registrations made with { $email }, download everything we keep about this address or erase it, we will email a link to that address.
address-link-send = Email me that link
lead-recovery-none = You asked for the links to your registrations. You have no current registrations.
lead-recovery-address = To see all your registrations, subscribe to all your sessions in your calendar, download a copy of everything we keep about you or erase it, open this link (it works for { $minutes } minutes): { $url }
erased-one-text = Your name, email address, organisation and answers are gone from this registration, it is cancelled, and no more emails will be sent to you about it. Your other registrations are as they were. Calendar entries you added yourself stay in your calendar until you remove them.
cross-site-refused = This form was sent from another site, so it was refused. Open the page on this site and send it again.
subject-nomination-withdrawn = Nomination withdrawn: { $title }
lead-nomination-withdrawn = Your country's National Focal Point has withdrawn your nomination for this session, and the place held for you is released. If you think this is a mistake, please write to them.
lead-nomination-replaced = Your country's National Focal Point has nominated someone else in your place for this session, so your nomination has ended. If you think this is a mistake, please write to them.
subject-focal-lapsed = Nomination lapsed: { $name } for { $title }
lead-focal-lapsed = { $name } ({ $organisation }, { $country }) did not answer the nomination for { $title }, { $when }, in time, so it has lapsed and the place held is released.
lead-focal-lapsed-how = You may nominate someone else on the session's page in your workspace: { $workspace }
not-a-nomination = This person registered themselves: only a nomination can be withdrawn or replaced.
nomination-not-standing = Only a nomination that still stands can be withdrawn or replaced; this one's status is: { $status }.
replacement-same-country = A replacement takes a place of the same country's: { $country }.
replacement-same-person = The replacement must be someone else: this is the nominee's own address.
fp-nominations = Nominations
fp-you-speak-for = You speak for:
fp-times-in = Times are shown in { $zone }.
fp-no-sessions = No upcoming session is open to your countries yet.
fp-upcoming = Upcoming sessions open to your countries
fp-how = How places are given
fp-places = Places
fp-deadline = Nominations close (your time)
fp-your-people = Your people
fp-places-of = { $country }: { $held } of { $quota } places held
fp-places-held = { $country }: { $held ->
    [one] one place held
   *[other] { $held } places held
} (no quota)
fp-people = { $nominated } nominated · { $accepted } accepted · { $endorse } awaiting your endorsement
fp-all-sessions = All sessions open to your countries
fp-deadline-line = Nominations close on { $date } (your time). A nomination still unanswered then lapses, and its place is released.
fp-no-deadline = Nominations stay open while registration is. A nominee has a week to answer; an unanswered nomination then lapses and its place is released.
fp-places-per-country = Places per country
fp-quota = Quota
fp-held = Places held
fp-awaiting = Awaiting answer
fp-accepted = Accepted
fp-declined = Declined or lapsed
fp-registered = Registered themselves
fp-nominated = Nominated
fp-nobody-yet = Nobody from your countries has been nominated or has registered yet.
fp-role = Role
fp-actions = Actions
fp-endorse = Endorse
fp-endorse-person = Endorse { $name }
fp-decline = Decline
fp-decline-person = Decline to endorse { $name }
fp-replace = Replace
fp-replace-person = Replace { $name } with someone else
fp-withdraw = Withdraw…
fp-withdraw-what = { $name } will be told by email that the nomination is withdrawn, and a place they hold goes to the next in line. This cannot be undone.
fp-withdraw-confirm = Withdraw the nomination of { $name }
fp-nominate = Nominate someone
fp-nominate-what = A place is held for them at once; they get an email to accept (giving their consent) or decline.
fp-nominate-button = Nominate and email them
fp-their-language = Language of their emails
fp-note = Note for the organisers
fp-sheet = Nominate several people from a spreadsheet
fp-sheet-hint = Copy the rows from your spreadsheet and paste them here. Columns: name, email, organisation, position, country, role, note, in that order, or in any order under a header row that names them; separated by tabs, semicolons or commas. Each row is checked and shown before anyone is nominated.
fp-sheet-label = Rows to nominate
fp-sheet-preview = Check the rows
fp-sheet-ready = { $ready } of { $total } rows are ready to nominate
fp-sheet-done = { $done } of { $total } rows nominated
fp-sheet-confirm = { $count ->
    [one] Nominate this person and email them
   *[other] Nominate these { $count } people and email them
}
fp-line = Line
fp-result = Result
fp-row-ready = Ready
fp-row-nominated = Nominated
fp-sheet-empty = Nothing to read: paste at least one row.
fp-sheet-too-many = At most { $max } people in one paste.
fp-sheet-unknown-column = The header names a column a nomination does not have: “{ $column }”. Use name, email, organisation, position, country, role and note.
fp-sheet-unreadable = The rows could not be read: { $why }
fp-replace-title = Replace { $name }
fp-replace-what = The place held for { $name } ({ $country }) passes to the person below in one step, so nobody else can take it meanwhile. { $name } is told by email; the new nominee gets an email to accept or decline.
fp-replace-button = Replace { $name } and email both
fp-country-title = { $country } in { $year }
fp-years = Other years
fp-country-none = No session of this year has had anyone from this country.
fp-country-caption = { $count ->
    [one] One session
   *[other] { $count } sessions
} with people from this country
fp-total = Total
fp-only-focal-points = These pages are for National Focal Points. Organisers see each country's nominations on the session's own page.
ws-done-fp-nominated = { $name } is nominated: a place is held and they have been emailed.
ws-done-fp-withdrawn = The nomination of { $name } is withdrawn, and they have been told.
ws-done-fp-endorsed = { $name } is endorsed and has been told.
ws-done-fp-declined = You declined to endorse { $name }, and they have been told.
ws-done-fp-replaced = { $name } now holds the place; both people have been emailed.
ws-done-fp-not-done = Nothing changed: { $why }
ws-by-role = By role
ws-countries-nominations = Countries and nominations
ws-countries-note = “Nominated” counts every nomination made, whatever became of it; “declined” includes nominations that lapsed unanswered. Countries with people come first.
ws-focal-points = Focal points
ws-message-silent = Write to the focal points of the { $countries ->
    [one] country
   *[other] { $countries } countries
} that have put nobody forward ({ $people ->
    [one] one person
   *[other] { $people } people
})
ws-message-silent-send = Send to { $people ->
    [one] one focal point
   *[other] { $people } focal points
} in { $countries ->
    [one] one country
   *[other] { $countries } countries
}
ws-no-silent-countries = Every country with a focal point has put someone forward.
ws-done-focal-message-empty = Nothing was sent: write a subject (at most 150 characters) and a message (at most 10,000).
ws-done-focal-messaged = Sent to { $people ->
    [one] one focal point
   *[other] { $people } focal points
} in { $countries ->
    [one] one country
   *[other] { $countries } countries
}.
lead-focal-message-session = About { $title }, { $when }. Nominate on the session's page in your workspace: { $workspace }
manage-accept-check = Check your details above: if anything is wrong, write to your National Focal Point before accepting. Then choose the time zone your times and invite are written in, answer the organisers' questions and give your consent.
manage-accept-zone-hint = Your country's zones, and the one chosen for you when you were nominated.
err-held-time = this session has been held: its time can no longer change
err-held-cancel = This session has been held and can no longer be cancelled.
ws-status-held = held
ws-upcoming-sessions = Upcoming sessions and drafts
ws-past-sessions = Held and past sessions
ws-no-upcoming = No upcoming session or draft: create one with “New session”.
ws-no-past = No session has ended yet.
ws-delete-draft-link = Delete this draft…
ws-cancel-session-link = Cancel this session…
ws-confirm-back = Back to { $title }
ws-confirm-cancel-title = Cancel “{ $title }”?
ws-confirm-delete-title = Delete the draft “{ $title }”?
ws-confirm-what-happens = What will happen
ws-confirm-cancel-emailed = { $people ->
    [one] One person
   *[other] { $people } people
} will be emailed that the session is cancelled, with your reason, in { $zones ->
    [one] one time zone
   *[other] { $zones } time zones
}.
ws-confirm-cancel-nobody = Nobody is registered, so nobody will be emailed.
ws-confirm-cancel-calendars = The invites in people's calendars are cancelled, and the session stays in the feeds marked as cancelled.
ws-confirm-cancel-final = This cannot be undone.
ws-confirm-reason-hint = Said in the email to everyone registered, in your words.
ws-confirm-reason-required = Say why the session is cancelled: everyone registered is told.
ws-confirm-cancel-button = { $count ->
    [one] Cancel the session and email one person
   *[other] Cancel the session and email { $count } people
}
ws-confirm-cancel-button-nobody = Cancel the session
ws-confirm-keep = Keep the session
ws-confirm-delete-what = The draft is deleted with everything typed in it; nobody has seen it, so nobody is told.
ws-confirm-delete-button = Delete the draft
ws-confirm-keep-draft = Keep the draft
ws-confirm-already-cancelled = This session is already cancelled.
ws-confirm-not-a-draft = This session is published: cancel it instead, so that people and calendars are told.
ws-done-cancelled = The session is cancelled. { $people ->
    [0] Nobody was registered.
    [one] One person is being emailed.
   *[other] { $people } people are being emailed.
}
ws-done-deleted = The draft “{ $title }” is deleted.
ws-done-published = The session is published: it is on the public page /sessions/{ $id } and in the feeds.
ws-done-created = The draft is saved. Nobody sees it until you publish it.
ws-done-created-published = The session is created and published.
ws-done-saved = Your changes are saved.
ws-done-saved-told = Your changes are saved, and { $people ->
    [one] the one person registered is
   *[other] the { $people } people registered are
} being emailed an updated invite.
lead-session-moved = The time has changed. It was { $was }; it is now { $now }.
ws-move-was-now = It was { $was }; it would be { $now }.
ws-move-suits-all = The new time is within working hours on a working day for every registrant's country.
ws-move-flagged = The new time does not suit some registrants' countries (their main zone):
ws-move-outside-hours = { $country }: { $slot } (outside working hours)
ws-move-weekend = { $country }: { $slot } (weekend)
attendance-not-confirmed = Attendance is recorded for confirmed registrations only; this one's status is: { $status }.
err-period-order = must be on or after the period's first day
err-period-long = a report covers at most ten years
err-date = must be a date: YYYY-MM-DD
ws-reports = Reports
rp-period = Period
rp-from = From
rp-to = To (included)
rp-show = Show
rp-showing-this-year = Showing this year instead.
rp-what-counts = Sessions published (held or to come) that start from { $from } to { $to } (UTC dates), and their registrations that stand: confirmed, waiting, awaiting approval, nomination or endorsement. Drafts and cancelled sessions are not counted.
rp-totals = Totals
rp-sessions = Sessions
rp-registrations = Registrations
rp-rate = Attendance rate
rp-unique = People (one per email address)
rp-returning = People who came back (more than one session)
rp-by-month = By month
rp-by-region = By region
rp-by-country = By country
rp-by-topic = By topic
rp-chart-title = Registrations per month
rp-nothing = Nothing in this period.
rp-col-months = Month
rp-col-regions = Region
rp-col-countries = Country
rp-col-topics = Topic
rp-api = The same figures as JSON: GET /api/v1/reports/participation?from=…&to=… with an API token.
rp-all-sessions = All sessions
rp-col-section = Part
rp-col-name = Name
rp-col-people = People
rp-export-csv = Download as CSV
rp-export-xlsx = Download as Excel (XLSX)
rp-export-note = In the downloads, a figure of fewer than 5 people shows as “< 5”, so that no one can be singled out.
series-none-open = No occurrence of this series takes registrations now.
subject-series-registered = Registered for { $count ->
        [one] one date
       *[other] { $count } dates
    }: { $title }
lead-series-registered = You are registered for { $count ->
        [one] one date
       *[other] { $count } dates
    } of this series. Each date, in your time zone, with what your place is and the page to manage it:
lead-series-invite = The calendar invite attached puts the series in your calendar as one recurring event, with only the dates where your place is confirmed, and keeps it up to date when a date changes.
lead-series-no-invite = Your calendar invite follows as soon as a place is confirmed.
email-series-page = The series
series-shifted = at { $start } for you instead of { $usual }: one side changes its clocks
series-summary = { $repeat }, { $count ->
    [one] one date
   *[other] { $count } dates
}
series-keeps = always { $time }
series-dates-in = The dates in your time ({ $zone })
series-register-how = One registration takes a place in every date still to come: one email lists them all, one calendar invite holds the series, and each date keeps its own link to cancel it alone.
series-register = Register for every date
series-calendar = In your calendar
series-feed = Subscribe to the series' calendar feed
repeat-weekly = Weekly
repeat-fortnightly = Every two weeks
repeat-monthly = Monthly
register-whole-series = { $count ->
    [one] Register for this date only
   *[other] Register for all { $count } dates of this series still to come
}
notice-series-dates = You are registered for { $count } dates of this series: one email lists them all, with one calendar invite for the series.
series-next = Next date
series-part-of = Series
series-all-dates = Every date of this series, and registering for all of them

# Shared calendar feeds: their names (calendar apps show them)
feed-all-name = Convene: all sessions
feed-all-description = Every session of the EU CBRN Centres of Excellence network
feed-all-description-custom = Every session of { $network }
feed-all-label = All sessions
feed-name = Convene: { $name }
feed-open-to = Sessions open to participants from { $name }
feed-topic = Sessions on { $name }
feed-series = Every session of the series { $title }

# A series' clock changes (the workspace's notice; the API's warnings)
series-shift-back = From { $from }, the clocks in { $zone } are back to the first occurrence's offset.
series-shift-earlier = From { $from }, { $zone } changes its clocks: the session stays at { $local } there but starts { $minutes ->
    [30] half an hour
    [60] an hour
   *[other] { $minutes } minutes
} earlier for zones without daylight saving time such as all of South-East Asia ({ $there } in { $city } instead of { $usual }).
series-shift-later = From { $from }, { $zone } changes its clocks: the session stays at { $local } there but starts { $minutes ->
    [30] half an hour
    [60] an hour
   *[other] { $minutes } minutes
} later for zones without daylight saving time such as all of South-East Asia ({ $there } in { $city } instead of { $usual }).

# A session's fields: errors the workspace form and the API share
err-status-write = must be draft or published; cancel a session with its cancel action
err-language-tag = must be a language tag such as en, fr, ar or ru
err-join-url = must be an http or https address
err-ends-after = must be after starts_at
err-ends-within = must be within 31 days of starts_at
err-closes-after = must be after registration_opens_at
err-one-of = must be one of: { $choices }
err-quotas-map = must map ISO alpha-2 codes to places from 0 to { $max }
err-quotas-many = must name at most 300 countries
err-time-or-instant = { $why }, or an RFC 3339 instant
err-capacity-taken = must be at least { $taken }, the seats already taken
err-repeat = must be weekly, fortnightly or monthly
err-count-range = must be a whole number from 2 to { $max }
err-until = must be a date such as 2027-06-30
err-count-or-until = give a count or an end date (until)
err-capacity-number = must be a whole number, or empty for unlimited
err-quota-number = must be a whole number, or empty for no quota
err-quotas-form = must be like PH=12, KE=4
err-plan-date = must be a date such as 2027-03-09
err-plan-time = must be a time such as 09:00
err-plan-minutes = must be a length from 15 to 720 minutes
ws-done-choose-action = Choose an action.

# CSV export: column names (in English, the API's field names)
csv-id = id
csv-status = status
csv-waitlist_position = waitlist_position
csv-name = name
csv-email = email
csv-organisation = organisation
csv-position = position
csv-country = country
csv-country_name = country_name
csv-time_zone = time_zone
csv-registered_at_utc = registered_at_utc
csv-answers = answers
csv-role = role
csv-note = note
csv-nominated_by = nominated_by
csv-attendance = attendance
csv-minutes_present = minutes_present

# Why an organiser's action was not done
only-pending-approved = Only pending registrations can be approved; this one's status is: { $status }.
only-waiting-promoted = Only someone on the waiting list can be promoted.
no-seat-free = No seat is free: raise the capacity first.
not-your-region = This session is organised by a region your account does not cover.
err-cancelled-unchangeable = this session is cancelled and can no longer be changed
only-empty-draft-deleted = Only a draft nobody has registered for can be deleted; cancel it instead.

# Certificates of attendance
subject-certificate = Certificate of attendance: { $title }
lead-certificate = Thank you for taking part. Your certificate of attendance is attached to this email (PDF); you can also download it from your registration's page.
lead-certificate-verify = Anyone you show it to can check it with the code and address printed on it.
cert-not-held = Certificates are issued for a session that has been held: this one has not ended, or is a draft or cancelled.
cert-network = EU CBRN Centres of Excellence
cert-heading = Certificate of attendance
cert-certifies = This is to certify that
cert-took-part = { $kind ->
    [webinar] attended the webinar
    [training] took part in the training
    [meeting] took part in the meeting
   *[other] took part in the exercise
}
cert-duration = { $minutes ->
    [0] { $hours } h
   *[other] { $hours } h { $minutes } min
}
cert-organised-by = Organised by the EU CBRN Centres of Excellence, { $region }
cert-organised-by-network = Organised by the EU CBRN Centres of Excellence
cert-number = Certificate { $number }
cert-issued = Issued on { $date }
cert-reissued = Issued on { $date }, reissued on { $again }
cert-verify = Verify at { $url }
cert-verify-title = Certificate of attendance
cert-valid = This certificate is valid.
cert-erased = This certificate is no longer valid: its holder's data has been erased.
cert-revoked = This certificate was revoked on { $date } and is no longer valid.
cert-unknown = No certificate has this code. Check the code printed under the QR code.
cert-unknown-help = Codes have sixteen letters and digits in groups of four, such as K7PQ-2M9X-TR4D-8W3C.
cert-number-label = Number
cert-code-label = Verification code
cert-holder = Awarded to
cert-issued-label = Issued
cert-reissued-on = reissued on { $date }
cert-revoked-on = revoked on { $date }
cert-yours = Your certificate of attendance
cert-download = Download your certificate (PDF)
ws-certificates = Certificates of attendance
ws-certificates-how = Each confirmed registrant marked attended gets a certificate by email, if present for at least the share of the session below when their minutes are known (from a meeting report). Issuing again adds those who qualify since and reissues, with the same number, certificates whose holder's name or organisation was corrected.
ws-cert-percent = Minimum presence (% of the session)
ws-cert-issue = Issue certificates and email them
ws-cert-none = No certificate has been issued for this session yet.
ws-cert-revoke = Revoke
ws-cert-revoke-of = Revoke certificate { $number }
ws-done-certificates = Certificates: { $issued } issued, { $reissued } reissued, { $unchanged } unchanged; { $missing } registrants do not qualify.
ws-done-cert-percent = Give the minimum presence as a whole number from 1 to 100.
ws-done-cert-revoked = Certificate { $number } is revoked; its verification page says so.

# Attendance from a meeting report
ws-report-title = Attendance from the meeting's report
ws-report-how = Export the participant report from Zoom, Teams or Webex (CSV: name, email, join and leave times or duration) and paste it below or choose the file. Confirmed registrants whose email is in it are marked attended with their minutes present (all their joins added up, at most the session's length); people who match nobody are listed.
ws-report-file = Report file (CSV)
ws-report-text = Report (paste the CSV here)
ws-report-import = Import attendance
ws-done-report = { $matched } marked attended from the report. { $unmatched ->
    [0] Everyone in it matched a registration.
   *[other] { $unmatched } in the report match no confirmed registration: { $who }
}
ws-done-report-empty = The report lists nobody with an email address.
ws-done-report-no-email = No row of this text names an email column: is it the participant report?
ws-done-report-no-duration = The report has neither a duration nor join and leave times.

# Check-in at the door
email-check-in = Your check-in code for the door
email-check-in-qr = QR code of your check-in code
check-in-title = Check-in: { $title }
check-in-tally = { $done } of { $of } confirmed registrants checked in
check-in-code = Check-in code
check-in-hint = Type the code from the person's email or registration page (letters and digits, dashes optional), or scan its QR code.
check-in-button = Check in
check-in-scan = Scan with the camera
check-in-done = { $name } is checked in.
check-in-already = { $name } was already checked in at { $time }.
check-in-unknown = No registration of this session has this check-in code.
check-in-not-confirmed = { $name } has no confirmed place (status: { $status }).
check-in-open = Check-in at the door (phone page)

# Answers to the session's questions
answer-yes = yes
answer-no = no
ws-columns = Answers to show

# Hybrid and in-person sessions
venue = Venue
venue-map = map
interpretation = Interpretation into
seats-room = Seats in the room
field-attendance = How you take part
field-interpretation = Interpretation you need
attendance-in_person = In the room
attendance-online = Online
attendance-meanwhile = If the room is full, give me an online place while I wait for a seat in the room
interpretation-none = None
err-attendance-in-person-only = this session takes place in person only
err-attendance-online-only = this session is online only
ws-f-venue = Venue (in-person and hybrid sessions)
ws-f-venue-name = Venue name
ws-f-venue-address = Address
ws-f-venue-city = City
ws-f-in-person-capacity = Seats in the room (hybrid sessions; capacity above is then the online places)
ws-f-interpretation = Interpretation into (language tags, e.g. fr, ar, ru)
ws-by-attendance = In the room and online
ws-by-interpretation = Interpretation needed
csv-attendance_mode = attendance_mode
csv-interpretation = interpretation

## Gender, asked only when the network turns it on (EU reporting by sex)
field-gender = Gender
gender-why = Asked for the EU’s reporting of participation by sex; only totals leave Convene, and you need not answer.
gender-why-more = Why we ask
gender-female = Female
gender-male = Male
gender-another = Another gender
gender-prefer-not-to-say = Prefer not to say
gender-not-stated = Not stated
err-gender-not-asked = is not asked by this network
privacy-gender-title = Gender
privacy-gender = When the network asks for it, the registration form offers an optional question on your gender. The answer is used only to count participation by sex, as the European Union asks of the programmes it funds: the organisers see totals, never who answered what, and only totals leave Convene (in reports, where groups of fewer than 5 people are not shown). You need not answer; erasing your registration erases it too.
rp-by-gender = By gender
rp-col-genders = Gender
rp-gender-note = Self-declared on the registration form; those who gave none are counted as “Not stated”.
ws-network-settings = Network settings
ws-logo = The network's logo
ws-logo-current = The logo shown now
ws-logo-file = A new logo
ws-logo-hint = PNG, JPEG or WebP, at most 200 KB; shown 32 pixels high beside the network's name.
ws-logo-save = Use this logo
ws-logo-remove = Remove the logo
ws-logo-saved = The new logo shows on every page.
ws-logo-removed = The logo is removed: pages show the name alone.
ws-logo-invalid = The logo must be a PNG, JPEG or WebP picture of at most 200 KB.
ws-network-name = The network's name
ws-network-name-hint = Shown beside Convene in every page's header.
ws-funded-by = "Funded by" line
ws-funded-by-hint = Shown in every page's footer, such as "Funded by the European Union"; empty shows none.
ws-identity-invalid = The network's name must have 1 to 120 characters and the "funded by" line at most 200, on one line.
ws-ask-gender = Registration forms ask for gender (optional for participants)
ws-ask-gender-hint = For the EU’s reporting of participation by sex. Participants may always leave it out; organisers see only totals, in the reports.
ws-save-settings = Save settings
ws-ask-gender-on = Registration forms now ask for gender.
ws-ask-gender-off = Registration forms no longer ask for gender; answers already given stay in the reports’ totals.
rp-filter-region = Participants from region
rp-filter-country = Participants from country
rp-filter-topic = Topic
rp-filter-kind = Kind
rp-filter-format = Format
rp-filter-all = All
rp-filtered = Narrowed by the filters above: a region or country counts its own participants, in the sessions open to them.

## Materials and recordings
ws-materials = Materials and recordings
ws-materials-how = Share a link (a recording, slides on a shared drive) or a file (PDF, PowerPoint, Word, Excel, ZIP). “Registrants only” means people with a confirmed place, from their registration’s page; public materials are also on the session’s page.
ws-materials-none = Nothing shared yet.
ws-material-title = Title
ws-material-who = Who may open it
ws-material-what = What
ws-actions = Actions
ws-material-remove = Remove
ws-material-remove-of = Remove “{ $title }”
ws-material-add-link = Add a link
ws-material-url = Address (https://…)
ws-material-upload = Upload a file
ws-material-file = File
ws-material-file-hint = At most { $size }. It is always downloaded, never opened in the browser.
ws-material-tell = Email the people with a confirmed place that it is available
material-audience-public = Everyone
material-audience-registrants = Registrants only
materials-title = Materials
material-link = link
ws-done-material = “{ $title }” is shared.
ws-done-material-told = “{ $title }” is shared, and the people with a confirmed place are being emailed.
ws-done-material-removed = “{ $title }” is removed.
err-material-url = must be a web address starting with https:// or http://
err-material-file = choose a file to upload
material-cancelled = This session is cancelled: nothing more can be shared for it.
subject-material = Materials available: { $title }
lead-material = The organisers have shared “{ $material }”.
lead-material-where = Open it from your registration’s page (the link below).

## Feedback after a session
fb-q-overall = Overall, how would you rate this session? (1 = poor, 5 = excellent)
fb-q-useful = How useful is it for your work? (1 = not at all, 5 = very)
fb-q-improve = What should we improve?
fb-err-no-questions = a feedback form needs at least one question
fb-err-hours = must be a number of hours from 0 to 720
fb-already = This feedback was already given: each person answers once.
fb-anonymity-fixed = People have answered under what the form said about their names: whether answers are anonymous cannot change now.
fb-already-sent = The form has been sent already; it can be changed but not removed.
subject-feedback = Your feedback: { $title }
subject-feedback-reminder = Reminder — your feedback: { $title }
lead-feedback = Thank you for taking part in “{ $title }”. A few questions take two minutes and help the organisers plan the next sessions.
lead-feedback-once = You can answer once, until the organisers close the form.
email-feedback-action = Give your feedback
fb-title = Your feedback: { $title }
fb-thanks = Thank you: your feedback is recorded. Each person answers once.
fb-anonymous = Your answers are kept apart from your name: the organisers see that you answered, never what you said.
fb-named = The organisers will see your name with your answers.
fb-send = Send my feedback
fb-once = You can answer once.
ws-feedback = Feedback
ws-feedback-status = Asked: { $asked } · answered: { $answered }.
ws-feedback-results = See the results
ws-feedback-none = No feedback form yet. Save the questions below (the usual three to start from) and they are emailed to those who attended — or, when attendance was not taken, to everyone with a confirmed place — after the session, with one reminder 3 days later.
ws-feedback-questions = Questions
fb-col-label = Question
fb-col-kind = Kind
fb-col-choices = Choices (comma-separated)
fb-col-required = Required
fb-col-remove = Remove
fb-label-n = Question { $n }
fb-kind-n = Kind of question { $n }
fb-choices-n = Choices of question { $n }
fb-required-n = Question { $n } is required
fb-remove-n = Remove question { $n }
fb-builder-how = Leave a row empty to add nothing. A one-choice question whose choices are whole numbers (1, 2, 3, 4, 5) is a rating: its average is shown.
fb-anonymous-option = Keep answers apart from people’s names (the form says so)
fb-hours = Send this many hours after the session ends
fb-save = Save the feedback form
fb-create = Ask for feedback after the session
fb-remove-form = Remove the feedback form
fb-kind-short_text = Short text
fb-kind-long_text = Long text
fb-kind-single_choice = One choice
fb-kind-multiple_choice = Several choices
fb-kind-checkbox = Tick box
ws-done-feedback = The feedback form is saved.
ws-done-feedback-removed = The feedback form is removed.
fb-results-title = Feedback: { $title }
fb-back = Back to “{ $title }”
fb-results-anonymous = Answers are anonymous: they are counted and listed apart from who gave them.
fb-results-named = Answers are not anonymous: the download names who gave each.
fb-csv = Download the answers (CSV)
fb-answered-n = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
fb-average = average { $average }
fb-chart-title = Answers to “{ $question }”
fb-col-answer = Answer
fb-col-count = People
fb-who = Who answered
fb-who-hidden = Names are shown from { $n } answers on, so that no answer can be told apart.
fb-none-yet = Nobody has answered yet.
rp-map-title = Map of registrations per partner country
rp-map-country = { $country }: { $registrations } registrations, { $attended } attended
rp-map-legend = Registrations:
rp-map-credit = Map outlines: @svg-maps/world by Victor Cazanave, CC BY 4.0, simplified. The table beside gives every figure.
fb-too-late = This session ended more than { $days } days ago: a feedback form saved now is not sent.
fb-col-position = Place
fb-position-n = Place of question { $n }
ws-placeholders = In the subject and message, these are filled in for each person:
ws-preview-text = The plain-text part
ws-sent-title = Messages sent
ws-sent-none = No message has been sent to this session’s registrants yet.
ws-sent-people = { $count ->
    [one] 1 person
   *[other] { $count } people
}
ws-sent-to-confirmed = confirmed
ws-sent-to-waitlisted = waiting list
ws-sent-to-pending_approval = awaiting approval
err-placeholder = { $placeholder } is not filled in; these are: { $known }
add-to-my-calendar = Add to my calendar
