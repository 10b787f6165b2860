//! A session's time span as people read it in one zone:
//! "Tue 9 Mar 2027, 16:00–17:30 Manila (UTC+08:00)".

use super::lang::Lang;
use super::zone::TimeZone;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotView {
    pub zone: String,
    pub city: String,
    /// "Tue 9 Mar 2027"
    pub date: String,
    /// "16:00"
    pub start: String,
    /// "17:30", or "Wed 10 Mar 2027, 01:00" when the span crosses midnight here
    pub end: String,
    /// "17:30"
    pub end_time: String,
    /// "Wed 10 Mar 2027" when the span ends on another day here
    pub end_day: Option<String>,
    /// "UTC+08:00"; "UTC+01:00 → UTC+02:00" when the clocks change during it
    pub offset: String,
    /// "+1 day" / "−1 day" when this zone's date differs from the reference zone's
    pub day_mark: Option<String>,
    pub local_date: NaiveDate,
    pub lang: Lang,
}

impl SlotView {
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>, zone: &TimeZone, reference: &TimeZone) -> Self {
        Self::new_in(Lang::En, start, end, zone, reference)
    }

    /// The span in a language: "Tue 9 Mar 2027" or "mar. 9 mars 2027".
    pub fn new_in(lang: Lang, start: DateTime<Utc>, end: DateTime<Utc>, zone: &TimeZone, reference: &TimeZone) -> Self {
        let s = zone.at(start);
        let e = zone.at(end);
        let end_time = hhmm(e.local);
        let end_day = (e.local.date() != s.local.date()).then(|| lang.short_date(e.local.date()));
        let end = match &end_day {
            None => end_time.clone(),
            Some(day) => format!("{day}{}{end_time}", lang.comma()),
        };
        let offset = if s.offset_seconds == e.offset_seconds {
            s.offset_label()
        } else {
            format!("{} → {}", s.offset_label(), e.offset_label())
        };
        let ref_date = reference.at(start).local.date();
        let days = (s.local.date() - ref_date).num_days();
        let day_mark = match days {
            0 => None,
            d if d > 0 => Some(crate::i18n::message(lang, "day-later", &[("days", d.into())])),
            d => Some(crate::i18n::message(lang, "day-earlier", &[("days", d.unsigned_abs().into())])),
        };
        Self {
            zone: zone.name().to_string(),
            city: city_in(lang, zone),
            date: lang.short_date(s.local.date()),
            start: hhmm(s.local),
            end,
            end_time,
            end_day,
            offset,
            day_mark,
            local_date: s.local.date(),
            lang,
        }
    }

    /// For emails: "Tuesday 9 March 2027, 15:00–16:30 in Jakarta (UTC+07:00)".
    pub fn long_line(&self) -> String {
        // "Tuesday 9 March 2027", written only when asked for: feeds
        // build a view per event and never use it.
        format!("{}{}{}", self.lang.long_date(self.local_date), self.lang.comma(), self.clock_in_city())
    }

    /// The whole line, as on pages: "Tue 9 Mar 2027, 16:00–17:30 Manila (UTC+08:00)".
    pub fn line(&self) -> String {
        let l = self.lang;
        let comma = l.comma();
        if l.is_rtl() {
            // The times and the offset in one left-to-right isolate, the city
            // (in Latin letters) after it: "الثلاثاء 9 مارس 2027، [LRI]16:00–17:30 (UTC+08:00)[PDI] Manila".
            return match &self.end_day {
                None => format!(
                    "{}{comma}{} {}",
                    self.date,
                    l.ltr(&format!("{}–{} ({})", self.start, self.end_time, self.offset)),
                    self.city
                ),
                Some(day) => format!(
                    "{}{comma}{} – {day}{comma}{} {}",
                    self.date,
                    l.ltr(&self.start),
                    l.ltr(&format!("{} ({})", self.end_time, self.offset)),
                    self.city
                ),
            };
        }
        format!("{}{comma}{}–{} {} ({})", self.date, self.start, self.end, self.city, self.offset)
    }

    /// The times without the date: "15:00–16:30 in Jakarta (UTC+07:00)".
    pub fn clock_in_city(&self) -> String {
        let l = self.lang;
        let place = crate::i18n::message(l, "in-city", &[("city", self.city.clone().into())]);
        if l.is_rtl() {
            let times = match &self.end_day {
                None => format!("{}–{} ({})", self.start, self.end_time, self.offset),
                Some(day) => {
                    return format!(
                        "{} – {day}{}{} {place}",
                        l.ltr(&self.start),
                        l.comma(),
                        l.ltr(&format!("{} ({})", self.end_time, self.offset))
                    );
                }
            };
            return format!("{} {place}", l.ltr(&times));
        }
        format!("{}–{} {place} ({})", self.start, self.end, self.offset)
    }

    /// One instant: "Tue 9 Mar 2027, 16:00 Manila (UTC+08:00)".
    pub fn instant(&self) -> String {
        let l = self.lang;
        if l.is_rtl() {
            return format!(
                "{}{}{} {}",
                self.date,
                l.comma(),
                l.ltr(&format!("{} ({})", self.start, self.offset)),
                self.city
            );
        }
        format!("{}, {} {} ({})", self.date, self.start, self.city, self.offset)
    }

    /// The clock times and the place, for a series that keeps them: "16:00–17:30 Manila (UTC+08:00)".
    pub fn clock(&self) -> String {
        let l = self.lang;
        if l.is_rtl() {
            return format!("{} {}", l.ltr(&format!("{}–{} ({})", self.start, self.end, self.offset)), self.city);
        }
        format!("{}–{} {} ({})", self.start, self.end, self.city, self.offset)
    }
}

