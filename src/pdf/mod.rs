//! Certificates of attendance as PDF: one A4 landscape page of centred
//! lines, a footer with the number and the verification address, and the
//! address's QR code. Written with krilla; text is shaped with rustybuzz
//! (Arabic letters join) and ordered with the Unicode bidi algorithm, so an
//! Arabic name reads right to left inside a Latin line and the other way
//! round. Two OFL fonts are embedded (subset): Noto Sans for Latin and
//! Cyrillic, Noto Sans Arabic for Arabic (`assets/fonts`, with OFL.txt).
//! Knows nothing of sessions: the caller gives it the words.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use std::sync::LazyLock;
use unicode_bidi::{BidiInfo, Level};

/// A4 landscape, in points.
const WIDTH: f32 = 841.89;
const HEIGHT: f32 = 595.28;
const MARGIN: f32 = 56.0;

static SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
static ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");
static ARABIC_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Bold.ttf");

/// One face: the font for krilla and the same bytes parsed for rustybuzz.
struct Face {
    shaper: rustybuzz::Face<'static>,
    font: Font,
}

struct Faces {
    sans: Face,
    sans_bold: Face,
    arabic: Face,
    arabic_bold: Face,
}

static FACES: LazyLock<Option<Faces>> = LazyLock::new(|| {
    let face = |data: &'static [u8]| {
        Some(Face { shaper: rustybuzz::Face::from_slice(data, 0)?, font: Font::new(data.into(), 0)? })
    };
    Some(Faces {
        sans: face(SANS)?,
        sans_bold: face(SANS_BOLD)?,
        arabic: face(ARABIC)?,
        arabic_bold: face(ARABIC_BOLD)?,
    })
});

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded fonts could not be read")]
    Fonts,
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// A line of text, centred.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub size: f32,
    pub bold: bool,
    /// Space above it, in points.
    pub gap: f32,
}

impl Line {
    pub fn new(text: impl Into<String>, size: f32, bold: bool, gap: f32) -> Self {
        Self { text: text.into(), size, bold, gap }
    }
}

/// What the page says.
#[derive(Debug, Clone)]
pub struct Certificate {
    /// The document's language tag (`ar`), for readers and screen readers.
    pub lang: String,
    /// Right to left: the footer sits on the right, the QR code on the left.
    pub rtl: bool,
    /// The document's title, in its metadata.
    pub title: String,
    /// The body, centred from the top; long lines wrap.
    pub lines: Vec<Line>,
    /// Lines at the foot, beside the QR code.
    pub footer: Vec<String>,
    /// What the QR code holds (the verification address).
    pub qr: String,
}

/// The certificate as PDF bytes.
pub fn render(c: &Certificate) -> Result<Vec<u8>, PdfError> {
    let faces = FACES.as_ref().ok_or(PdfError::Fonts)?;
    let mut document = Document::new();
    document
        .set_metadata(Metadata::new().title(c.title.clone()).language(c.lang.clone()).creator("Convene".to_string()));
    let settings = PageSettings::from_wh(WIDTH, HEIGHT).ok_or_else(|| PdfError::Write("page size".into()))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    frame(&mut surface);
    let base = c.rtl.then(Level::rtl).unwrap_or_else(Level::ltr);
    let mut y = MARGIN + 40.0;
    for line in &c.lines {
        for piece in wrap(faces, &line.text, line.size, line.bold, WIDTH - 2.0 * MARGIN - 40.0, base) {
            y += line.gap.max(0.0) + line.size * 1.25;
            let width = measure(faces, &piece, line.size, line.bold, base);
            draw_line(&mut surface, faces, &piece, (WIDTH - width) / 2.0, y, line.size, line.bold, base);
        }
    }
    let qr_size = 96.0;
    let qr_x = if c.rtl { MARGIN + 16.0 } else { WIDTH - MARGIN - 16.0 - qr_size };
    let qr_y = HEIGHT - MARGIN - 16.0 - qr_size;
    qr_code(&mut surface, &c.qr, qr_x, qr_y, qr_size)?;
    let mut fy = qr_y + 18.0;
    for text in &c.footer {
        let width = measure(faces, text, 10.0, false, base);
        let x = if c.rtl { WIDTH - MARGIN - 16.0 - width } else { MARGIN + 16.0 };
        draw_line(&mut surface, faces, text, x, fy, 10.0, false, base);
        fy += 16.0;
    }
    surface.finish();
    page.finish();
    document.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}

