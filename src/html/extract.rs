//! Finding the article in a page: a scoring pass in the spirit of Mozilla's
//! Readability (paragraph text and commas score their ancestors, link-heavy and
//! boilerplate-named blocks lose), then sibling merging and conditional cleaning.
//!
//! Cost: a fixed number of walks over the tree, each linear in its size.

use super::text::{is_block, is_never_text, render_into, LineWriter};
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use regex::Regex;
use scraper::node::Element;
use scraper::{Html, Node};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

struct Patterns {
    unlikely: Regex,
    maybe: Regex,
    positive: Regex,
    negative: Regex,
    noise: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        unlikely: Regex::new(
            r"(?i)-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|cookie|consent|paywall|subscribe|signup|sign-up|share|recirc|most-popular|trending|promo|outbrain|taboola",
        )
        .expect("valid pattern"),
        maybe: Regex::new(r"(?i)and|article|body|column|content|main|mathjax|shadow|story")
            .expect("valid pattern"),
        positive: Regex::new(
            r"(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
        )
        .expect("valid pattern"),
        negative: Regex::new(
            r"(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|recirc|taboola",
        )
        .expect("valid pattern"),
        noise: Regex::new(
            r"(?i)share|sharing|social|newsletter|subscribe|signup|related|recirc|promo|comments?\b|disqus|byline-share|toolbar|tools",
        )
        .expect("valid pattern"),
    })
}

/// Tags skipped wherever they are: page furniture, never article text.
fn is_furniture(tag: &str) -> bool {
    matches!(tag, "nav" | "footer" | "aside" | "dialog" | "menu")
}

/// Elements that hold an article: a `<header>` inside one is the article's own
/// (headline, standfirst), not the site's.
fn is_article_container(el: &Element) -> bool {
    matches!(el.name(), "article" | "main")
        || el
            .attr("itemprop")
            .is_some_and(|v| v.contains("articleBody"))
}

const UNLIKELY_ROLES: [&str; 8] = [
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
    "banner",
];

/// Is the element hidden from readers (hidden attribute, aria-hidden, inline display:none)?
pub(crate) fn is_hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(|c| c.to_lowercase())
            .collect();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

fn class_and_id(el: &Element) -> String {
    let mut s = String::new();
    if let Some(c) = el.attr("class") {
        s.push_str(c);
    }
    s.push(' ');
    if let Some(i) = el.attr("id") {
        s.push_str(i);
    }
    s
}

fn class_weight(el: &Element) -> f64 {
    let p = patterns();
    let mut w = 0.0;
    for value in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        if value.is_empty() {
            continue;
        }
        if p.negative.is_match(value) {
            w -= 25.0;
        }
        if p.positive.is_match(value) {
            w += 25.0;
        }
    }
    w
}

/// Per-element figures gathered bottom-up.
#[derive(Default, Clone)]
struct Stats {
    text: usize,
    link: usize,
    commas: usize,
    p: usize,
    img: usize,
    li: usize,
    li_text: usize,
    input: usize,
    embed: usize,
    block_children: bool,
    direct_text: usize,
    direct_commas: usize,
}

fn text_len(s: &str) -> (usize, usize) {
    let mut len = 0;
    let mut commas = 0;
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && len > 0 {
                len += 1;
            }
            space = false;
            len += 1;
            if matches!(c, ',' | '，' | '、' | '،') {
                commas += 1;
            }
        }
    }
    (len, commas)
}

#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

struct Pass<'a> {
    doc: &'a Html,
    flags: Flags,
    removed: HashSet<NodeId>,
    stats: HashMap<NodeId, Stats>,
    order: Vec<NodeId>,
}

fn tag_of<'a>(node: NodeRef<'a, Node>) -> Option<&'a str> {
    node.value().as_element().map(|e| e.name())
}

impl<'a> Pass<'a> {
    fn new(doc: &'a Html, flags: Flags) -> Self {
        let mut pass = Pass {
            doc,
            flags,
            removed: HashSet::new(),
            stats: HashMap::new(),
            order: Vec::new(),
        };
        pass.mark_removed();
        pass.gather();
        pass
    }

