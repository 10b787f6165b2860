//! Message catalogues in Fluent (`locales/*.ftl`, compiled in), one per
//! [`Lang`]. A message missing from a catalogue falls back to English and
//! is logged; the tests fail if any catalogue lacks a message English has.

use crate::domain::lang::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::LazyLock;

const SOURCES: [(Lang, &str); 4] = [
    (Lang::En, include_str!("../locales/en.ftl")),
    (Lang::Fr, include_str!("../locales/fr.ftl")),
    (Lang::Ar, include_str!("../locales/ar.ftl")),
    (Lang::Ru, include_str!("../locales/ru.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang, source: &str) -> Bundle {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Arguments (names, numbers, times, addresses) are isolated only in a
    // right-to-left language, where they keep a Latin name or an address
    // from reordering the sentence around it; pages turn the isolates into
    // `<bdi>` (web::bidi), plain text and calendars keep them as characters.
    // In left-to-right languages they would only be noise in plain text.
    bundle.set_use_isolating(lang.is_rtl());
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, errors)| {
        tracing::error!(lang = lang.tag(), ?errors, "a catalogue has syntax errors");
        partial
    });
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(lang = lang.tag(), ?errors, "a catalogue has duplicate messages");
    }
    bundle
}

static BUNDLES: LazyLock<HashMap<Lang, Bundle>> =
    LazyLock::new(|| SOURCES.iter().map(|(lang, source)| (*lang, bundle(*lang, source))).collect());

fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let bundle = BUNDLES.get(&lang)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
    if !errors.is_empty() {
        tracing::warn!(lang = lang.tag(), id, ?errors, "a message did not format cleanly");
    }
    Some(text)
}

/// The message `id` in `lang`, with named arguments.
pub fn message(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent = FluentArgs::new();
    for (k, v) in args {
        fluent.set(*k, v.clone());
    }
    let args = (!args.is_empty()).then_some(&fluent);
    format(lang, id, args)
        .or_else(|| {
            tracing::warn!(lang = lang.tag(), id, "message missing; using English");
            format(Lang::En, id, args)
        })
        .unwrap_or_else(|| id.to_string())
}

/// Names of reference data (regions, countries, topics) per language,
/// apart from the message catalogues: English names live in the database,
/// where admins can change them.
const NAMES: [(Lang, &str); 3] = [
    (Lang::Fr, include_str!("../locales/names.fr.ftl")),
    (Lang::Ar, include_str!("../locales/names.ar.ftl")),
    (Lang::Ru, include_str!("../locales/names.ru.ftl")),
];

static NAME_BUNDLES: LazyLock<HashMap<Lang, Bundle>> =
    LazyLock::new(|| NAMES.iter().map(|(lang, source)| (*lang, bundle(*lang, source))).collect());

/// A region's, country's or topic's name in `lang` (`key` such as
/// `country-SN`), given its current English name. The translation is used
/// only while it translates that name: a topic renamed in the workspace
/// keeps its new name in every language until the catalogue follows.
pub fn name(lang: Lang, key: &str, current: &str) -> String {
    translated_name(lang, key, current).unwrap_or_else(|| current.to_string())
}

fn translated_name(lang: Lang, key: &str, current: &str) -> Option<String> {
    let bundle = NAME_BUNDLES.get(&lang)?;
    let message = bundle.get_message(key)?;
    let mut errors = Vec::new();
    let english = bundle.format_pattern(message.get_attribute("en")?.value(), None, &mut errors);
    if english != current {
        return None;
    }
    // Names have no arguments, so no isolates either way.
    Some(bundle.format_pattern(message.value()?, None, &mut errors).into_owned())
}

/// Whether the catalogues have a message `id`.
pub fn exists(id: &str) -> bool {
    BUNDLES.get(&Lang::En).is_some_and(|b| b.has_message(id))
}

/// The message `id` in `lang`, without arguments.
pub fn t(lang: Lang, id: &str) -> String {
    message(lang, id, &[])
}

