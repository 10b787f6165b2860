//! The languages pages and emails are written in. English is the
//! default; French for the network's francophone partners. Adding one is a
//! variant here, a catalogue in `locales/` and its date names.

use chrono::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
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
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// A language tag's primary subtag: `fr-SN` is French.
    pub fn parse(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::En),
            "fr" => Some(Self::Fr),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
        }
    }

    /// Its own name, for the language switcher.
    pub fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Fr => "Français",
        }
    }

    /// The writing direction, for `<html dir>`. The stylesheet uses logical
    /// properties only (`inline-start`, `text-align: start`), so a
    /// right-to-left language such as Arabic needs only `rtl` here.
    pub fn dir(self) -> &'static str {
        match self {
            Self::En | Self::Fr => "ltr",
        }
    }

    pub fn locale(self) -> Locale {
        match self {
            Self::En => Locale::en_GB,
            Self::Fr => Locale::fr_FR,
        }
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
        assert_eq!(Lang::negotiate("ar,fr;q=0.7"), Lang::Fr);
        assert_eq!(Lang::negotiate(""), Lang::En);
        assert_eq!(Lang::negotiate("fr;q=0"), Lang::En);
    }
}
