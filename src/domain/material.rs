//! What organisers share about a session — a link or an uploaded file —
//! and the rules that keep a file harmless: a safe name, and a type that is
//! only claimed when the file's first bytes agree with its extension.

use super::fields::{FieldErrors, TextRule, check_text};
use super::message::Message;

super::registration::status_enum!(
    /// Who may open a material.
    Audience { Public = "public", Registrants = "registrants" }
);

/// Whether a registrant may open a material: public ones always,
/// registrants-only ones with a confirmed place (not while waiting, not
/// after cancelling).
pub fn registrant_may_open(audience: Audience, status: super::registration::RegistrationStatus) -> bool {
    audience == Audience::Public || status == super::registration::RegistrationStatus::Confirmed
}

/// The default largest upload, in megabytes (`CONVENE_MAX_UPLOAD_MB`).
pub const DEFAULT_MAX_UPLOAD_MB: u64 = 25;

/// What an organiser typed for a material: its title and audience, and for a
/// link its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaterialInput {
    pub title: String,
    pub audience: Audience,
    /// Some: a link (http or https, with a host); None: a file to come.
    pub url: Option<String>,
}

impl MaterialInput {
    /// Reads the form's words; `url` is None for an upload. Every bad field
    /// is named at once.
    pub fn parse(title: &str, audience: &str, url: Option<&str>) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title =
            check_text(title, TextRule { required: true, max_chars: 200, multiline: false }).unwrap_or_else(|m| {
                errors.add("title", m);
                String::new()
            });
        let audience = Audience::parse(audience.trim()).unwrap_or_else(|| {
            errors.add("audience", Message::new("err-one-of", vec![("choices", "public, registrants".into())]));
            Audience::Registrants
        });
        let url = url.map(|u| {
            let u = u.trim();
            match url::Url::parse(u) {
                Ok(parsed)
                    if matches!(parsed.scheme(), "http" | "https") && parsed.host().is_some() && u.len() <= 2000 =>
                {
                    parsed.to_string()
                }
                _ => {
                    errors.add("url", Message::id("err-material-url"));
                    String::new()
                }
            }
        });
        if errors.is_empty() { Ok(MaterialInput { title, audience, url }) } else { Err(errors) }
    }
}

/// The name a file is offered under: the last part of what the browser
/// sent (never a path), letters, digits and `._-()` and spaces kept, the
/// rest made `_`, at most 120 characters with its extension kept; "file"
/// when nothing is left.
pub fn safe_file_name(sent: &str) -> String {
    let base = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let mapped: String = base
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ' | '(' | ')') { c } else { '_' })
        .collect();
    let trimmed = mapped.trim_matches(|c: char| c == '.' || c == ' ');
    if trimmed.is_empty() {
        return "file".into();
    }
    let (stem, ext) = match trimmed.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().count() <= 10 => (stem, Some(ext)),
        _ => (trimmed, None),
    };
    let room = 120 - ext.map_or(0, |e| e.chars().count() + 1);
    let stem: String = stem.chars().take(room).collect();
    match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem,
    }
}

/// The types a material is served as when its extension and first bytes
/// agree: PDF and the Office formats and ZIP (which are ZIP archives).
const KNOWN: &[(&str, &str, &[u8])] = &[
    ("pdf", "application/pdf", b"%PDF-"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", b"PK\x03\x04"),
    ("zip", "application/zip", b"PK\x03\x04"),
];

/// Anything else — HTML, SVG, a script, a PDF that is not one — is served
/// as bytes to save, never as something a browser would run or show.
pub const OPAQUE: &str = "application/octet-stream";

/// The type a file is served as, from its (safe) name and first bytes.
pub fn served_type(file_name: &str, head: &[u8]) -> &'static str {
    let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    KNOWN
        .iter()
        .find(|(known, _, magic)| *known == ext && head.starts_with(magic))
        .map_or(OPAQUE, |(_, content_type, _)| content_type)
}

