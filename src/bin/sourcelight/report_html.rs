//! The HTML page of `sourcelight report`, and the publication date of a saved page.
//!
//! The page is self-contained: inline CSS and script (`report/`), charts as inline
//! SVG, no URL that a browser would fetch, and a Content-Security-Policy that forbids
//! any load. Every text that comes from an article (titles, outlets, dates, URLs,
//! file names, sentences, explanations) goes through [`esc`]; no article text is put
//! into the script.

use super::{shorten, Outlet, Row};
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

fn share(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        f64::from(part) / f64::from(whole)
    }
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

fn reason_note(r: Reason) -> &'static str {
    match r {
        Reason::Given => "reason for anonymity given",
        Reason::Boilerplate => "only a boilerplate reason for anonymity",
        Reason::None => "no reason for anonymity given",
    }
}

const FLAGS: [Kind; 3] = [Kind::Anonymous, Kind::Vague, Kind::Unverified];

/// The whole report page.
pub fn page(rows: &[Row], outlets: &[Outlet]) -> String {
    let mut h = String::with_capacity(4096 + rows.len() * 3000);
    let total = |f: fn(&Row) -> u32| rows.iter().map(f).sum::<u32>();
    let claims = total(|r| r.attributions);
    let anonymous = total(|r| r.anonymous);
    let vague = total(|r| r.vague);
    let unverified = total(|r| r.unverified);
    let known_outlets = outlets.iter().filter(|o| o.outlet.is_some()).count();

    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str(GENERATOR);
    h.push_str(
        "\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<title>Sourcelight report</title>\n<style>\n",
    );
    h.push_str(CSS);
    h.push_str("</style>\n</head>\n<body>\n<header>\n<h1>Sourcelight report</h1>\n");
    let _ = writeln!(
        h,
        "<p class=\"lead\">{} article{} from {} outlet{}{}: {} attributions, of which {} anonymous ({}), {} vague and {} unverified.</p>",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        known_outlets,
        if known_outlets == 1 { "" } else { "s" },
        if outlets.iter().any(|o| o.outlet.is_none()) { " (and some whose outlet is not known)" } else { "" },
        claims,
        anonymous,
        pct(share(anonymous, claims)),
        vague,
        unverified
    );
    h.push_str(
        "<p class=\"note\">Anonymous: unnamed people said to know (\u{201c}sources familiar with the matter\u{201d}). \
         Vague: an unspecified crowd or nobody (\u{201c}critics say\u{201d}, \u{201c}it is believed\u{201d}). \
         Unverified: the text marks the claim as unconfirmed (\u{201c}reportedly\u{201d}). \
         Reasons: how many anonymous claims say why the source was granted anonymity (a real reason, \
         only a boilerplate one such as \u{201c}not authorized to speak publicly\u{201d}, or none). \
         Click a column header to sort; type in the box to filter.</p>\n</header>\n",
    );

    articles_table(&mut h, rows);
    outlets_section(&mut h, outlets);
    share_chart(&mut h, outlets);
    kinds_chart(&mut h, rows);
    sentences_section(&mut h, rows);

    h.push_str("<script>\n");
    h.push_str(JS);
    h.push_str("</script>\n</body>\n</html>\n");
    h
}

/// Number cell; `v` is the value sorted on.
fn num(h: &mut String, v: impl std::fmt::Display) {
    let _ = write!(h, "<td class=\"n\">{v}</td>");
}

