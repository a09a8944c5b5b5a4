//! Rendering a report: plain text for the terminal, JSON, or a self-contained HTML page with
//! SVG charts — the report's data come from `zugong_report`, the words around them from here.

pub(crate) mod english;
mod html;
mod svg;
mod text;

use clap::ValueEnum;
use zugong_dataset::lang::Lang;
use zugong_report::Report;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Plain text for the terminal.
    Text,
    /// JSON (everything, every finding's every item).
    Json,
    /// A self-contained HTML page with SVG charts (no network).
    Html,
}

/// Renders a report.
///
/// In English, the text and the page get their closed domain terms and their punctuation in
/// English as the last step (`english::anglicize`); JSON is data and keeps the terms as the
/// report holds them.
/// The report's words ([`zugong_dataset::text::Text`]) are shown in `lang` throughout: in the
/// text and the page, and in JSON, whose strings take the same wording.
pub(crate) fn render(report: &Report, format: Format, lang: Lang) -> String {
    zugong_dataset::text::in_language(lang, || render_in(report, format, lang))
}

fn render_in(report: &Report, format: Format, lang: Lang) -> String {
    let english = |text: String| match lang {
        Lang::En => english::anglicize(&text),
        Lang::Zh => english::unmark(&text),
    };
    match format {
        Format::Text => english(text::render(report, lang)),
        Format::Json => serde_json::to_string_pretty(report).unwrap_or_default() + "\n",
        Format::Html => english(html::render(report, lang)),
    }
}