/// The largest logo kept, in bytes: it is served on every page's header.
pub const LOGO_MAX_BYTES: usize = 200 * 1024;

/// A logo's type by its bytes: PNG, JPEG or WebP only (an SVG could carry
/// script when opened on its own).
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// `Content-Disposition` for a download: always an attachment, with an
/// ASCII name for old clients and the real one (RFC 5987) for the rest.
pub fn attachment(file_name: &str) -> String {
    let ascii: String = file_name.chars().map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' }).collect();
    let ascii = ascii.replace(['"', '\\'], "_");
    let encoded: String = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// "2.4 MB", "830 KB": a size for people.
pub fn size_label(bytes: i64) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1_000_000.0),
        b if b >= 1_000 => format!("{} KB", b / 1_000),
        b => format!("{b} B"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logo_is_a_picture_by_its_bytes_never_an_svg() {
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\n\0\0"), Some("image/png"));
        assert_eq!(image_type(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(image_type(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(image_type(b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"), None);
        assert_eq!(image_type(b""), None);
    }

    #[test]
    fn a_file_name_is_never_a_path_and_keeps_its_extension() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("C:\\Users\\ana\\Slides (final).pptx"), "Slides (final).pptx");
        assert_eq!(safe_file_name("rapport d’étape.pdf"), "rapport d_étape.pdf");
        assert_eq!(safe_file_name("<script>.html"), "_script_.html");
        assert_eq!(safe_file_name("..."), "file");
        assert_eq!(safe_file_name(".htaccess"), "htaccess");
        let long = format!("{}.pdf", "a".repeat(300));
        let safe = safe_file_name(&long);
        assert!(safe.ends_with(".pdf") && safe.chars().count() == 120, "{safe}");
    }

    #[test]
    fn a_type_is_claimed_only_when_the_first_bytes_agree() {
        assert_eq!(served_type("notes.pdf", b"%PDF-1.7 ..."), "application/pdf");
        assert_eq!(served_type("notes.PDF", b"%PDF-1.4"), "application/pdf");
        assert_eq!(served_type("notes.pdf", b"<html><script>"), OPAQUE, "a page named .pdf");
        assert!(served_type("deck.pptx", b"PK\x03\x04rest").ends_with("presentationml.presentation"));
        for hostile in ["page.html", "image.svg", "run.js", "noextension"] {
            assert_eq!(served_type(hostile, b"<svg onload=alert(1)>"), OPAQUE, "{hostile}");
        }
    }

    #[test]
    fn a_link_is_http_or_https_with_a_host() {
        let ok = MaterialInput::parse("Recording", "public", Some(" https://video.example.org/r/1 ")).expect("ok");
        assert_eq!(ok.url.as_deref(), Some("https://video.example.org/r/1"));
        assert_eq!(ok.audience, Audience::Public);
        for bad in ["javascript:alert(1)", "data:text/html,x", "ftp://example.org/f", "https://", "slides"] {
            let errors = MaterialInput::parse("x", "public", Some(bad)).expect_err(bad);
            assert!(errors.0.contains_key("url"), "{bad}");
        }
        let errors = MaterialInput::parse(" ", "everyone", None).expect_err("two mistakes");
        assert!(errors.0.contains_key("title") && errors.0.contains_key("audience"));
    }

    #[test]
    fn a_download_is_an_attachment_under_its_own_name() {
        assert_eq!(
            attachment("Ordre du jour.pdf"),
            "attachment; filename=\"Ordre du jour.pdf\"; filename*=UTF-8''Ordre%20du%20jour.pdf"
        );
        assert!(attachment("تقرير.pdf").starts_with("attachment; filename=\"_____.pdf\"; filename*=UTF-8''%D8%AA"));
        assert_eq!(size_label(2_400_000), "2.4 MB");
        assert_eq!(size_label(830_000), "830 KB");
    }
}