fn colour(r: u8, g: u8, b: u8) -> Fill {
    Fill { paint: rgb::Color::new(r, g, b).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

/// A double rule round the page, in the workspace's blue.
fn frame(surface: &mut Surface) {
    for (inset, width) in [(24.0, 2.5), (32.0, 0.8)] {
        let mut path = PathBuilder::new();
        if let Some(rect) = Rect::from_xywh(inset, inset, WIDTH - 2.0 * inset, HEIGHT - 2.0 * inset) {
            path.push_rect(rect);
        }
        if let Some(path) = path.finish() {
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke { paint: rgb::Color::new(11, 79, 156).into(), width, ..Stroke::default() }));
            surface.draw_path(&path);
        }
    }
    surface.set_stroke(None);
    surface.set_fill(Some(colour(27, 31, 36)));
}

/// The QR code as black squares, with its quiet zone.
fn qr_code(surface: &mut Surface, text: &str, x: f32, y: f32, size: f32) -> Result<(), PdfError> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| PdfError::Write(format!("QR code: {e}")))?;
    let modules = code.width();
    let colours = code.to_colors();
    let cell = size / (modules as f32 + 8.0);
    let mut path = PathBuilder::new();
    for (i, c) in colours.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (row, col) = (i / modules, i % modules);
            if let Some(rect) =
                Rect::from_xywh(x + (col as f32 + 4.0) * cell, y + (row as f32 + 4.0) * cell, cell, cell)
            {
                path.push_rect(rect);
            }
        }
    }
    if let Some(path) = path.finish() {
        surface.set_fill(Some(colour(0, 0, 0)));
        surface.draw_path(&path);
        surface.set_fill(Some(colour(27, 31, 36)));
    }
    Ok(())
}

/// A QR code as a PNG (black on white, a quiet zone of four modules, each
/// module `scale` pixels): the check-in code in emails.
pub fn qr_png(text: &str, scale: u32) -> Result<Vec<u8>, PdfError> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| PdfError::Write(format!("QR code: {e}")))?;
    let modules = code.width();
    let colours = code.to_colors();
    let side = (modules as u32 + 8) * scale;
    let mut pixels = vec![255u8; (side * side) as usize];
    for (i, c) in colours.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (row, col) = ((i / modules) as u32 + 4, (i % modules) as u32 + 4);
            for y in row * scale..(row + 1) * scale {
                let start = (y * side + col * scale) as usize;
                pixels[start..start + scale as usize].fill(0);
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, side, side);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| PdfError::Write(format!("PNG: {e}")))?;
        writer.write_image_data(&pixels).map_err(|e| PdfError::Write(format!("PNG: {e}")))?;
    }
    Ok(out)
}

/// A QR code as SVG markup for a page: one path of unit squares on a white
/// square (only numbers in it, so it is safe to put in HTML as it is).
pub fn qr_svg(text: &str, label: &str) -> Result<String, PdfError> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| PdfError::Write(format!("QR code: {e}")))?;
    let modules = code.width();
    let side = modules + 8;
    let mut d = String::new();
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == qrcode::Color::Dark {
            d.push_str(&format!("M{} {}h1v1h-1z", i % modules + 4, i / modules + 4));
        }
    }
    let label: String = label.chars().filter(|c| !matches!(c, '<' | '>' | '&' | '"' | '\'')).collect();
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" width=\"176\" height=\"176\" role=\"img\" aria-label=\"{label}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path d=\"{d}\" fill=\"#000\"/></svg>"
    ))
}

fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// A run of text in one direction and one face, in visual order, without
/// the bidi isolates that ordered it (they are not drawn).
struct Segment {
    text: String,
    rtl: bool,
    arabic: bool,
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}')
}

/// The line's segments from left to right: bidi runs in visual order, each
/// split where the face changes (neutrals go with the letters before them,
/// unless that face lacks them: Noto Sans Arabic has no "·").
fn segments(faces: &Faces, text: &str, base: Level) -> Vec<Segment> {
    let info = BidiInfo::new(text, Some(base));
    let mut out = Vec::new();
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
            let slice = &text[run.clone()];
            let mut pieces: Vec<Segment> = Vec::new();
            let mut start = 0;
            let mut current: Option<bool> = None;
            for (i, c) in slice.char_indices() {
                let strong = if is_arabic(c) {
                    Some(true)
                } else if c.is_alphabetic() || (current == Some(true) && faces.arabic.shaper.glyph_index(c).is_none()) {
                    Some(false)
                } else {
                    None
                };
                if let (Some(s), Some(cur)) = (strong, current)
                    && s != cur
                {
                    pieces.push(Segment { text: visible(&slice[start..i]), rtl, arabic: cur });
                    start = i;
                }
                if strong.is_some() {
                    current = strong;
                }
            }
            pieces.push(Segment { text: visible(&slice[start..]), rtl, arabic: current.unwrap_or(rtl) });
            if rtl {
                pieces.reverse();
            }
            out.extend(pieces.into_iter().filter(|p| !p.text.is_empty()));
        }
    }
    out
}

fn visible(text: &str) -> String {
    text.chars().filter(|c| !is_bidi_control(*c)).collect()
}

