# Pages: the frame
skip-link = Skip to content
show-times-in = Show times in
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