/// "09:05": without chrono's format strings, which are parsed anew on
/// every call (a feed writes thousands of these).
fn hhmm(t: chrono::NaiveDateTime) -> String {
    use chrono::Timelike;
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A zone's city in the reader's language (`Bruxelles`, `Манила`), from
/// the names catalogue; the English of the IANA name when it has none.
pub fn city_in(lang: Lang, zone: &TimeZone) -> String {
    crate::i18n::name(lang, &city_key(zone), &zone.city())
}

/// A zone's city as a message argument, written in the reader's language
/// when the message is (`Arg::Names` of the names catalogue).
pub fn city_arg(zone: &TimeZone) -> crate::domain::message::Arg {
    crate::domain::message::Arg::Names(vec![(city_key(zone), zone.city())])
}

fn city_key(zone: &TimeZone) -> String {
    format!("city-{}", zone.name().replace('/', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZone {
        TimeZone::parse(name).expect("known zone")
    }

    #[test]
    fn a_manila_session_reads_as_planned_and_a_day_earlier_in_brussels_when_late() {
        let manila = zone("Asia/Manila");
        let start = manila
            .resolve(chrono::NaiveDate::from_ymd_opt(2027, 3, 9).and_then(|d| d.and_hms_opt(16, 0, 0)).expect("date"))
            .expect("valid")
            .utc;
        let end = start + chrono::Duration::minutes(90);
        let here = SlotView::new(start, end, &manila, &manila);
        assert_eq!(here.line(), "Tue 9 Mar 2027, 16:00–17:30 Manila (UTC+08:00)");
        assert_eq!(here.day_mark, None);
        let brussels = SlotView::new(start, end, &zone("Europe/Brussels"), &manila);
        assert_eq!(brussels.line(), "Tue 9 Mar 2027, 09:00–10:30 Brussels (UTC+01:00)");
        let early = manila
            .resolve(chrono::NaiveDate::from_ymd_opt(2027, 3, 9).and_then(|d| d.and_hms_opt(6, 0, 0)).expect("date"))
            .expect("valid")
            .utc;
        let view = SlotView::new(early, early + chrono::Duration::hours(1), &zone("Europe/Brussels"), &manila);
        assert_eq!(view.day_mark.as_deref(), Some("−1 day"));
        assert_eq!(view.line(), "Mon 8 Mar 2027, 23:00–Tue 9 Mar 2027, 00:00 Brussels (UTC+01:00)");
    }

    #[test]
    fn in_arabic_the_times_and_offset_are_isolated_left_to_right() {
        let riyadh = zone("Asia/Riyadh");
        let start = riyadh
            .resolve(chrono::NaiveDate::from_ymd_opt(2027, 3, 9).and_then(|d| d.and_hms_opt(16, 0, 0)).expect("date"))
            .expect("valid")
            .utc;
        let view = SlotView::new_in(Lang::Ar, start, start + chrono::Duration::minutes(90), &riyadh, &riyadh);
        assert_eq!(
            view.line(),
            "الثلاثاء 9 مارس 2027، \u{2066}16:00–17:30 (UTC+03:00)\u{2069} الرياض",
            "the city in Arabic"
        );
        assert!(view.long_line().contains("\u{2066}16:00–17:30 (UTC+03:00)\u{2069}"), "{}", view.long_line());
        let ru =
            SlotView::new_in(Lang::Ru, start, start + chrono::Duration::minutes(90), &zone("Asia/Tashkent"), &riyadh);
        assert_eq!(ru.line(), "вт, 9 мар 2027, 18:00–19:30 Ташкент (UTC+05:00)");
    }
}