fn face(faces: &Faces, arabic: bool, bold: bool) -> &Face {
    match (arabic, bold) {
        (true, true) => &faces.arabic_bold,
        (true, false) => &faces.arabic,
        (false, true) => &faces.sans_bold,
        (false, false) => &faces.sans,
    }
}

/// Shapes a segment: glyphs with advances in em, as krilla wants them.
fn shape(face: &Face, text: &str, rtl: bool) -> Vec<KrillaGlyph> {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(if rtl { rustybuzz::Direction::RightToLeft } else { rustybuzz::Direction::LeftToRight });
    buffer.guess_segment_properties();
    let output = rustybuzz::shape(&face.shaper, &[], buffer);
    let upem = face.font.units_per_em();
    let mut starts: Vec<usize> = output.glyph_infos().iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, pos)| {
            let start = info.cluster as usize;
            let end = starts.iter().copied().find(|s| *s > start).unwrap_or(text.len());
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                pos.x_advance as f32 / upem,
                pos.x_offset as f32 / upem,
                pos.y_offset as f32 / upem,
                pos.y_advance as f32 / upem,
                start..end,
                None,
            )
        })
        .collect()
}

fn advance(glyphs: &[KrillaGlyph], size: f32) -> f32 {
    glyphs.iter().map(|g| g.x_advance * size).sum()
}

/// The width of a line as drawn.
fn measure(faces: &Faces, text: &str, size: f32, bold: bool, base: Level) -> f32 {
    segments(faces, text, base).iter().map(|s| advance(&shape(face(faces, s.arabic, bold), &s.text, s.rtl), size)).sum()
}

/// Words of a line regrouped so that none is wider than `max`.
fn wrap(faces: &Faces, text: &str, size: f32, bold: bool, max: f32, base: Level) -> Vec<String> {
    if measure(faces, text, size, bold, base) <= max {
        return vec![text.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if !current.is_empty() && measure(faces, &candidate, size, bold, base) > max {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        } else {
            current = candidate;
        }
    }
    lines.push(current);
    lines
}

#[allow(clippy::too_many_arguments)]
fn draw_line(surface: &mut Surface, faces: &Faces, text: &str, x: f32, y: f32, size: f32, bold: bool, base: Level) {
    let mut x = x;
    for s in segments(faces, text, base) {
        let face = face(faces, s.arabic, bold);
        let glyphs = shape(face, &s.text, s.rtl);
        surface.draw_glyphs(Point::from_xy(x, y), &glyphs, face.font.clone(), &s.text, size, false);
        x += advance(&glyphs, size);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arabic_name_in_a_latin_line_is_one_right_to_left_run_in_the_arabic_face() {
        let line = "Awarded to ليلى حداد (Jordan)";
        let faces = FACES.as_ref().expect("fonts");
        let segs = segments(faces, line, Level::ltr());
        let parts: Vec<(&str, bool, bool)> = segs.iter().map(|s| (s.text.as_str(), s.rtl, s.arabic)).collect();
        assert_eq!(parts[0], ("Awarded to ", false, false));
        assert!(parts.iter().any(|(t, rtl, arabic)| t.contains("ليلى") && *rtl && *arabic), "{parts:?}");
        // In a right-to-left line, a Latin name stays left to right.
        let segs = segments(faces, "منحت إلى Awa Diop", Level::rtl());
        // A neutral the Arabic face lacks is drawn with the Latin one.
        let dot = segments(faces, "المدة · 1 س", Level::rtl());
        assert!(
            dot.iter().any(|s| s.text.contains('·') && !s.arabic),
            "{:?}",
            dot.iter().map(|s| &s.text).collect::<Vec<_>>()
        );
        let parts: Vec<(&str, bool)> = segs.iter().map(|s| (s.text.as_str(), s.rtl)).collect();
        assert_eq!(parts.first().map(|p| (p.0, p.1)), Some(("Awa Diop", false)), "{parts:?}");
    }

    #[test]
    fn arabic_letters_join_when_shaped() {
        let faces = FACES.as_ref().expect("fonts");
        // Joined forms: four letters of "ليلى" become contextual glyphs,
        // not the isolated ones the same letters have alone.
        let joined: Vec<u16> = shape(&faces.arabic, "ليلى", true).iter().map(|g| g.glyph_id.to_u32() as u16).collect();
        let alone: Vec<u16> = "ليلى"
            .chars()
            .flat_map(|c| shape(&faces.arabic, &c.to_string(), true))
            .map(|g| g.glyph_id.to_u32() as u16)
            .collect();
        assert_ne!(joined, alone);
        let pdf = render(&Certificate {
            lang: "ar".into(),
            rtl: true,
            title: "شهادة".into(),
            lines: vec![Line::new("ليلى حداد", 28.0, true, 0.0)],
            footer: vec!["CBRN-2027-000001".into()],
            qr: "https://example.org/certificates/X".into(),
        })
        .expect("renders");
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