fn articles_table(h: &mut String, rows: &[Row]) {
    h.push_str("<section>\n<h2 id=\"table\">Articles</h2>\n<div class=\"tools\"><label>Filter \
                <input id=\"filter\" type=\"search\" placeholder=\"title, outlet, date, file\u{2026}\" autocomplete=\"off\"></label>");
    let _ = writeln!(
        h,
        "<span class=\"note\">showing <span id=\"shown\">{0}</span> of {0}</span></div>",
        rows.len()
    );
    h.push_str(
        "<div class=\"scroll\"><table id=\"articles\" class=\"sortable\">\n<thead><tr>\
         <th class=\"n\">#</th><th>Title</th><th>Outlet</th><th>Date</th>\
         <th class=\"n\" title=\"All attributed claims\">Attributions</th><th class=\"n\">Anonymous</th>\
         <th class=\"n\">Vague</th><th class=\"n\">Unverified</th><th class=\"n\">Anonymous share</th>\
         <th class=\"n\" title=\"Distinct anonymous sources\">Anonymous groups</th>\
         <th class=\"n\" title=\"Anonymous claims that say why the source is anonymous\">Reason given</th>\
         <th class=\"n\" title=\"Anonymous claims whose only reason is boilerplate\">Boilerplate only</th>\
         <th class=\"n\" title=\"Anonymous claims with no reason for anonymity\">No reason</th>\
         </tr></thead>\n<tbody>\n",
    );
    for (i, r) in rows.iter().enumerate() {
        let _ = write!(h, "<tr data-i=\"{i}\"><td class=\"n\">{}</td>", i + 1);
        // Title: sorted by the title alone, shown with the file it came from.
        let title = r.title.as_deref().unwrap_or(&r.file);
        h.push_str("<td class=\"t\" data-v=\"");
        push_esc(h, title);
        let _ = write!(h, "\"><a href=\"#a{i}\">");
        match &r.title {
            Some(t) => push_esc(h, t),
            None => h.push_str("<span class=\"unknown\">(no title)</span>"),
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
            None => h.push_str("<td data-v=\"\"><span class=\"unknown\">unknown</span></td>"),
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
        num(h, r.attributions);
        num(h, r.anonymous);
        num(h, r.vague);
        num(h, r.unverified);
        let _ = write!(
            h,
            "<td class=\"n\" data-v=\"{:.6}\">{}</td>",
            r.anonymous_share,
            pct(r.anonymous_share)
        );
        num(h, r.anonymous_groups);
        num(h, r.reasons_given);
        num(h, r.reasons_boilerplate);
        num(h, r.reasons_missing);
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n");
    let total = |f: fn(&Row) -> u32| rows.iter().map(f).sum::<u32>();
    let _ = writeln!(
        h,
        "<tfoot><tr><td></td><td colspan=\"3\">All {} articles</td>\
         <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
         <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></tfoot>",
        rows.len(),
        total(|r| r.attributions),
        total(|r| r.anonymous),
        total(|r| r.vague),
        total(|r| r.unverified),
        pct(share(total(|r| r.anonymous), total(|r| r.attributions))),
        total(|r| r.anonymous_groups),
        total(|r| r.reasons_given),
        total(|r| r.reasons_boilerplate),
        total(|r| r.reasons_missing),
    );
    h.push_str("</table></div>\n</section>\n");
}

fn outlets_section(h: &mut String, outlets: &[Outlet]) {
    h.push_str(
        "<section>\n<h2 id=\"outlets\">Outlets</h2>\n<div class=\"scroll\"><table id=\"outlet-totals\" class=\"sortable\">\n<thead><tr>\
         <th>Outlet</th><th class=\"n\">Articles</th><th class=\"n\">Attributions</th><th class=\"n\">Anonymous</th>\
         <th class=\"n\">Vague</th><th class=\"n\">Unverified</th><th class=\"n\">Anonymous share</th>\
         <th class=\"n\">Anonymous groups</th><th class=\"n\">Reason given</th><th class=\"n\">Boilerplate only</th>\
         <th class=\"n\">No reason</th></tr></thead>\n<tbody>\n",
    );
    for o in outlets {
        match &o.outlet {
            Some(name) => {
                h.push_str("<tr><td>");
                push_esc(h, name);
                h.push_str("</td>");
            }
            None => h.push_str("<tr><td data-v=\"\"><span class=\"unknown\">unknown</span></td>"),
        }
        num(h, o.articles);
        num(h, o.attributions);
        num(h, o.anonymous);
        num(h, o.vague);
        num(h, o.unverified);
        let _ = write!(
            h,
            "<td class=\"n\" data-v=\"{:.6}\">{}</td>",
            o.anonymous_share,
            pct(o.anonymous_share)
        );
        num(h, o.anonymous_groups);
        num(h, o.reasons_given);
        num(h, o.reasons_boilerplate);
        num(h, o.reasons_missing);
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table></div>\n</section>\n");
}

/// The most outlets the share chart draws (those with the most articles).
const CHART_OUTLETS: usize = 40;

/// Anonymous share per outlet: one horizontal bar each, highest share first.
fn share_chart(h: &mut String, outlets: &[Outlet]) {
    h.push_str("<section>\n<h2 id=\"share\">Anonymous share per outlet</h2>\n");
    let mut shown: Vec<&Outlet> = outlets.iter().take(CHART_OUTLETS).collect();
    if shown.is_empty() {
        h.push_str("<p class=\"note\">No articles.</p>\n</section>\n");
        return;
    }
    if outlets.len() > CHART_OUTLETS {
        let _ = writeln!(
            h,
            "<p class=\"note\">The {CHART_OUTLETS} outlets with the most articles, of {}.</p>",
            outlets.len()
        );
    }
    shown.sort_by(|a, b| {
        b.anonymous_share
            .total_cmp(&a.anonymous_share)
            .then(b.articles.cmp(&a.articles))
    });
    const ROW: usize = 24;
    const LABEL: f64 = 210.0;
    const BAR: f64 = 460.0;
    let height = shown.len() * ROW + 24;
    let _ = writeln!(
        h,
        "<svg class=\"chart\" viewBox=\"0 0 760 {height}\" width=\"760\" height=\"{height}\" role=\"img\" aria-label=\"Anonymous claims as a share of all attributions, per outlet\">"
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
        let name = o.outlet.as_deref().unwrap_or("unknown");
        h.push_str("<g><title>");
        push_esc(h, name);
        let _ = write!(
            h,
            ": {} anonymous ({} of {} attributions, {} article{})</title>",
            pct(o.anonymous_share),
            o.anonymous,
            o.attributions,
            o.articles,
            if o.articles == 1 { "" } else { "s" }
        );
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"end\">",
            LABEL - 8.0,
            y + 16
        );
        push_esc(h, &shorten(name, 28));
        let w = BAR * o.anonymous_share.clamp(0.0, 1.0);
        let _ = writeln!(
            h,
            "</text><rect x=\"{LABEL:.1}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\" fill=\"#c0392b\"/><text x=\"{:.1}\" y=\"{}\">{}</text></g>",
            y + 4,
            ROW - 8,
            LABEL + w + 6.0,
            y + 16,
            pct(o.anonymous_share)
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
fn kinds_chart(h: &mut String, rows: &[Row]) {
    h.push_str("<section>\n<h2 id=\"kinds\">Kinds of attribution per article</h2>\n<div class=\"legend\">");
    for k in Kind::ALL {
        let _ = write!(h, "<span style=\"--c: {}\">{}</span>", kind_color(k), k.as_str());
    }
    h.push_str("</div>\n");
    if rows.is_empty() {
        h.push_str("<p class=\"note\">No articles.</p>\n</section>\n");
        return;
    }
    const W: f64 = 960.0;
    const H: f64 = 220.0;
    const LEFT: f64 = 36.0;
    const TOP: f64 = 12.0;
    let max = rows.iter().map(|r| r.attributions).max().unwrap_or(0).max(1);
    let step = W / rows.len() as f64;
    let bar = if step >= 4.0 { (step * 0.8).min(40.0) } else { step };
    let _ = writeln!(
        h,
        "<svg class=\"chart\" viewBox=\"0 0 {:.0} {:.0}\" width=\"{:.0}\" height=\"{:.0}\" role=\"img\" aria-label=\"Attributions per article by kind\">",
        W + LEFT + 4.0,
        H + 20.0,
        W + LEFT + 4.0,
        H + 20.0
    );
    let _ = writeln!(
        h,
        "<line x1=\"{LEFT}\" y1=\"{H}\" x2=\"{:.0}\" y2=\"{H}\" stroke=\"#5f6368\"/><line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{:.0}\" y2=\"{TOP}\" stroke=\"#d9dce1\"/>\
         <text x=\"{:.0}\" y=\"{:.0}\" text-anchor=\"end\">{max}</text><text x=\"{:.0}\" y=\"{H}\" text-anchor=\"end\">0</text>\
         <text x=\"{:.0}\" y=\"{:.0}\" text-anchor=\"middle\">articles, in table order (hover for details)</text>",
        LEFT + W,
        LEFT + W,
        LEFT - 4.0,
        TOP + 4.0,
        LEFT - 4.0,
        LEFT + W / 2.0,
        H + 16.0
    );
    let scale = (H - TOP) / f64::from(max);
    for (i, r) in rows.iter().enumerate() {
        let x = LEFT + step * i as f64 + (step - bar) / 2.0;
        let _ = write!(h, "<a href=\"#a{i}\"><title>{}. ", i + 1);
        push_esc(h, r.title.as_deref().unwrap_or(&r.file));
        let _ = write!(h, ": {} attributions", r.attributions);
        for k in Kind::ALL {
            let n = r.kind_count(k);
            if n > 0 {
                let _ = write!(h, ", {n} {}", k.as_str());
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
            let n = r.kind_count(k);
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

fn sentences_section(h: &mut String, rows: &[Row]) {
    h.push_str(
        "<section>\n<h2 id=\"sentences\">Flagged sentences</h2>\n<div class=\"tools\">\
         <button type=\"button\" id=\"expand\">Open all</button><button type=\"button\" id=\"collapse\">Close all</button></div>\n",
    );
    for (i, r) in rows.iter().enumerate() {
        let _ = write!(h, "<details class=\"article\" id=\"a{i}\" lang=\"{}\"><summary><strong>{}. ", r.language, i + 1);
        match &r.title {
            Some(t) => push_esc(h, t),
            None => push_esc(h, &r.file),
        }
        h.push_str("</strong> <span class=\"meta\">");
        let mut meta: Vec<String> = Vec::new();
        if let Some(o) = &r.outlet {
            meta.push(esc(o));
        }
        if let Some(d) = &r.date {
            meta.push(esc(&short_date(d)));
        }
        let n = r.sentences.len();
        meta.push(format!(
            "{n} flagged sentence{}",
            if n == 1 { "" } else { "s" }
        ));
        for k in FLAGS {
            let c = r.kind_count(k);
            if c > 0 {
                meta.push(format!("{c} {}", k.as_str()));
            }
        }
        h.push_str(&meta.join(" \u{b7} "));
        h.push_str("</span></summary>\n<p class=\"note\">File <code>");
        push_esc(h, &r.file);
        if let Some(l) = r.line {
            let _ = write!(h, "</code> line {l}");
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
        let _ = writeln!(h, ", read as {}.</p>", r.language);
        if r.sentences.is_empty() {
            h.push_str("<p class=\"note\">No flagged sentences.</p>\n");
        } else {
            h.push_str("<ol class=\"sentences\">\n");
            for s in &r.sentences {
                h.push_str("<li><p class=\"sentence\">");
                push_esc(h, &s.text);
                h.push_str("</p><ul class=\"flags\">");
                for f in &s.flags {
                    let _ = write!(h, "<li><span class=\"k k-{0}\">{0}</span>", f.kind.as_str());
                    push_esc(h, &f.explanation);
                    if let Some(reason) = f.reason {
                        let _ = write!(h, " <span class=\"reason\">({})</span>", reason_note(reason));
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