/// Every message id of a language's catalogue.
pub fn ids(lang: Lang) -> Vec<String> {
    let source = SOURCES.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s).unwrap_or_default();
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut ids: Vec<String> = resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    ids.sort();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_and_each_parses() {
        let english = ids(Lang::En);
        assert!(english.len() > 20);
        for lang in Lang::ALL {
            let source = SOURCES.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s).unwrap_or_default();
            assert!(FluentResource::try_new(source.to_string()).is_ok(), "{} parses", lang.tag());
            let theirs = ids(lang);
            let missing: Vec<&String> = english.iter().filter(|id| !theirs.contains(id)).collect();
            let extra: Vec<&String> = theirs.iter().filter(|id| !english.contains(id)).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{}: missing {missing:?}, extra {extra:?}", lang.tag());
        }
    }

    #[test]
    fn every_seeded_name_has_a_name_in_each_language_for_exactly_that_english_name() {
        let countries = include_str!("../reference/partner_countries.csv");
        let topics = include_str!("../reference/topics.csv");
        let mut missing = Vec::new();
        let mut check = |key: String, english: &str| {
            for lang in [Lang::Fr, Lang::Ar, Lang::Ru] {
                if translated_name(lang, &key, english).is_none() {
                    missing.push(format!("{}: {key}", lang.tag()));
                }
            }
        };
        for line in countries.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            check(format!("region-{}", f[0]), f[1]);
            check(format!("country-{}", f[3]), f[4]);
        }
        for line in topics.lines().skip(1) {
            if let Some((slug, english)) = line.split_once(',') {
                check(format!("topic-{slug}"), english);
            }
        }
        assert!(missing.is_empty(), "no name (or one for another English name): {missing:?}");
        assert_eq!(name(Lang::Fr, "country-SN", "Senegal"), "Sénégal");
        assert_eq!(name(Lang::Ar, "country-MA", "Morocco"), "المغرب");
        assert_eq!(name(Lang::Ru, "country-UZ", "Uzbekistan"), "Узбекистан");
        assert_eq!(name(Lang::Fr, "topic-biosafety", "Biosafety in labs"), "Biosafety in labs", "renamed: kept");
        assert_eq!(name(Lang::En, "country-SN", "Senegal"), "Senegal");
    }

    #[test]
    fn every_message_used_in_templates_exists() {
        let english = ids(Lang::En);
        let mut used = Vec::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(path) = stack.pop() {
            for entry in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let Ok(text) = std::fs::read_to_string(&p) {
                    for piece in text.split(".t(\"").skip(1) {
                        if let Some(id) = piece.split('"').next() {
                            used.push((p.display().to_string(), id.to_string()));
                        }
                    }
                }
            }
        }
        assert!(!used.is_empty());
        let unknown: Vec<_> = used.iter().filter(|(_, id)| !english.contains(id)).collect();
        assert!(unknown.is_empty(), "messages used but not in locales/en.ftl: {unknown:?}");
    }

    #[test]
    fn plurals_and_arguments() {
        let later = |lang, n: i64| message(lang, "day-later", &[("days", FluentValue::from(n))]);
        assert_eq!(later(Lang::En, 1), "+1 day");
        assert_eq!(later(Lang::Fr, 2), "+2 jours");
        assert_eq!(t(Lang::Fr, "home-title"), "Sessions à venir");
    }

    /// Arabic has six plural forms and Russian three (with "other" for
    /// fractions); each catalogue's day counts pick the right one.
    #[test]
    fn plural_forms_of_each_language() {
        let later = |lang, n: i64| message(lang, "day-later", &[("days", FluentValue::from(n))]);
        let strip = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        let ru: Vec<String> = [1, 2, 5, 11, 21, 22, 25].iter().map(|n| later(Lang::Ru, *n)).collect();
        assert_eq!(ru, ["+1 день", "+2 дня", "+5 дней", "+11 дней", "+21 день", "+22 дня", "+25 дней"]);
        let ar: Vec<String> = [1, 2, 3, 11, 100].iter().map(|n| strip(later(Lang::Ar, *n))).collect();
        assert_eq!(ar, ["اليوم التالي", "بعد يومين", "بعد 3 أيام", "بعد 11 يومًا", "بعد 100 يوم"]);
        // Every number of days reads in each language (no variant missing).
        for lang in Lang::ALL {
            for n in 0..30 {
                let text = later(lang, n);
                assert!(!text.is_empty() && !text.contains("day-later"), "{}: {n}", lang.tag());
            }
        }
        let seats = |lang, n: i64| message(lang, "ws-send-to", &[("count", FluentValue::from(n))]);
        assert_eq!(seats(Lang::Ru, 3), "Отправить 3 получателям");
        assert_eq!(seats(Lang::Ru, 21), "Отправить 21 получателю");
        assert_eq!(strip(seats(Lang::Ar, 2)), "إرسال إلى شخصين");
    }

    #[test]
    fn arguments_are_isolated_in_arabic_only() {
        let ar = message(Lang::Ar, "ws-signed-in-as", &[("email", FluentValue::from("a@example.org"))]);
        assert!(ar.contains("\u{2068}a@example.org\u{2069}"), "{ar}");
        let ru = message(Lang::Ru, "ws-signed-in-as", &[("email", FluentValue::from("a@example.org"))]);
        assert!(!ru.contains('\u{2068}'), "{ru}");
    }
}
