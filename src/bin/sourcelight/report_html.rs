//! The HTML page of `sourcelight report`, and the publication date of a saved page.
//!
//! The page is self-contained: inline CSS and script (`report/`), charts as inline
//! SVG, no URL that a browser would fetch, and a Content-Security-Policy that forbids
//! any load. Every text that comes from an article (titles, outlets, dates, URLs,
//! file names, sentences, explanations) goes through [`esc`]; no article text is put
//! into the script.

use super::{shorten, Counts, Outlet, Row};
use sourcelight::{Kind, Reason};
use std::fmt::Write as _;

/// Marks a page written by this command, so that a later run does not read it back in.
pub const GENERATOR: &str = r#"<meta name="generator" content="sourcelight report">"#;

const CSS: &str = include_str!("report/report.css");
const JS: &str = include_str!("report/report.js");

/// Appends `s` escaped for HTML text and attribute values; control characters
/// other than newline and tab are dropped.
pub fn push_esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_esc(&mut out, s);
    out
}

fn pct(x: f64) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

/// The date as the table shows it: the day of an ISO timestamp, else the text (shortened).
fn short_date(d: &str) -> String {
    let b = d.as_bytes();
    let iso_day = b.len() >= 10
        && b[..10]
            .iter()
            .enumerate()
            .all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    if iso_day {
        d[..10].to_string()
    } else {
        shorten(d, 30)
    }
}

/// The language of the page's own text (headings, labels, notes, the script's
/// strings). Article text and the core's explanations are shown as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ui {
    En,
    Es,
}

/// The interface strings of one language.
struct Texts {
    code: &'static str,
    title: &'static str,
    note: &'static str,
    articles: &'static str,
    filter: &'static str,
    filter_placeholder: &'static str,
    showing: &'static str,
    of: &'static str,
    col_title: &'static str,
    col_outlet: &'static str,
    col_date: &'static str,
    col_articles: &'static str,
    col_attributions: &'static str,
    tip_attributions: &'static str,
    col_anonymous: &'static str,
    col_vague: &'static str,
    col_unverified: &'static str,
    col_share: &'static str,
    col_groups: &'static str,
    tip_groups: &'static str,
    col_reason: &'static str,
    tip_reason: &'static str,
    col_boilerplate: &'static str,
    tip_boilerplate: &'static str,
    col_no_reason: &'static str,
    tip_no_reason: &'static str,
    no_title: &'static str,
    unknown: &'static str,
    outlets: &'static str,
    share_heading: &'static str,
    share_label: &'static str,
    no_articles: &'static str,
    kinds_heading: &'static str,
    kinds_label: &'static str,
    kinds_axis: &'static str,
    sentences: &'static str,
    open_all: &'static str,
    close_all: &'static str,
    file: &'static str,
    line: &'static str,
    no_sentences: &'static str,
    sort_by: &'static str,
}

const EN: Texts = Texts {
    code: "en",
    title: "Sourcelight report",
    note: "Anonymous: unnamed people said to know (\u{201c}sources familiar with the matter\u{201d}). \
         Vague: an unspecified crowd or nobody (\u{201c}critics say\u{201d}, \u{201c}it is believed\u{201d}). \
         Unverified: the text marks the claim as unconfirmed (\u{201c}reportedly\u{201d}). \
         Reasons: how many anonymous claims say why the source was granted anonymity (a real reason, \
         only a boilerplate one such as \u{201c}not authorized to speak publicly\u{201d}, or none). \
         Click a column header to sort; type in the box to filter.",
    articles: "Articles",
    filter: "Filter",
    filter_placeholder: "title, outlet, date, file\u{2026}",
    showing: "showing",
    of: "of",
    col_title: "Title",
    col_outlet: "Outlet",
    col_date: "Date",
    col_articles: "Articles",
    col_attributions: "Attributions",
    tip_attributions: "All attributed claims",
    col_anonymous: "Anonymous",
    col_vague: "Vague",
    col_unverified: "Unverified",
    col_share: "Anonymous share",
    col_groups: "Anonymous groups",
    tip_groups: "Distinct anonymous sources",
    col_reason: "Reason given",
    tip_reason: "Anonymous claims that say why the source is anonymous",
    col_boilerplate: "Boilerplate only",
    tip_boilerplate: "Anonymous claims whose only reason is boilerplate",
    col_no_reason: "No reason",
    tip_no_reason: "Anonymous claims with no reason for anonymity",
    no_title: "(no title)",
    unknown: "unknown",
    outlets: "Outlets",
    share_heading: "Anonymous share per outlet",
    share_label: "Anonymous claims as a share of all attributions, per outlet",
    no_articles: "No articles.",
    kinds_heading: "Kinds of attribution per article",
    kinds_label: "Attributions per article by kind",
    kinds_axis: "articles, in table order (hover for details)",
    sentences: "Flagged sentences",
    open_all: "Open all",
    close_all: "Close all",
    file: "File",
    line: "line",
    no_sentences: "No flagged sentences.",
    sort_by: "Sort by this column",
};

