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
