//! PDFs: A4 portrait, 15 mm margins, DejaVu Sans (shipped in `assets/fonts/`, embedded and
//! subset), black on white, tagged for screen readers (headings, paragraphs, sections), with the
//! document's title and language, and a footer line on each page. A document is groups of
//! blocks; a group is never split across pages when it fits on one (a place on a sheet, a
//! certificate's body). Sheets use it today; certificates, proofs and audit reports will.

use std::num::NonZeroU16;

use axum::{
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use krilla::{
    Document,
    geom::{PathBuilder, Point},
    metadata::Metadata,
    page::PageSettings,
    paint::Stroke,
    surface::Surface,
    tagging::{Artifact, ArtifactType, ContentTag, SpanTag, Tag, TagGroup, TagTree},
    text::{Font, TextDirection},
};
use skrifa::{
    FontRef, MetadataProvider,
    charmap::Charmap,
    instance::{LocationRef, Size},
    metrics::GlyphMetrics,
    raw::TableProvider,
};

use crate::{i18n::Locale, web::response::Verbatim};

const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points, and 15 mm.
const PAGE_WIDTH: f32 = 595.276;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 42.52;
/// Room kept at the foot of each page for its footer line.
const FOOTER: f32 = 30.0;
/// The width of the text.
pub const WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const BOTTOM: f32 = PAGE_HEIGHT - MARGIN - FOOTER;

/// Type sizes (points): readable for people with low vision (14 pt body at least).
pub const TITLE: f32 = 24.0;
pub const SECTION: f32 = 19.0;
pub const HEADING: f32 = 16.0;
pub const LARGE: f32 = 20.0;
pub const BODY: f32 = 14.0;
pub const SMALL: f32 = 12.0;

/// Advance widths of one font, to wrap lines.
pub struct Measure<'a> {
    charmap: Charmap<'a>,
    glyphs: GlyphMetrics<'a>,
    units_per_em: f32,
}

impl<'a> Measure<'a> {
    fn new(bytes: &'a [u8]) -> Result<Measure<'a>, String> {
        let font = FontRef::new(bytes).map_err(|e| format!("font: {e}"))?;
        let units_per_em = f32::from(font.head().map_err(|e| format!("font head: {e}"))?.units_per_em());
        Ok(Measure { charmap: font.charmap(), glyphs: font.glyph_metrics(Size::unscaled(), LocationRef::default()), units_per_em })
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text.chars().map(|c| self.charmap.map(c).and_then(|g| self.glyphs.advance_width(g)).unwrap_or(self.units_per_em * 0.6)).sum();
        units * size / self.units_per_em
    }
}

pub struct Fonts<'a> {
    regular: Font,
    bold: Font,
    measure_regular: Measure<'a>,
    measure_bold: Measure<'a>,
}

impl Fonts<'_> {
    /// How wide `text` is at `size`.
    pub fn width(&self, bold: bool, text: &str, size: f32) -> f32 {
        if bold { self.measure_bold.width(text, size) } else { self.measure_regular.width(text, size) }
    }
}

#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Heading(u16),
    Paragraph,
}

/// A paragraph or heading: an optional bold label in a first column, then text.
pub struct Block {
    pub kind: Kind,
    pub size: f32,
    pub bold: bool,
    pub label: Option<String>,
    /// Where the text starts when there is a label.
    pub column: f32,
    pub text: String,
    pub space_before: f32,
}

impl Block {
    pub fn new(kind: Kind, size: f32, bold: bool, text: impl Into<String>, space_before: f32) -> Block {
        // (soft hyphens wrap German words on a screen; the PDF wraps at spaces)
        Block { kind, size, bold, label: None, column: 0.0, text: text.into().replace('\u{ad}', ""), space_before }
    }

    /// A bold label in a first column `column` wide, then its text.
    pub fn labelled(label: &str, text: &str, column: f32) -> Block {
        Block { kind: Kind::Paragraph, size: BODY, bold: false, label: Some(label.replace('\u{ad}', "")), column, text: text.replace('\u{ad}', ""), space_before: 2.0 }
    }
}

/// A piece of text on a line: (x, bold, text).
struct Piece {
    x: f32,
    bold: bool,
    text: String,
}

struct Line {
    size: f32,
    pieces: Vec<Piece>,
}

impl Line {
    fn height(&self) -> f32 {
        self.size * 1.35
    }
}

struct Laid {
    kind: Kind,
    space_before: f32,
    lines: Vec<Line>,
}