const ES: Texts = Texts {
    code: "es",
    title: "Informe de Sourcelight",
    note: "Anónima: personas sin nombre de las que se dice que saben (\u{ab}fuentes conocedoras del asunto\u{bb}). \
         Vaga: un grupo sin precisar o nadie (\u{ab}los críticos dicen\u{bb}, \u{ab}se cree\u{bb}). \
         Sin verificar: el texto presenta la afirmación como no confirmada (\u{ab}al parecer\u{bb}). \
         Razones: cuántas afirmaciones anónimas dicen por qué se concedió el anonimato a la fuente (una razón real, \
         solo una de fórmula como \u{ab}no autorizado a hablar públicamente\u{bb}, o ninguna). \
         Pulsa el encabezado de una columna para ordenar; escribe en la casilla para filtrar.",
    articles: "Artículos",
    filter: "Filtrar",
    filter_placeholder: "título, medio, fecha, archivo\u{2026}",
    showing: "se muestran",
    of: "de",
    col_title: "Título",
    col_outlet: "Medio",
    col_date: "Fecha",
    col_articles: "Artículos",
    col_attributions: "Atribuciones",
    tip_attributions: "Todas las afirmaciones atribuidas",
    col_anonymous: "Anónimas",
    col_vague: "Vagas",
    col_unverified: "Sin verificar",
    col_share: "Proporción anónima",
    col_groups: "Grupos anónimos",
    tip_groups: "Fuentes anónimas distintas",
    col_reason: "Con razón",
    tip_reason: "Afirmaciones anónimas que explican por qué la fuente es anónima",
    col_boilerplate: "Solo de fórmula",
    tip_boilerplate: "Afirmaciones anónimas cuya única razón es de fórmula",
    col_no_reason: "Sin razón",
    tip_no_reason: "Afirmaciones anónimas sin razón para el anonimato",
    no_title: "(sin título)",
    unknown: "desconocido",
    outlets: "Medios",
    share_heading: "Proporción anónima por medio",
    share_label: "Afirmaciones anónimas como proporción de todas las atribuciones, por medio",
    no_articles: "No hay artículos.",
    kinds_heading: "Tipos de atribución por artículo",
    kinds_label: "Atribuciones por artículo, por tipo",
    kinds_axis: "artículos, en el orden de la tabla (pasa el ratón para ver los detalles)",
    sentences: "Frases marcadas",
    open_all: "Abrir todo",
    close_all: "Cerrar todo",
    file: "Archivo",
    line: "línea",
    no_sentences: "No hay frases marcadas.",
    sort_by: "Ordenar por esta columna",
};

impl Ui {
    fn t(self) -> &'static Texts {
        match self {
            Ui::En => &EN,
            Ui::Es => &ES,
        }
    }

    /// `n` and a noun: "1 article", "3 artículos".
    fn count(self, n: impl Into<u64>, en: (&str, &str), es: (&str, &str)) -> String {
        let n = n.into();
        let (one, many) = match self {
            Ui::En => en,
            Ui::Es => es,
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }

    fn articles_n(self, n: usize) -> String {
        self.count(n as u64, ("article", "articles"), ("artículo", "artículos"))
    }

    /// A kind's name in the legend and on a flag's badge.
    fn kind(self, k: Kind) -> &'static str {
        match self {
            Ui::En => k.as_str(),
            Ui::Es => match k {
                Kind::Anonymous => "anónima",
                Kind::Vague => "vaga",
                Kind::Unverified => "sin verificar",
                Kind::Report => "informe",
                Kind::Organisation => "organización",
                Kind::Named => "con nombre",
            },
        }
    }

    /// `n` claims of a kind: "2 anonymous", "2 anónimas".
    fn kind_n(self, k: Kind, n: u32) -> String {
        match self {
            Ui::En => format!("{n} {}", k.as_str()),
            Ui::Es => {
                let (one, many) = match k {
                    Kind::Anonymous => ("anónima", "anónimas"),
                    Kind::Vague => ("vaga", "vagas"),
                    Kind::Unverified => ("sin verificar", "sin verificar"),
                    Kind::Report => ("de informe", "de informe"),
                    Kind::Organisation => ("de organización", "de organización"),
                    Kind::Named => ("con nombre", "con nombre"),
                };
                format!("{n} {}", if n == 1 { one } else { many })
            }
        }
    }

    /// The name of a text's language ("en", "es"), as the page says it.
    fn language(self, code: &str) -> String {
        match (self, code) {
            (Ui::En, "en") => "English".into(),
            (Ui::En, "es") => "Spanish".into(),
            (Ui::Es, "en") => "inglés".into(),
            (Ui::Es, "es") => "español".into(),
            (_, other) => other.into(),
        }
    }

    fn reason_note(self, r: Reason) -> &'static str {
        match (self, r) {
            (Ui::En, Reason::Given) => "reason for anonymity given",
            (Ui::En, Reason::Boilerplate) => "only a boilerplate reason for anonymity",
            (Ui::En, Reason::None) => "no reason for anonymity given",
            (Ui::Es, Reason::Given) => "se da una razón para el anonimato",
            (Ui::Es, Reason::Boilerplate) => "solo una razón de fórmula para el anonimato",
            (Ui::Es, Reason::None) => "no se da ninguna razón para el anonimato",
        }
    }
}

