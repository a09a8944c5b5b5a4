//! Charts as inline SVG (no script, no network): horizontal stacked bars and simple bars.
//! Every bar segment carries its value in a `data-value` attribute and a `<title>`, so the
//! chart's data can be read back from the page.

use std::fmt::Write;

/// Escapes text for XML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A category label short enough for the label column (16 characters; the full text stays in
/// the tooltip and the segments' `data-category`).
fn short_label(s: &str) -> String {
    const MAX: usize = 16;
    if s.chars().count() <= MAX {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(MAX - 1).collect();
    out.push('…');
    out
}

/// One series of a stacked chart: its label and colour.
pub(crate) struct Series<'a> {
    /// Label.
    pub(crate) label: &'a str,
    /// CSS colour.
    pub(crate) color: &'a str,
}

const LABEL_W: u64 = 230;
const BAR_W: u64 = 420;
const ROW_H: u64 = 20;

/// Horizontal stacked bars: one row per category, one segment per series.
pub(crate) fn stacked(
    id: &str,
    title: &str,
    categories: &[String],
    series: &[Series<'_>],
    values: &[Vec<u64>],
) -> String {
    let max = values
        .iter()
        .map(|v| v.iter().sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);
    let legend_h = 24;
    let h = legend_h + ROW_H * categories.len() as u64 + 10;
    let w = LABEL_W + BAR_W + 70;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" id="{}" class="chart" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{}">"#,
        esc(id),
        esc(title)
    );
    let mut x = LABEL_W;
    for se in series {
        let _ = write!(
            s,
            r#"<rect x="{x}" y="4" width="12" height="12" fill="{}"/><text x="{}" y="14" font-size="12">{}</text>"#,
            esc(se.color),
            x + 16,
            esc(se.label)
        );
        x += 16 + 14 * se.label.chars().count() as u64 + 12;
    }
    for (row, (cat, vals)) in categories.iter().zip(values).enumerate() {
        let y = legend_h + ROW_H * row as u64;
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" font-size="12" text-anchor="end">{}<title>{}</title></text>"#,
            LABEL_W - 6,
            y + 14,
            esc(&short_label(cat)),
            esc(cat)
        );
        let mut x = LABEL_W;
        for (v, se) in vals.iter().zip(series) {
            let wv = v * BAR_W / max;
            let _ = write!(
                s,
                r#"<rect x="{x}" y="{}" width="{wv}" height="{}" fill="{}" data-category="{}" data-series="{}" data-value="{v}"><title>{}：{} {v}</title></rect>"#,
                y + 2,
                ROW_H - 4,
                esc(se.color),
                esc(cat),
                esc(se.label),
                esc(cat),
                esc(se.label)
            );
            x += wv;
        }
        let total: u64 = vals.iter().sum();
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" font-size="11">{total}</text>"#,
            x + 4,
            y + 14
        );
    }
    s.push_str("</svg>");
    s
}

/// Simple horizontal bars.
pub(crate) fn bars(
    id: &str,
    title: &str,
    labels: &[String],
    values: &[u64],
    color: &str,
) -> String {
    let rows: Vec<Vec<u64>> = values.iter().map(|v| vec![*v]).collect();
    stacked(
        id,
        title,
        labels,
        &[Series {
            label: title,
            color,
        }],
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"
        );
    }

    #[test]
    fn segments_carry_their_values() {
        let svg = stacked(
            "t",
            "title",
            &["甲".to_owned(), "乙".to_owned()],
            &[
                Series {
                    label: "x",
                    color: "#000",
                },
                Series {
                    label: "y",
                    color: "#fff",
                },
            ],
            &[vec![3, 0], vec![1, 4]],
        );
        for (cat, series, v) in [
            ("甲", "x", 3),
            ("甲", "y", 0),
            ("乙", "x", 1),
            ("乙", "y", 4),
        ] {
            assert!(svg.contains(&format!(
                "data-category=\"{cat}\" data-series=\"{series}\" data-value=\"{v}\""
            )));
        }
        // The longest bar (乙, 5) fills the width: 1/5 and 4/5 of it.
        assert!(svg.contains(&format!("width=\"{}\"", BAR_W / 5)));
        assert!(svg.contains(&format!("width=\"{}\"", BAR_W * 4 / 5)));
    }
}
