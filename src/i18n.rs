//! Message catalogues in Fluent (`locales/*.ftl`, compiled in), one per
//! [`Lang`]. A message missing from a catalogue falls back to English and
//! is logged; the tests fail if any catalogue lacks a message English has.

use crate::domain::lang::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::LazyLock;

const SOURCES: [(Lang, &str); 2] =
    [(Lang::En, include_str!("../locales/en.ftl")), (Lang::Fr, include_str!("../locales/fr.ftl"))];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang, source: &str) -> Bundle {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No bidi isolation marks: they would show up in plain-text emails.
    bundle.set_use_isolating(false);
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
}
