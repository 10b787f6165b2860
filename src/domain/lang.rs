//! The languages pages and emails are written in: the network's four
//! working languages. English is the default; French for the francophone
//! partners, Arabic for the Middle East, the Gulf and North Africa, Russian
//! for Central Asia and Eastern Europe. Adding one is a variant here, a
//! catalogue in `locales/` and its date patterns below.

use chrono::Locale;

/// LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE.
pub const LRI: char = '\u{2066}';
pub const PDI: char = '\u{2069}';
/// FIRST STRONG ISOLATE: the direction of what it holds decides (a name
/// in Arabic or in Latin letters); Fluent wraps arguments in it.
pub const FSI: char = '\u{2068}';

/// The network's name until an admin sets one (network settings).
pub const DEFAULT_NETWORK_NAME: &str = "EU CBRN Centres of Excellence";

/// The network's name as a reader of `lang` sees it: the default in their
/// language (`network-name`), or the name an admin set, as they wrote it.
/// `custom` says which, so that a sentence that must decline the default
/// name ("sessions of the … network") can fall back to one that only
/// quotes an admin's.
pub fn network_name(lang: Lang, setting: &str) -> (String, bool) {
    if setting == DEFAULT_NETWORK_NAME {
        (crate::i18n::t(lang, "network-name"), false)
    } else {
        (setting.to_string(), true)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
    Ar,
    Ru,
}

impl TryFrom<String> for Lang {
    type Error = super::UnknownValue;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).ok_or(super::UnknownValue { kind: "language", value })
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag())
    }
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Ar, Lang::Ru];

    /// A language tag's primary subtag: `fr-SN` is French.
    pub fn parse(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::En),
            "fr" => Some(Self::Fr),
            "ar" => Some(Self::Ar),
            "ru" => Some(Self::Ru),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::Ar => "ar",
            Self::Ru => "ru",
        }
    }

    /// Its own name, for the language switcher.
    pub fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Fr => "Français",
            Self::Ar => "العربية",
            Self::Ru => "Русский",
        }
    }

    /// The writing direction, for `<html dir>`. The stylesheet uses logical
    /// properties only (`inline-start`, `text-align: start`), so a
    /// right-to-left language such as Arabic needs only `rtl` here.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Self::Ar)
    }

    /// Left-to-right text (a time with its UTC offset, a code, an address)
    /// set apart from the sentence around it, so that a right-to-left line
    /// cannot reorder its pieces: "(UTC+03:00)" stays "(UTC+03:00)", never
    /// "(03:00+UTC)". The Unicode isolates (LRI … PDI) work in plain text and
    /// iCalendar; `web::bidi` turns them into `<bdi dir="ltr">` in pages.
    /// Left-to-right languages get the text as it is.
    pub fn ltr(self, text: &str) -> String {
        if self.is_rtl() { format!("{LRI}{text}{PDI}") } else { text.to_string() }
    }

    /// Text of either direction (a place, a link) set apart in a
    /// right-to-left line: its first strong letter decides its direction,
    /// as Fluent does for a message's arguments.
    pub fn isolate(self, text: &str) -> String {
        if self.is_rtl() { format!("{FSI}{text}{PDI}") } else { text.to_string() }
    }

    /// Day and month names. Arabic uses the Gregorian month names of
    /// Egypt and the Gulf (يناير، فبراير، مارس), which readers from the
    /// Maghreb to the Levant understand; Russian the genitive month names.
    pub fn locale(self) -> Locale {
        match self {
            Self::En => Locale::en_GB,
            Self::Fr => Locale::fr_FR,
            Self::Ar => Locale::ar_EG,
            Self::Ru => Locale::ru_RU,
        }
    }

    /// "Tue 9 Mar 2027", "mar. 9 mars 2027", "الثلاثاء 9 مارس 2027",
    /// "вт, 9 мар 2027". Arabic abbreviates neither days nor months (the
    /// locale's abbreviations are single letters), so its short date is its
    /// long one. Digits are the Western ones (0–9) in every language: they
    /// are what the Maghreb writes, what times, offsets and codes are
    /// written in everywhere, and the same in pages, emails, invites and
    /// certificates, so an Arabic reader sees one time written one way.
    pub fn short_date(self, date: chrono::NaiveDate) -> String {
        // Remembered per thread: a feed or a long list writes the same few
        // hundred days thousands of times, and chrono parses its format
        // string on every call.
        thread_local! {
            static WRITTEN: std::cell::RefCell<std::collections::HashMap<(Lang, chrono::NaiveDate), String>> =
                Default::default();
        }
        if let Some(known) = WRITTEN.with(|w| w.borrow().get(&(self, date)).cloned()) {
            return known;
        }
        let text = match self {
            Self::Ar => self.long_date(date),
            Self::Ru => date.format_localized("%a, %-d %b %Y", self.locale()).to_string().to_lowercase(),
            Self::En | Self::Fr => date.format_localized("%a %-d %b %Y", self.locale()).to_string(),
        };
        WRITTEN.with(|w| {
            let mut w = w.borrow_mut();
            if w.len() >= 4096 {
                w.clear();
            }
            w.insert((self, date), text.clone());
        });
        text
    }

    /// "Tuesday 9 March 2027", "mardi 9 mars 2027", "الثلاثاء 9 مارس 2027",
    /// "вторник, 9 марта 2027".
    pub fn long_date(self, date: chrono::NaiveDate) -> String {
        match self {
            Self::Ru => date.format_localized("%A, %-d %B %Y", self.locale()).to_string().to_lowercase(),
            _ => date.format_localized("%A %-d %B %Y", self.locale()).to_string(),
        }
    }

    /// A day without its year, for tables of one season: "Tue 9 Mar".
    pub fn day_month(self, date: chrono::NaiveDate) -> String {
        match self {
            Self::Ar => date.format_localized("%A %-d %B", self.locale()).to_string(),
            Self::Ru => date.format_localized("%a, %-d %b", self.locale()).to_string().to_lowercase(),
            Self::En | Self::Fr => date.format_localized("%a %-d %b", self.locale()).to_string(),
        }
    }

    /// What separates a date from its time in a line: the Arabic comma in
    /// Arabic.
    pub fn comma(self) -> &'static str {
        if self.is_rtl() { "، " } else { ", " }
    }

    /// The best language for an `Accept-Language` header, by its q-values.
    pub fn negotiate(accept_language: &str) -> Self {
        let mut best: Option<(f32, Self)> = None;
        for part in accept_language.split(',').take(20) {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default();
            let q = pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            if let Some(lang) = Self::parse(tag)
                && q > 0.0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn accept_language_picks_the_highest_known() {
        assert_eq!(Lang::negotiate("fr-SN,fr;q=0.9,en;q=0.8"), Lang::Fr);
        assert_eq!(Lang::negotiate("de-DE,en;q=0.5,fr;q=0.4"), Lang::En);
        assert_eq!(Lang::negotiate("ar,fr;q=0.7"), Lang::Ar);
        assert_eq!(Lang::negotiate("uz-UZ,ru;q=0.8,en;q=0.5"), Lang::Ru);
        assert_eq!(Lang::negotiate("de,es;q=0.5"), Lang::En);
        assert_eq!(Lang::negotiate(""), Lang::En);
        assert_eq!(Lang::negotiate("fr;q=0"), Lang::En);
    }

    #[test]
    fn dates_in_each_language() {
        let d = chrono::NaiveDate::from_ymd_opt(2027, 3, 9).expect("date");
        assert_eq!(Lang::En.short_date(d), "Tue 9 Mar 2027");
        assert_eq!(Lang::Fr.short_date(d), "mar. 9 mars 2027");
        assert_eq!(Lang::Ar.short_date(d), "الثلاثاء 9 مارس 2027");
        assert_eq!(Lang::Ru.short_date(d), "вт, 9 мар 2027");
        assert_eq!(Lang::Ru.long_date(d), "вторник, 9 марта 2027");
        assert_eq!(Lang::Fr.long_date(d), "mardi 9 mars 2027");
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Ar.ltr("UTC+03:00"), "\u{2066}UTC+03:00\u{2069}");
        assert_eq!(Lang::Ru.ltr("UTC+05:00"), "UTC+05:00");
    }
}