const FLAGS: [Kind; 3] = [Kind::Anonymous, Kind::Vague, Kind::Unverified];

/// The whole report page.
pub fn page(rows: &[Row], outlets: &[Outlet], ui: Ui) -> String {
    let t = ui.t();
    let mut h = String::with_capacity(4096 + rows.len() * 3000);
    let all = Counts::total(rows.iter().map(|r| &r.counts));
    let (claims, anonymous, vague, unverified) = (all.attributions, all.anonymous, all.vague, all.unverified);
    let known_outlets = outlets.iter().filter(|o| o.outlet.is_some()).count();

    let _ = write!(h, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", t.code);
    h.push_str(GENERATOR);
    h.push_str(
        "\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n",
    );
    let _ = writeln!(h, "<title>{}</title>\n<style>", t.title);
    h.push_str(CSS);
    let _ = writeln!(
        h,
        "</style>\n</head>\n<body data-sort-label=\"{}\">\n<header>\n<h1>{}</h1>",
        t.sort_by, t.title
    );
    let some_unknown = outlets.iter().any(|o| o.outlet.is_none());
    let lead = match ui {
        Ui::En => format!(
            "{} from {}{}: {claims} attributions, of which {anonymous} anonymous ({}), {vague} vague and {unverified} unverified.",
            ui.articles_n(rows.len()),
            ui.count(known_outlets as u64, ("outlet", "outlets"), ("", "")),
            if some_unknown { " (and some whose outlet is not known)" } else { "" },
            pct(all.anonymous_share),
        ),
        Ui::Es => format!(
            "{} de {}{}: {claims} atribuciones, de ellas {anonymous} anónimas ({}), {vague} vagas y {unverified} sin verificar.",
            ui.articles_n(rows.len()),
            ui.count(known_outlets as u64, ("", ""), ("medio", "medios")),
            if some_unknown { " (y algunos de medio desconocido)" } else { "" },
            pct(all.anonymous_share),
        ),
    };
    let _ = writeln!(h, "<p class=\"lead\">{lead}</p>");
    let _ = writeln!(h, "<p class=\"note\">{}</p>\n</header>", t.note);

    articles_table(&mut h, rows, ui);
    outlets_section(&mut h, outlets, ui);
    share_chart(&mut h, outlets, ui);
    kinds_chart(&mut h, rows, ui);
    sentences_section(&mut h, rows, ui);

    h.push_str("<script>\n");
    h.push_str(JS);
    h.push_str("</script>\n</body>\n</html>\n");
    h
}

/// Number cell; `v` is the value sorted on.
fn num(h: &mut String, v: impl std::fmt::Display) {
    let _ = write!(h, "<td class=\"n\">{v}</td>");
}

/// The column headers over [`count_cells`].
fn count_headers(h: &mut String, t: &Texts) {
    let _ = write!(
        h,
        "<th class=\"n\" title=\"{}\">{}</th><th class=\"n\">{}</th>\
         <th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th>\
         <th class=\"n\" title=\"{}\">{}</th>\
         <th class=\"n\" title=\"{}\">{}</th>\
         <th class=\"n\" title=\"{}\">{}</th>\
         <th class=\"n\" title=\"{}\">{}</th>",
        t.tip_attributions,
        t.col_attributions,
        t.col_anonymous,
        t.col_vague,
        t.col_unverified,
        t.col_share,
        t.tip_groups,
        t.col_groups,
        t.tip_reason,
        t.col_reason,
        t.tip_boilerplate,
        t.col_boilerplate,
        t.tip_no_reason,
        t.col_no_reason,
    );
}

/// The cells an article row and an outlet row share: attributions, anonymous, vague,
/// unverified, anonymous share, groups and the three reason counts.
fn count_cells(h: &mut String, c: &Counts) {
    num(h, c.attributions);
    num(h, c.anonymous);
    num(h, c.vague);
    num(h, c.unverified);
    let _ = write!(
        h,
        "<td class=\"n\" data-v=\"{:.6}\">{}</td>",
        c.anonymous_share,
        pct(c.anonymous_share)
    );
    num(h, c.anonymous_groups);
    num(h, c.reasons_given);
    num(h, c.reasons_boilerplate);
    num(h, c.reasons_missing);
}

fn articles_table(h: &mut String, rows: &[Row], ui: Ui) {
    let t = ui.t();
    let _ = write!(
        h,
        "<section>\n<h2 id=\"table\">{}</h2>\n<div class=\"tools\"><label>{} \
         <input id=\"filter\" type=\"search\" placeholder=\"{}\" autocomplete=\"off\"></label>",
        t.articles, t.filter, t.filter_placeholder
    );
    let _ = writeln!(
        h,
        "<span class=\"note\">{0} <span id=\"shown\">{1}</span> {2} {1}</span></div>",
        t.showing,
        rows.len(),
        t.of
    );
    let _ = write!(
        h,
        "<div class=\"scroll\"><table id=\"articles\" class=\"sortable\">\n<thead><tr>\
         <th class=\"n\">#</th><th>{}</th><th>{}</th><th>{}</th>",
        t.col_title,
        t.col_outlet,
        t.col_date,
    );
    count_headers(h, t);
    h.push_str("</tr></thead>\n<tbody>\n");
    for (i, r) in rows.iter().enumerate() {
        let _ = write!(h, "<tr data-i=\"{i}\"><td class=\"n\">{}</td>", i + 1);
        // Title: sorted by the title alone, shown with the file it came from.
        let title = r.title.as_deref().unwrap_or(&r.file);
        h.push_str("<td class=\"t\" data-v=\"");
        push_esc(h, title);
        let _ = write!(h, "\"><a href=\"#a{i}\">");
        match &r.title {
            Some(t) => push_esc(h, t),
            None => {
                let _ = write!(h, "<span class=\"unknown\">{}</span>", t.no_title);
            }
        }
        h.push_str("</a><div class=\"file\">");
        push_esc(h, &r.file);
        if let Some(l) = r.line {
            let _ = write!(h, ":{l}");
        }
        h.push_str("</div></td>");
        match &r.outlet {
            Some(o) => {
                h.push_str("<td>");
                push_esc(h, o);
                h.push_str("</td>");
            }
            None => {
                let _ = write!(h, "<td data-v=\"\"><span class=\"unknown\">{}</span></td>", t.unknown);
            }
        }
        match &r.date {
            Some(d) => {
                h.push_str("<td class=\"d\" data-v=\"");
                push_esc(h, d);
                h.push_str("\" title=\"");
                push_esc(h, d);
                h.push_str("\">");
                push_esc(h, &short_date(d));
                h.push_str("</td>");
            }
            None => h.push_str("<td data-v=\"\"></td>"),
        }
        count_cells(h, &r.counts);
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n");
    let total = Counts::total(rows.iter().map(|r| &r.counts));
    let all = match (ui, rows.len()) {
        (Ui::En, 1) => "1 article".to_string(),
        (Ui::En, n) => format!("All {n} articles"),
        (Ui::Es, 1) => "1 artículo".to_string(),
        (Ui::Es, n) => format!("Los {n} artículos"),
    };
    let _ = writeln!(
        h,
        "<tfoot><tr><td></td><td colspan=\"3\">{}</td>\
         <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
         <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></tfoot>",
        all,
        total.attributions,
        total.anonymous,
        total.vague,
        total.unverified,
        pct(total.anonymous_share),
        total.anonymous_groups,
        total.reasons_given,
        total.reasons_boilerplate,
        total.reasons_missing,
    );
    h.push_str("</table></div>\n</section>\n");
}

fn outlets_section(h: &mut String, outlets: &[Outlet], ui: Ui) {
    let t = ui.t();
    let _ = write!(
        h,
        "<section>\n<h2 id=\"outlets\">{}</h2>\n<div class=\"scroll\"><table id=\"outlet-totals\" class=\"sortable\">\n<thead><tr>\
         <th>{}</th><th class=\"n\">{}</th>",
        t.outlets,
        t.col_outlet,
        t.col_articles,
    );
    count_headers(h, t);
    h.push_str("</tr></thead>\n<tbody>\n");
    for o in outlets {
        match &o.outlet {
            Some(name) => {
                h.push_str("<tr><td>");
                push_esc(h, name);
                h.push_str("</td>");
            }
            None => {
                let _ = write!(h, "<tr><td data-v=\"\"><span class=\"unknown\">{}</span></td>", t.unknown);
            }
        }
        num(h, o.articles);
        count_cells(h, &o.counts);
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table></div>\n</section>\n");
}

/// The most outlets the share chart draws (those with the most articles).
const CHART_OUTLETS: usize = 40;

/// Anonymous share per outlet: one horizontal bar each, highest share first.
fn share_chart(h: &mut String, outlets: &[Outlet], ui: Ui) {
    let t = ui.t();
    let _ = writeln!(h, "<section>\n<h2 id=\"share\">{}</h2>", t.share_heading);
    let mut shown: Vec<&Outlet> = outlets.iter().take(CHART_OUTLETS).collect();
    if shown.is_empty() {
        let _ = writeln!(h, "<p class=\"note\">{}</p>\n</section>", t.no_articles);
        return;
    }
    if outlets.len() > CHART_OUTLETS {
        let n = outlets.len();
        let _ = match ui {
            Ui::En => writeln!(h, "<p class=\"note\">The {CHART_OUTLETS} outlets with the most articles, of {n}.</p>"),
            Ui::Es => writeln!(h, "<p class=\"note\">Los {CHART_OUTLETS} medios con más artículos, de {n}.</p>"),
        };
    }
    shown.sort_by(|a, b| {
        b.counts.anonymous_share
            .total_cmp(&a.counts.anonymous_share)
            .then(b.articles.cmp(&a.articles))
    });
    const ROW: usize = 24;
    const LABEL: f64 = 210.0;
    const BAR: f64 = 460.0;
    let height = shown.len() * ROW + 24;
    let _ = writeln!(
        h,
        "<svg class=\"chart\" viewBox=\"0 0 760 {height}\" width=\"760\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        t.share_label
    );
    // Grid lines at 0, 25, 50, 75 and 100%.
    for q in 0..=4 {
        let x = LABEL + BAR * f64::from(q) / 4.0;
        let _ = writeln!(
            h,
            "<line x1=\"{x:.1}\" y1=\"0\" x2=\"{x:.1}\" y2=\"{}\" stroke=\"#d9dce1\"/><text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\">{}%</text>",
            shown.len() * ROW,
            shown.len() * ROW + 16,
            q * 25
        );
    }
    for (i, o) in shown.iter().enumerate() {
        let y = i * ROW;
        let name = o.outlet.as_deref().unwrap_or(t.unknown);
        h.push_str("<g><title>");
        push_esc(h, name);
        let articles = ui.articles_n(o.articles as usize);
        let _ = match ui {
            Ui::En => write!(
                h,
                ": {} anonymous ({} of {} attributions, {articles})</title>",
                pct(o.counts.anonymous_share),
                o.counts.anonymous,
                o.counts.attributions,
            ),
            Ui::Es => write!(
                h,
                ": {} anónimas ({} de {} atribuciones, {articles})</title>",
                pct(o.counts.anonymous_share),
                o.counts.anonymous,
                o.counts.attributions,
            ),
        };
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"end\">",
            LABEL - 8.0,
            y + 16
        );
        push_esc(h, &shorten(name, 28));
        let w = BAR * o.counts.anonymous_share.clamp(0.0, 1.0);
        let _ = writeln!(
            h,
            "</text><rect x=\"{LABEL:.1}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\" fill=\"#c0392b\"/><text x=\"{:.1}\" y=\"{}\">{}</text></g>",
            y + 4,
            ROW - 8,
            LABEL + w + 6.0,
            y + 16,
            pct(o.counts.anonymous_share)
        );
    }
    h.push_str("</svg>\n</section>\n");
}

fn kind_color(k: Kind) -> &'static str {
    match k {
        Kind::Anonymous => "#c0392b",
        Kind::Vague => "#d35400",
        Kind::Unverified => "#8e44ad",
        Kind::Report => "#138d75",
        Kind::Organisation => "#2563a8",
        Kind::Named => "#5b7f2b",
    }
}

/// Kinds per article: one stacked bar per article, in table order.
fn kinds_chart(h: &mut String, rows: &[Row], ui: Ui) {
    let t = ui.t();
    let _ = write!(h, "<section>\n<h2 id=\"kinds\">{}</h2>\n<div class=\"legend\">", t.kinds_heading);
    for k in Kind::ALL {
        let _ = write!(h, "<span style=\"--c: {}\">{}</span>", kind_color(k), ui.kind(k));
    }
    h.push_str("</div>\n");
    if rows.is_empty() {
        let _ = writeln!(h, "<p class=\"note\">{}</p>\n</section>", t.no_articles);
        return;
    }
    const W: f64 = 960.0;
    const H: f64 = 220.0;
    const LEFT: f64 = 36.0;
    const TOP: f64 = 12.0;
    let max = rows.iter().map(|r| r.counts.attributions).max().unwrap_or(0).max(1);
    let step = W / rows.len() as f64;
    let bar = if step >= 4.0 { (step * 0.8).min(40.0) } else { step };
    let _ = writeln!(
        h,
        "<svg class=\"chart\" viewBox=\"0 0 {:.0} {:.0}\" width=\"{:.0}\" height=\"{:.0}\" role=\"img\" aria-label=\"{}\">",
        W + LEFT + 4.0,
        H + 20.0,
        W + LEFT + 4.0,
        H + 20.0,
        t.kinds_label
    );
    let _ = writeln!(
        h,
        "<line x1=\"{LEFT}\" y1=\"{H}\" x2=\"{:.0}\" y2=\"{H}\" stroke=\"#5f6368\"/><line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{:.0}\" y2=\"{TOP}\" stroke=\"#d9dce1\"/>\
         <text x=\"{:.0}\" y=\"{:.0}\" text-anchor=\"end\">{max}</text><text x=\"{:.0}\" y=\"{H}\" text-anchor=\"end\">0</text>\
         <text x=\"{:.0}\" y=\"{:.0}\" text-anchor=\"middle\">{}</text>",
        LEFT + W,
        LEFT + W,
        LEFT - 4.0,
        TOP + 4.0,
        LEFT - 4.0,
        LEFT + W / 2.0,
        H + 16.0,
        t.kinds_axis
    );
    let scale = (H - TOP) / f64::from(max);
    for (i, r) in rows.iter().enumerate() {
        let x = LEFT + step * i as f64 + (step - bar) / 2.0;
        let _ = write!(h, "<a href=\"#a{i}\"><title>{}. ", i + 1);
        push_esc(h, r.title.as_deref().unwrap_or(&r.file));
        let _ = match ui {
            Ui::En => write!(h, ": {} attributions", r.counts.attributions),
            Ui::Es => write!(h, ": {} atribuciones", r.counts.attributions),
        };
        for k in Kind::ALL {
            let n = r.counts.kind(k);
            if n > 0 {
                let _ = write!(h, ", {}", ui.kind_n(k, n));
            }
        }
        h.push_str("</title>");
        // An invisible full-height rectangle makes short bars easy to hover.
        let _ = write!(
            h,
            "<rect x=\"{x:.2}\" y=\"{TOP}\" width=\"{bar:.2}\" height=\"{:.0}\" fill=\"transparent\"/>",
            H - TOP
        );
        let mut top = H;
        for k in Kind::ALL {
            let n = r.counts.kind(k);
            if n == 0 {
                continue;
            }
            let hgt = f64::from(n) * scale;
            top -= hgt;
            let _ = write!(
                h,
                "<rect x=\"{x:.2}\" y=\"{top:.2}\" width=\"{bar:.2}\" height=\"{hgt:.2}\" fill=\"{}\"/>",
                kind_color(k)
            );
        }
        h.push_str("</a>\n");
    }
    h.push_str("</svg>\n</section>\n");
}

fn sentences_section(h: &mut String, rows: &[Row], ui: Ui) {
    let t = ui.t();
    let _ = writeln!(
        h,
        "<section>\n<h2 id=\"sentences\">{}</h2>\n<div class=\"tools\">\
         <button type=\"button\" id=\"expand\">{}</button><button type=\"button\" id=\"collapse\">{}</button></div>",
        t.sentences, t.open_all, t.close_all
    );
    for (i, r) in rows.iter().enumerate() {
        let _ = write!(h, "<details class=\"article\" id=\"a{i}\" lang=\"{}\"><summary><strong>{}. ", r.language, i + 1);
        match &r.title {
            Some(t) => push_esc(h, t),
            None => push_esc(h, &r.file),
        }
        let _ = write!(h, "</strong> <span class=\"meta\" lang=\"{}\">", t.code);
        let mut meta: Vec<String> = Vec::new();
        if let Some(o) = &r.outlet {
            meta.push(esc(o));
        }
        if let Some(d) = &r.date {
            meta.push(esc(&short_date(d)));
        }
        let n = r.sentences.len();
        meta.push(ui.count(
            n as u64,
            ("flagged sentence", "flagged sentences"),
            ("frase marcada", "frases marcadas"),
        ));
        for k in FLAGS {
            let c = r.counts.kind(k);
            if c > 0 {
                meta.push(ui.kind_n(k, c));
            }
        }
        h.push_str(&meta.join(" \u{b7} "));
        let _ = write!(h, "</span></summary>\n<p class=\"note\" lang=\"{}\">{} <code>", t.code, t.file);
        push_esc(h, &r.file);
        if let Some(l) = r.line {
            let _ = write!(h, "</code> {} {l}", t.line);
        } else {
            h.push_str("</code>");
        }
        if let Some(id) = &r.id {
            h.push_str(", id <code>");
            match id {
                serde_json::Value::String(s) => push_esc(h, s),
                v => push_esc(h, &v.to_string()),
            }
            h.push_str("</code>");
        }
        if let Some(u) = &r.url {
            h.push_str(", URL <code>");
            push_esc(h, u);
            h.push_str("</code>");
        }
        let _ = match ui {
            Ui::En => writeln!(h, ", read as {}.</p>", ui.language(r.language)),
            Ui::Es => writeln!(h, ", leído en {}.</p>", ui.language(r.language)),
        };
        if r.sentences.is_empty() {
            let _ = writeln!(h, "<p class=\"note\" lang=\"{}\">{}</p>", t.code, t.no_sentences);
        } else {
            h.push_str("<ol class=\"sentences\">\n");
            for s in &r.sentences {
                h.push_str("<li><p class=\"sentence\">");
                push_esc(h, &s.text);
                h.push_str("</p><ul class=\"flags\">");
                for f in &s.flags {
                    let _ = write!(
                        h,
                        "<li><span class=\"k k-{}\" lang=\"{}\">{}</span>",
                        f.kind.as_str(),
                        t.code,
                        ui.kind(f.kind)
                    );
                    push_esc(h, &f.explanation);
                    if let Some(reason) = f.reason {
                        let _ = write!(
                            h,
                            " <span class=\"reason\" lang=\"{}\">({})</span>",
                            t.code,
                            ui.reason_note(reason)
                        );
                    }
                    h.push_str("</li>");
                }
                h.push_str("</ul></li>\n");
            }
            h.push_str("</ol>\n");
        }
        h.push_str("</details>\n");
    }
    h.push_str("</section>\n");
}

/// The publication date a saved page declares: `article:published_time` (or a like
/// meta tag), else JSON-LD `datePublished`, else the first `<time datetime>`.
///
/// A small linear scan over the raw tags (the article extractor has already parsed
/// the page; a second full parse would double the cost).
pub fn published_date(page: &str) -> Option<String> {
    let bytes = page.as_bytes();
    let lower_starts = |at: usize, s: &str| {
        bytes
            .get(at..at + s.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(s.as_bytes()))
    };
    // (rank, value): lower rank wins.
    let mut best: Option<(u8, String)> = None;
    let offer = |rank: u8, value: Option<&str>, best: &mut Option<(u8, String)>| {
        let Some(v) = value.and_then(|v| {
            let t = v.split_whitespace().collect::<Vec<_>>().join(" ");
            (!t.is_empty() && t.len() <= 80).then_some(t)
        }) else {
            return;
        };
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            *best = Some((rank, v));
        }
    };
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off;
        if lower_starts(i, "<!--") {
            i = find(bytes, i + 4, b"-->").map_or(bytes.len(), |j| j + 3);
            continue;
        }
        let name_start = i + 1;
        let mut j = name_start;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-' || bytes[j] == b':') {
            j += 1;
        }
        if j == name_start {
            i += 1;
            continue;
        }
        let name = page[name_start..j].to_ascii_lowercase();
        if !matches!(
            name.as_str(),
            "meta" | "time" | "script" | "style" | "textarea" | "title" | "xmp" | "noscript"
        ) {
            // Not a tag that can hold the date: skip it without collecting its attributes.
            i = tag_end(bytes, j);
            continue;
        }
        let (attrs, end) = attributes(page, j);
        let attr = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        match name.as_str() {
            "meta" => {
                let key = attr("property")
                    .or_else(|| attr("name"))
                    .or_else(|| attr("itemprop"))
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                let rank = match key.as_str() {
                    "article:published_time" => Some(0),
                    "og:article:published_time" | "datepublished" | "article.published" => Some(1),
                    "pubdate" | "publishdate" | "publish-date" | "date" | "dc.date" | "dc.date.issued"
                    | "dcterms.date" | "dcterms.issued" | "dcterms.created" | "parsely-pub-date"
                    | "sailthru.date" => Some(3),
                    _ => None,
                };
                if let Some(rank) = rank {
                    offer(rank, attr("content"), &mut best);
                }
            }
            "time" => {
                if attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datepublished")) {
                    offer(1, attr("datetime").or_else(|| attr("content")), &mut best);
                } else {
                    offer(4, attr("datetime"), &mut best);
                }
            }
            "script" | "style" | "textarea" | "title" | "xmp" | "noscript" => {
                // Raw text up to the closing tag; JSON-LD may give datePublished.
                let close = format!("</{name}");
                let body_end = find_ci(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
                if name == "script" && attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) {
                    offer(2, json_ld_date(&page[end..body_end]).as_deref(), &mut best);
                }
                i = body_end;
                if matches!(best, Some((0, _))) {
                    break;
                }
                continue;
            }
            _ => {}
        }
        if matches!(best, Some((0, _))) {
            break;
        }
        i = end.max(i + 1);
    }
    best.map(|(_, v)| v)
}

