"""Expands an iCalendar text (stdin) with python recurring-ical-events, an
implementation independent of ours and of ical.js: prints one JSON line
per occurrence between the dates given as arguments, soonest first, with
its UID, start and end in UTC, RECURRENCE-ID (if an instance of its own)
and STATUS. Used by the end-to-end journeys (e2e/journeys)."""
import json
import sys
from datetime import date, timezone

import icalendar
import recurring_ical_events

start, end = (date.fromisoformat(a) for a in sys.argv[1:3])
calendar = icalendar.Calendar.from_ical(sys.stdin.read())
out = []
for event in recurring_ical_events.of(calendar).between(start, end):
    rid = event.get("RECURRENCE-ID")
    out.append({
        "uid": str(event.get("UID")),
        "start": event.decoded("DTSTART").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "end": event.decoded("DTEND").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "recurrence_id": rid.dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if rid else None,
        "status": str(event.get("STATUS", "")),
    })
out.sort(key=lambda o: o["start"])
print(json.dumps(out))
