//! Turning a part of a parsed page into plain text: one paragraph per line.
//!
//! Block elements (p, div, li, h1…h6, td…) end the current line, `<br>` starts a
//! new one, inline elements (a, span, em…) run on. Whitespace is collapsed as a
//! browser would, except line breaks inside `<pre>`. Every walk here is iterative,
//! so a page nested 100,000 levels deep cannot overflow the stack.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::Node;

/// Elements that start and end a line of text.
pub(crate) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Elements whose content is never text a reader sees.
pub(crate) fn is_never_text(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "img"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "input"
    )
}

/// Builds text line by line, collapsing whitespace.
#[derive(Default)]
pub(crate) struct LineWriter {
    out: String,
    line_has_text: bool,
    pending_space: bool,
}

impl LineWriter {
    pub(crate) fn text(&mut self, s: &str, pre: bool) {
        for c in s.chars() {
            if pre && c == '\n' {
                self.newline();
            } else if c.is_whitespace() {
                self.pending_space = self.line_has_text;
            } else if (c.is_control() && c != '\t')
                || matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
            {
                // NUL and other control characters are not article text; soft hyphens and
                // zero-width spaces would split words ("of\u{AD}ficials") for the core.
                continue;
            } else {
                if self.pending_space {
                    self.out.push(' ');
                    self.pending_space = false;
                }
                self.out.push(c);
                self.line_has_text = true;
            }
        }
    }

    pub(crate) fn newline(&mut self) {
        if self.line_has_text {
            self.out.push('\n');
            self.line_has_text = false;
        }
        self.pending_space = false;
    }

    pub(crate) fn finish(mut self) -> String {
        while self.out.ends_with('\n') {
            self.out.pop();
        }
        self.out
    }
}

/// Writes the text of `root` (and its descendants) to `w`, leaving out every
/// element for which `skip` returns true (with all it contains).
pub(crate) fn render_into(
    w: &mut LineWriter,
    root: NodeRef<'_, Node>,
    skip: &dyn Fn(NodeId, &scraper::node::Element) -> bool,
) {
    let mut skipping: Option<NodeId> = None;
    let mut pre_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let tag = el.name();
                        if is_never_text(tag) || skip(node.id(), el) {
                            skipping = Some(node.id());
                            continue;
                        }
                        if tag == "br" || is_block(tag) {
                            w.newline();
                        }
                        if tag == "pre" {
                            pre_depth += 1;
                        }
                    }
                    Node::Text(t) => w.text(t, pre_depth > 0),
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
                if let Node::Element(el) = node.value() {
                    let tag = el.name();
                    if is_block(tag) {
                        w.newline();
                    }
                    if tag == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    w.newline();
}