/// The offset just past the `>` that ends a tag (quoted attribute values may hold `>`).
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut quote = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => {
                // Only a quote that opens an attribute value (after `=`) starts a quoted run.
                let mut k = i;
                while k > from && b[k - 1].is_ascii_whitespace() {
                    k -= 1;
                }
                if k > from && b[k - 1] == b'=' {
                    quote = Some(c);
                }
            }
            None if c == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    b.len()
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// `"datePublished": "…"` in a JSON-LD block.
fn json_ld_date(block: &str) -> Option<String> {
    let at = block.find("\"datePublished\"")?;
    let rest = block[at + 15..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_string())
}

/// Attributes of a tag whose name ends at `from`: (lowercased name, value) pairs and
/// the offset just past the tag's `>`.
fn attributes(page: &str, from: usize) -> (Vec<(String, String)>, usize) {
    let b = page.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (out, b.len());
        }
        if b[i] == b'>' {
            return (out, i + 1);
        }
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !b"=>/".contains(&b[i]) {
            i += 1;
        }
        let name = page[ns..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = b[vs..].iter().position(|&c| c == q).map_or(b.len(), |p| vs + p);
                value = decode_entities(&page[vs..ve]);
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = decode_entities(&page[vs..i]);
            }
        }
        if name.is_empty() {
            i += 1;
            continue;
        }
        out.push((name, value));
    }
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(esc("<script>alert('x')</script> & \"q\"\u{1b}[31m"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;[31m");
    }

    #[test]
    fn dates() {
        let p = r#"<html><head><meta name="date" content="2020-01-01"><meta property="article:published_time" content="2024-03-05T10:00:00Z"></head></html>"#;
        assert_eq!(published_date(p).as_deref(), Some("2024-03-05T10:00:00Z"));
        let p = r#"<body><!-- <time datetime="1999-01-01"> --><p>x</p><time class=a datetime=2023-07-01>July 1</time><time datetime="2023-08-01"></time>"#;
        assert_eq!(published_date(p).as_deref(), Some("2023-07-01"));
        let p = r#"<script>var s = "<time datetime='1990-01-01'>";</script><script type="application/ld+json">{"@type":"NewsArticle","datePublished" : "2022-02-02T08:00"}</script><time datetime="2023-08-01"></time>"#;
        assert_eq!(published_date(p).as_deref(), Some("2022-02-02T08:00"));
        let p = r#"<a title='x>y' href=a>q</a><p data-x="a > b"><time datetime="2019-01-01"></time><time itemprop="datePublished" content="2017-01-18T23:00:00-0800">Jan 18</time>"#;
        assert_eq!(published_date(p).as_deref(), Some("2017-01-18T23:00:00-0800"));
        assert_eq!(tag_end(b"<a title=it's>x", 2), 14);
        assert_eq!(tag_end(b"<a title=\"a>b\">x", 2), 15);
        assert_eq!(published_date("<p>no date</p>"), None);
        assert_eq!(published_date("<meta content=\"x"), None);
        assert_eq!(published_date("<"), None);
        assert_eq!(published_date("<time datetime="), None);
    }

    #[test]
    fn dates_shown() {
        assert_eq!(short_date("2024-03-05T10:00:00Z"), "2024-03-05");
        assert_eq!(short_date("March 5, 2024"), "March 5, 2024");
    }
}