    fn is_unlikely(&self, el: &Element, in_table_or_code: bool, in_article: bool) -> bool {
        let tag = el.name();
        if is_never_text(tag)
            || is_furniture(tag)
            || is_hidden(el)
            || (tag == "header" && !in_article)
        {
            return true;
        }
        if !self.flags.strip_unlikely || matches!(tag, "body" | "html" | "a" | "article" | "main") {
            return false;
        }
        if let Some(role) = el.attr("role") {
            if UNLIKELY_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
                return true;
            }
        }
        let p = patterns();
        let s = class_and_id(el);
        if p.unlikely.is_match(&s) && !p.maybe.is_match(&s) {
            // Readability keeps these inside tables and code.
            return !in_table_or_code;
        }
        false
    }

    /// Top-down: which subtrees are not part of any article.
    fn mark_removed(&mut self) {
        let root = self.doc.tree.root();
        let mut skipping: Option<NodeId> = None;
        let mut table_or_code = 0usize;
        let mut articles = 0usize;
        let is_tc = |node: NodeRef<'_, Node>| matches!(tag_of(node), Some("table" | "code"));
        let is_ac =
            |node: NodeRef<'_, Node>| node.value().as_element().is_some_and(is_article_container);
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    if let Node::Element(el) = node.value() {
                        if self.is_unlikely(el, table_or_code > 0, articles > 0) {
                            self.removed.insert(node.id());
                            skipping = Some(node.id());
                        } else {
                            self.order.push(node.id());
                            table_or_code += usize::from(is_tc(node));
                            articles += usize::from(is_ac(node));
                        }
                    }
                }
                Edge::Close(node) => {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    } else if skipping.is_none() {
                        if is_tc(node) {
                            table_or_code = table_or_code.saturating_sub(1);
                        }
                        if is_ac(node) {
                            articles = articles.saturating_sub(1);
                        }
                    }
                }
            }
        }
    }

    /// Bottom-up: text, link text, commas and element counts for every kept element.
    fn gather(&mut self) {
        let root = self.doc.tree.root();
        let mut stack: Vec<(NodeId, Stats)> = Vec::new();
        let mut skipping: Option<NodeId> = None;
        let mut link_depth = 0usize;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Element(el) => {
                            let tag = el.name();
                            if let Some((_, top)) = stack.last_mut() {
                                match tag {
                                    "img" | "picture" => top.img += 1,
                                    "input" | "select" | "textarea" | "button" => top.input += 1,
                                    "iframe" | "embed" | "object" | "video" => top.embed += 1,
                                    _ => {}
                                }
                            }
                            if self.removed.contains(&node.id()) {
                                skipping = Some(node.id());
                                continue;
                            }
                            if tag == "a" {
                                link_depth += 1;
                            }
                            stack.push((node.id(), Stats::default()));
                        }
                        Node::Text(t) => {
                            if let Some((_, top)) = stack.last_mut() {
                                let (len, commas) = text_len(t);
                                top.text += len;
                                top.commas += commas;
                                top.direct_text += len;
                                top.direct_commas += commas;
                                if link_depth > 0 {
                                    top.link += len;
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(id) = skipping {
                        if id == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    let Node::Element(el) = node.value() else {
                        continue;
                    };
                    let tag = el.name();
                    if tag == "a" {
                        link_depth = link_depth.saturating_sub(1);
                    }
                    let Some((id, st)) = stack.pop() else {
                        continue;
                    };
                    if let Some((_, parent)) = stack.last_mut() {
                        parent.text += st.text;
                        parent.link += st.link;
                        parent.commas += st.commas;
                        parent.p += st.p + usize::from(tag == "p");
                        parent.img += st.img;
                        parent.li += st.li + usize::from(tag == "li");
                        parent.li_text += st.li_text + if tag == "li" { st.text } else { 0 };
                        parent.input += st.input;
                        parent.embed += st.embed;
                        if is_block(tag) {
                            parent.block_children = true;
                        } else {
                            parent.direct_text += st.direct_text;
                            parent.direct_commas += st.direct_commas;
                        }
                    }
                    self.stats.insert(id, st);
                }
            }
        }
    }

    fn stat(&self, id: NodeId) -> Stats {
        self.stats.get(&id).cloned().unwrap_or_default()
    }

    fn link_density(&self, id: NodeId) -> f64 {
        let s = self.stat(id);
        if s.text == 0 {
            0.0
        } else {
            s.link as f64 / s.text as f64
        }
    }

    fn weight(&self, el: &Element) -> f64 {
        if self.flags.weight_classes {
            class_weight(el)
        } else {
            0.0
        }
    }

    fn initial_score(&self, el: &Element) -> f64 {
        let base = match el.name() {
            "div" | "article" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let hint = if el
            .attr("itemprop")
            .is_some_and(|v| v.contains("articleBody"))
        {
            25.0
        } else {
            0.0
        };
        base + self.weight(el) + hint
    }

    /// Scores every candidate; returns the chosen article roots in document order.
    fn choose(&self) -> Vec<NodeId> {
        let tree = &self.doc.tree;
        let mut scores: HashMap<NodeId, f64> = HashMap::new();
        for &id in &self.order {
            let Some(node) = tree.get(id) else { continue };
            let Some(el) = node.value().as_element() else {
                continue;
            };
            let st = self.stat(id);
            let tag = el.name();
            let (len, commas) = match tag {
                "p" | "pre" | "td" | "section" | "h2" | "h3" | "h4" | "h5" | "h6"
                | "blockquote" => (st.text, st.commas),
                "div" if !st.block_children => (st.text, st.commas),
                "div" | "article" | "main" => (st.direct_text, st.direct_commas),
                _ => continue,
            };
            if len < 25 {
                continue;
            }
            let content = 1.0 + commas as f64 + ((len / 100) as f64).min(3.0);
            // Anonymous text directly inside a div scores the div itself, like a wrapped <p>.
            let own = matches!(tag, "div" | "article" | "main") && st.block_children;
            let ancestors: Box<dyn Iterator<Item = NodeRef<'_, Node>>> = if own {
                Box::new(std::iter::once(node).chain(node.ancestors()))
            } else {
                Box::new(node.ancestors())
            };
            for (level, anc) in ancestors.take(5).enumerate() {
                let Some(anc_el) = anc.value().as_element() else {
                    break;
                };
                if anc
                    .parent()
                    .and_then(|p| p.value().as_element().map(|_| ()))
                    .is_none()
                {
                    break;
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    n => n as f64 * 3.0,
                };
                let entry = scores
                    .entry(anc.id())
                    .or_insert_with(|| self.initial_score(anc_el));
                *entry += content / divider;
            }
        }
        // Scale by link density.
        let mut best: Option<(NodeId, f64)> = None;
        let mut finals: HashMap<NodeId, f64> = HashMap::new();
        for (&id, &score) in &scores {
            let f = score * (1.0 - self.link_density(id));
            finals.insert(id, f);
            if best.is_none_or(|(bid, b)| f > b || (f == b && id < bid)) {
                best = Some((id, f));
            }
        }
        let body = self.body();
        let Some((mut top, top_score)) = best else {
            return body.into_iter().collect();
        };
        let is_body = |id: NodeId| Some(id) == body;
        if is_body(top) {
            return vec![top];
        }

        // When several of the best candidates share an ancestor that also scores well, use it.
        let mut ranked: Vec<(NodeId, f64)> = finals.iter().map(|(&i, &s)| (i, s)).collect();
        ranked.sort_by(|a, b| {
            b.1.partial_cmp(&a.1)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.0.cmp(&b.0))
        });
        let alternatives: Vec<NodeId> = ranked
            .iter()
            .skip(1)
            .take(4)
            .filter(|(_, s)| *s / top_score >= 0.75)
            .map(|(i, _)| *i)
            .collect();
        if alternatives.len() >= 3 {
            let ancestor_sets: Vec<HashSet<NodeId>> = alternatives
                .iter()
                .map(|&alt| {
                    tree.get(alt)
                        .map(|a| a.ancestors().map(|x| x.id()).collect())
                        .unwrap_or_default()
                })
                .collect();
            let mut parent = tree.get(top).and_then(|n| n.parent());
            while let Some(p) = parent {
                if is_body(p.id()) || p.value().as_element().is_none() {
                    break;
                }
                let containing = ancestor_sets
                    .iter()
                    .filter(|set| set.contains(&p.id()))
                    .count();
                if containing >= 3 {
                    top = p.id();
                    break;
                }
                parent = p.parent();
            }
        }

        // Climb while the parent scores better.
        let mut last = finals.get(&top).copied().unwrap_or(0.0);
        let threshold = last / 3.0;
        let mut parent = tree.get(top).and_then(|n| n.parent());
        while let Some(p) = parent {
            if is_body(p.id()) || p.value().as_element().is_none() {
                break;
            }
            match finals.get(&p.id()) {
                None => {}
                Some(&ps) if ps < threshold => break,
                Some(&ps) if ps > last => {
                    top = p.id();
                    break;
                }
                Some(&ps) => last = ps,
            }
            parent = p.parent();
        }
        // An only child stands for its parent.
        while let Some(p) = tree.get(top).and_then(|node| node.parent()) {
            if is_body(p.id()) || p.value().as_element().is_none() {
                break;
            }
            let element_children = p.children().filter(|c| c.value().is_element()).count();
            if element_children != 1 {
                break;
            }
            top = p.id();
        }

        // Siblings that look like more of the article join it.
        let top_score = finals.get(&top).copied().unwrap_or(top_score);
        let threshold = (top_score * 0.2).max(10.0);
        let Some(top_node) = tree.get(top) else {
            return vec![top];
        };
        let Some(parent) = top_node.parent() else {
            return vec![top];
        };
        if parent.value().as_element().is_none() {
            return vec![top];
        }
        let top_class = top_node
            .value()
            .as_element()
            .and_then(|e| e.attr("class"))
            .unwrap_or("");
        let mut chosen = Vec::new();
        for sib in parent.children() {
            let id = sib.id();
            if id == top {
                chosen.push(id);
                continue;
            }
            let Some(el) = sib.value().as_element() else {
                continue;
            };
            if self.removed.contains(&id) {
                continue;
            }
            // Readability gives a bonus to a sibling with the top candidate's class; here
            // sharing any class token counts ("story-body story-body-1" / "story-body story-body-2").
            let mut bonus = 0.0;
            let shares_class = el.attr("class").is_some_and(|c| {
                c.split_ascii_whitespace()
                    .any(|t| top_class.split_ascii_whitespace().any(|u| u == t))
            });
            if shares_class {
                bonus += top_score * 0.2;
            }
            let score = finals.get(&id).copied();
            if score.is_some_and(|s| s + bonus >= threshold) {
                chosen.push(id);
            } else if el.name() == "p" {
                let st = self.stat(id);
                let ld = self.link_density(id);
                if (st.text > 80 && ld < 0.25) || (st.text > 0 && st.text <= 80 && ld == 0.0) {
                    chosen.push(id);
                }
            }
        }
        self.add_cousins(top, top_class, &mut chosen);
        chosen
    }

    /// Article bodies split into several blocks under different parents
    /// ("story-body-1" in one wrapper, "story-body-2" in another): inside the
    /// enclosing `<article>` (or articleBody/main) a few levels up, blocks that share a
    /// class token with the top candidate and read like prose join the article.
    fn add_cousins(&self, top: NodeId, top_class: &str, chosen: &mut Vec<NodeId>) {
        const GENERIC: [&str; 12] = [
            "clearfix",
            "row",
            "container",
            "wrapper",
            "inner",
            "section",
            "module",
            "block",
            "cf",
            "group",
            "col",
            "grid",
        ];
        let tokens: Vec<&str> = top_class
            .split_ascii_whitespace()
            .filter(|t| !GENERIC.contains(&t.to_ascii_lowercase().as_str()))
            .collect();
        if tokens.is_empty() {
            return;
        }
        let tree = &self.doc.tree;
        let Some(top_node) = tree.get(top) else {
            return;
        };
        let container = top_node
            .ancestors()
            .take(4)
            .find(|a| a.value().as_element().is_some_and(is_article_container));
        let Some(container) = container else { return };
        let mut added = Vec::new();
        let mut skipping: Option<NodeId> = None;
        for edge in container.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    let id = node.id();
                    if self.removed.contains(&id) || chosen.contains(&id) {
                        skipping = Some(id);
                        continue;
                    }
                    let Some(el) = node.value().as_element() else {
                        continue;
                    };
                    let shares = el
                        .attr("class")
                        .is_some_and(|c| c.split_ascii_whitespace().any(|t| tokens.contains(&t)));
                    if shares
                        && self.stat(id).text >= 80
                        && self.link_density(id) < 0.33
                        && self.weight(el) >= 0.0
                    {
                        added.push(id);
                        skipping = Some(id);
                    }
                }
                Edge::Close(node) => {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    }
                }
            }
        }
        if added.is_empty() {
            return;
        }
        chosen.extend(added);
        let position: HashMap<NodeId, usize> = self
            .order
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i))
            .collect();
        chosen.sort_by_key(|id| position.get(id).copied().unwrap_or(usize::MAX));
    }

    fn body(&self) -> Option<NodeId> {
        self.doc
            .tree
            .root()
            .descendants()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
            .map(|n| n.id())
    }

    /// Within the chosen roots: blocks that look like boilerplate rather than article.
    fn cleaned(&self, roots: &[NodeId]) -> HashSet<NodeId> {
        let mut out = HashSet::new();
        if !self.flags.clean_conditionally {
            return out;
        }
        let p = patterns();
        for &root in roots {
            let Some(root_node) = self.doc.tree.get(root) else {
                continue;
            };
            let mut skipping: Option<NodeId> = None;
            // Figures open around this point (the root's own ancestors counted once).
            let mut figures = root_node
                .ancestors()
                .filter(|a| tag_of(*a) == Some("figure"))
                .count();
            for edge in root_node.traverse() {
                match edge {
                    Edge::Open(node) => {
                        if skipping.is_some() {
                            continue;
                        }
                        let Some(el) = node.value().as_element() else {
                            continue;
                        };
                        if node.id() != root {
                            if self.removed.contains(&node.id()) {
                                skipping = Some(node.id());
                                continue;
                            }
                            if self.should_clean(node.id(), el, p, figures > 0) {
                                out.insert(node.id());
                                skipping = Some(node.id());
                                continue;
                            }
                        }
                        figures += usize::from(el.name() == "figure");
                    }
                    Edge::Close(node) => {
                        if skipping == Some(node.id()) {
                            skipping = None;
                        } else if skipping.is_none() && tag_of(node) == Some("figure") {
                            figures = figures.saturating_sub(1);
                        }
                    }
                }
            }
        }
        out
    }

    fn should_clean(&self, id: NodeId, el: &Element, p: &Patterns, in_figure: bool) -> bool {
        let tag = el.name();
        let st = self.stat(id);
        let names = class_and_id(el);
        if st.text < 500 && p.noise.is_match(&names) && !p.maybe.is_match(&names) {
            return true;
        }
        if !matches!(
            tag,
            "form" | "fieldset" | "table" | "ul" | "ol" | "div" | "section"
        ) {
            return false;
        }
        let weight = self.weight(el);
        if weight < 0.0 {
            return true;
        }
        if st.commas >= 10 {
            return false;
        }
        let is_list =
            matches!(tag, "ul" | "ol") || (st.text > 0 && st.li_text as f64 / st.text as f64 > 0.9);
        let ld = self.link_density(id);
        let pcount = st.p as f64;
        let img = st.img as f64;
        (st.img > 1 && pcount / img < 0.5 && !in_figure)
            || (!is_list && st.li as f64 - 100.0 > pcount)
            || (st.input as f64 > (pcount / 3.0).floor())
            || (!is_list && st.text < 25 && (st.img == 0 || st.img > 2) && !in_figure)
            || (!is_list && weight < 25.0 && ld > 0.2)
            || (weight >= 25.0 && ld > 0.5)
            || ((st.embed == 1 && st.text < 75) || st.embed > 1)
    }

    fn render(&self, roots: &[NodeId], title: Option<&str>) -> String {
        let cleaned = self.cleaned(roots);
        let title = title.map(squash).unwrap_or_default();
        // The headline repeats the page title (shown apart); Readability leaves it out too.
        let is_title = |id: NodeId, el: &Element| {
            if !matches!(el.name(), "h1" | "h2") || title.is_empty() {
                return false;
            }
            let Some(node) = self.doc.tree.get(id) else {
                return false;
            };
            let text: String = node
                .descendants()
                .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                .collect();
            let text = squash(&text);
            !text.is_empty() && (title.contains(&text) || text.contains(&title))
        };
        let skip = |id: NodeId, el: &Element| {
            self.removed.contains(&id) || cleaned.contains(&id) || is_title(id, el)
        };
        let mut w = LineWriter::default();
        for &root in roots {
            if let Some(node) = self.doc.tree.get(root) {
                render_into(&mut w, node, &skip);
            }
        }
        w.finish()
    }
}

/// Lower-cased words joined by single spaces, for comparing headlines.
fn squash(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The article's text, one paragraph per line; `title` is the page's title, whose
/// repetition as the article's headline is left out.
pub(crate) fn article_text(doc: &Html, title: Option<&str>) -> String {
    let attempts = [
        Flags {
            strip_unlikely: true,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
        },
    ];
    let mut longest = String::new();
    for flags in attempts {
        let pass = Pass::new(doc, flags);
        let roots = pass.choose();
        let text = pass.render(&roots, title);
        if text.chars().count() >= 500 {
            return text;
        }
        if text.len() > longest.len() {
            longest = text;
        }
    }
    longest
}
