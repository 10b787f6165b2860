//! Bidirectional isolation in HTML. Text is isolated once, where it is
//! written (`Lang::ltr` for times, offsets and codes; Fluent's first-strong
//! isolates around every argument of a right-to-left message), with the
//! Unicode isolates, which plain-text email and iCalendar keep as they are.
//! A page or an HTML email turns them into `<bdi>` elements, the markup that
//! HTML prefers over control characters, just before it is sent.

use super::lang::{FSI, LRI, PDI};

/// RLI, which nothing of ours writes, but an isolate in stored text may be one.
const RLI: char = '\u{2067}';

/// Elements whose content is text only: a `<bdi>` in them would show as
/// letters (`title`, `textarea`) or be dropped (`option`); there the
/// isolates stay characters, which browsers honour as well.
const TEXT_ONLY: [&str; 5] = ["title", "textarea", "option", "script", "style"];

/// `html` with each isolate in element content as a `<bdi>`: LRI … PDI as
/// `<bdi dir="ltr">`, RLI as `<bdi dir="rtl">`, FSI as `<bdi>` (whose
/// direction, like FSI's, comes from its first strong letter). Isolates in
/// attribute values and in text-only elements are left as they are. Each run
/// of text is balanced on its own: an isolate left open closes before the
/// next tag, and a PDI without an isolate is dropped, so stored text with
/// stray isolates cannot unbalance the page.
pub fn markup(html: &str) -> String {
    if !html.contains([LRI, RLI, FSI, PDI]) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    let mut text_only: Option<&str> = None;
    while !rest.is_empty() {
        let text_end = rest.find('<').unwrap_or(rest.len());
        let (text, tail) = rest.split_at(text_end);
        if text_only.is_some() {
            out.push_str(text);
        } else {
            isolate_text(text, &mut out);
        }
        if tail.is_empty() {
            break;
        }
        let tag_end = tail.find('>').map_or(tail.len(), |i| i + 1);
        let (tag, after) = tail.split_at(tag_end);
        let name = tag_name(tag);
        match text_only {
            Some(open) if tag.starts_with("</") && name.eq_ignore_ascii_case(open) => text_only = None,
            None if !tag.starts_with("</") => {
                text_only = TEXT_ONLY.into_iter().find(|t| name.eq_ignore_ascii_case(t));
            }
            _ => {}
        }
        out.push_str(tag);
        rest = after;
    }
    out
}

fn tag_name(tag: &str) -> &str {
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let end = name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len());
    &name[..end]
}

fn isolate_text(text: &str, out: &mut String) {
    let mut open = 0usize;
    for c in text.chars() {
        match c {
            LRI => {
                out.push_str("<bdi dir=\"ltr\">");
                open += 1;
            }
            RLI => {
                out.push_str("<bdi dir=\"rtl\">");
                open += 1;
            }
            FSI => {
                out.push_str("<bdi>");
                open += 1;
            }
            PDI if open > 0 => {
                out.push_str("</bdi>");
                open -= 1;
            }
            PDI => {}
            c => out.push(c),
        }
    }
    for _ in 0..open {
        out.push_str("</bdi>");
    }
}

#[cfg(test)]
mod tests {
    use super::markup;

    #[test]
    fn isolates_in_text_become_bdi_and_elsewhere_stay() {
        let html = "<p>الموعد \u{2066}16:00 (UTC+03:00)\u{2069} و\u{2068}a@example.org\u{2069}</p>";
        assert_eq!(markup(html), "<p>الموعد <bdi dir=\"ltr\">16:00 (UTC+03:00)</bdi> و<bdi>a@example.org</bdi></p>");
        let attr = "<a aria-label=\"اختر \u{2068}Ali\u{2069}\">x</a>";
        assert_eq!(markup(attr), attr, "attributes keep their characters");
        let title = "<title>\u{2068}Ali\u{2069}</title><p>\u{2068}Ali\u{2069}</p>";
        assert_eq!(markup(title), "<title>\u{2068}Ali\u{2069}</title><p><bdi>Ali</bdi></p>");
        assert_eq!(markup("<p>\u{2066}open</p><p>close\u{2069}</p>"), "<p><bdi dir=\"ltr\">open</bdi></p><p>close</p>");
        assert_eq!(markup("<p>plain</p>"), "<p>plain</p>");
    }
}