impl Laid {
    fn height(&self) -> f32 {
        self.space_before + self.lines.iter().map(Line::height).sum::<f32>()
    }
}

/// Words of `text` on lines at most `width` wide (a word longer than a line is cut).
pub fn wrap(fonts: &Fonts, bold: bool, size: f32, text: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if fonts.width(bold, &candidate, size) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: cut it if it is still too long.
        for c in word.chars() {
            line.push(c);
            if fonts.width(bold, &line, size) > width && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn lay(fonts: &Fonts, block: &Block) -> Laid {
    let size = block.size;
    let line = |x: f32, bold: bool, text: String| Line { size, pieces: vec![Piece { x, bold, text }] };
    let mut lines = Vec::new();
    let Some(label) = &block.label else {
        lines.extend(wrap(fonts, block.bold, size, &block.text, WIDTH).into_iter().map(|t| line(0.0, block.bold, t)));
        return Laid { kind: block.kind, space_before: block.space_before, lines };
    };
    // The text beside its label when the label fits in the column, else under it, indented.
    let beside = fonts.width(true, label, size) + size * 0.5 <= block.column;
    lines.extend(wrap(fonts, true, size, label, WIDTH).into_iter().map(|t| line(0.0, true, t)));
    let column = if beside { block.column } else { size };
    let mut text = wrap(fonts, block.bold, size, &block.text, WIDTH - column).into_iter();
    if beside && let (Some(first), Some(last)) = (text.next(), lines.last_mut()) {
        last.pieces.push(Piece { x: column, bold: block.bold, text: first });
    }
    lines.extend(text.map(|t| line(column, block.bold, t)));
    Laid { kind: block.kind, space_before: block.space_before, lines }
}

/// The widest of `labels` plus a gap, at most 45 % of the width.
pub fn column_for<'a>(fonts: &Fonts, labels: impl Iterator<Item = &'a str>) -> f32 {
    let widest = labels.map(|l| fonts.width(true, l, BODY)).fold(0.0_f32, f32::max);
    (widest + BODY).min(WIDTH * 0.45)
}

impl Fonts<'static> {
    /// The shipped fonts.
    pub fn load() -> Result<Fonts<'static>, String> {
        Ok(Fonts {
            regular: Font::new(REGULAR.into(), 0).ok_or("the regular font does not load")?,
            bold: Font::new(BOLD.into(), 0).ok_or("the bold font does not load")?,
            measure_regular: Measure::new(REGULAR)?,
            measure_bold: Measure::new(BOLD)?,
        })
    }
}

/// Blocks that stay together on a page when they fit on one. A section is tagged as such and
/// drawn under a rule.
pub struct Group {
    pub blocks: Vec<Block>,
    pub section: bool,
}

/// What the document says about itself: its title (metadata), its language, the footer of
/// each page (from the page's number and the number of pages, both from 1).
pub struct Spec<'a> {
    pub title: String,
    pub locale: Locale,
    pub footer: &'a dyn Fn(usize, usize) -> String,
}

/// Where each line goes: (page, y of its top).
struct Placed<'a> {
    page: usize,
    y: f32,
    line: &'a Line,
}

/// The PDF of `groups`, laid out with `fonts`.
pub fn render(spec: &Spec, fonts: &Fonts, groups: &[Group]) -> Result<Vec<u8>, String> {
    let locale = spec.locale;
    let sections: Vec<bool> = groups.iter().map(|g| g.section).collect();
    let groups: Vec<Vec<Laid>> = groups.iter().map(|g| g.blocks.iter().map(|b| lay(fonts, b)).collect()).collect();

    // Pages: a group starts a new page when it does not fit in what is left of this one
    // (unless it would not fit on a whole page either). A rule above each section.
    let mut placed: Vec<Vec<Vec<Placed>>> = Vec::new();
    let mut rules: Vec<(usize, f32)> = Vec::new();
    let mut page = 0;
    let mut y = MARGIN;
    for (index, group) in groups.iter().enumerate() {
        let is_place = sections[index];
        let rule = if is_place { 12.0 } else { 0.0 };
        let height: f32 = rule + group.iter().map(Laid::height).sum::<f32>();
        if y > MARGIN && y + height > BOTTOM && height <= BOTTOM - MARGIN {
            page += 1;
            y = MARGIN;
        }
        if is_place {
            y += rule / 2.0;
            rules.push((page, y));
            y += rule / 2.0;
        }
        let mut laid_group = Vec::new();
        for laid in group {
            y += laid.space_before;
            let mut lines = Vec::new();
            for line in &laid.lines {
                if y + line.height() > BOTTOM {
                    page += 1;
                    y = MARGIN;
                }
                lines.push(Placed { page, y, line });
                y += line.height();
            }
            laid_group.push(lines);
        }
        placed.push(laid_group);
    }
    let pages = page + 1;

    let mut document = Document::new();
    let mut tree = TagTree::new().with_lang(Some(locale.code().to_string()));
    let mut groups_tags: Vec<Vec<TagGroup>> = groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|laid| match laid.kind {
                    Kind::Heading(level) => TagGroup::new(Tag::Hn(NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN), None)),
                    Kind::Paragraph => TagGroup::new(Tag::P),
                })
                .collect()
        })
        .collect();
    for number in 0..pages {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("A4")?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for (page_of_rule, y) in &rules {
            if *page_of_rule == number {
                rule(&mut surface, *y);
            }
        }
        for (g, group) in placed.iter().enumerate() {
            for (b, lines) in group.iter().enumerate() {
                for placed_line in lines.iter().filter(|p| p.page == number) {
                    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                    draw_line(&mut surface, fonts, placed_line.line, placed_line.y);
                    surface.end_tagged();
                    groups_tags[g][b].push(id);
                }
            }
        }
        // The foot of the page (one line, cut if need be).
        let footer = wrap(fonts, false, SMALL, &(spec.footer)(number + 1, pages), WIDTH).into_iter().next().unwrap_or_default();
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Footer)));
        draw_line(&mut surface, fonts, &Line { size: SMALL, pieces: vec![Piece { x: 0.0, bold: false, text: footer }] }, PAGE_HEIGHT - MARGIN - SMALL * 1.35);
        surface.end_tagged();
        surface.finish();
        pdf_page.finish();
    }
    for (index, tags) in groups_tags.into_iter().enumerate() {
        if sections[index] {
            let mut section = TagGroup::new(Tag::Section);
            for tag in tags {
                section.push(tag);
            }
            tree.push(section);
        } else {
            for tag in tags {
                tree.push(tag);
            }
        }
    }
    document.set_tag_tree(tree);
    document.set_metadata(Metadata::new().title(spec.title.clone()).language(locale.code().to_string()).creator("Relais".to_string()));
    document.finish().map_err(|e| format!("{e:?}"))
}

fn draw_line(surface: &mut Surface, fonts: &Fonts, line: &Line, top: f32) {
    let baseline = top + line.size * 1.05;
    for piece in &line.pieces {
        let font = if piece.bold { fonts.bold.clone() } else { fonts.regular.clone() };
        surface.draw_text(Point::from_xy(MARGIN + piece.x, baseline), font, line.size, &piece.text, false, TextDirection::Auto);
    }
}

/// A black rule across the page, above a section.
fn rule(surface: &mut Surface, y: f32) {
    let mut path = PathBuilder::new();
    path.move_to(MARGIN, y);
    path.line_to(PAGE_WIDTH - MARGIN, y);
    let Some(path) = path.finish() else { return };
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke { width: 1.5, ..Stroke::default() }));
    surface.draw_path(&path);
    surface.set_stroke(None);
    surface.set_fill(Some(krilla::paint::Fill::default()));
    surface.end_tagged();
}

/// A PDF to download as `file_name`.
pub fn response(bytes: Vec<u8>, file_name: &str) -> Response {
    let mut response = (Verbatim, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_within_the_width_and_long_words_are_cut() {
        let fonts = Fonts {
            regular: Font::new(REGULAR.into(), 0).unwrap(),
            bold: Font::new(BOLD.into(), 0).unwrap(),
            measure_regular: Measure::new(REGULAR).unwrap(),
            measure_bold: Measure::new(BOLD).unwrap(),
        };
        let text = "Aide pour vos démarches en ligne, votre smartphone ou votre ordinateur, sans rendez-vous, à Molenbeek-Saint-Jean.";
        let lines = wrap(&fonts, false, BODY, text, 200.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| fonts.width(false, l, BODY) <= 200.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        let cut = wrap(&fonts, true, BODY, &"x".repeat(200), 100.0);
        assert!(cut.len() > 3 && cut.iter().all(|l| fonts.width(true, l, BODY) <= 100.0));
        // Accented letters have their own glyphs (no fallback width).
        assert!(fonts.measure_regular.charmap.map('é').is_some() && fonts.measure_regular.charmap.map('ü').is_some());
    }
}
