//! HTML pages as paragraphs that keep the context they stood in (`features/segment.py`'s
//! `segment_html`).
//!
//! The tree is walked once, iteratively (deep nesting cannot overflow the stack): every
//! block element starts a new paragraph, inline text accumulates into the current one, and
//! each paragraph records its tag, the tag path and class/id tokens above it, its link
//! density and its place in the page's block structure (`structure`).
//!
//! A page's cost is bounded whatever it holds: too many elements or too deep a nesting is
//! refused before parsing as the Python refuses it (`check_markup`), and again while the
//! tree is built (`parse`), which also catches what a count of the raw markup misses (the
//! formatting elements the adoption agency copies, close tags that close nothing); too
//! much text or too many paragraphs is refused while segmenting (`text::Budget`).

mod parse;

pub use parse::{MAX_NESTING_WORK, MAX_OPEN};

use std::collections::HashSet;
use std::rc::Rc;
use std::sync::OnceLock;

use ego_tree::NodeRef;
use regex::Regex;
use scraper::{Html, Node};

use crate::paragraph::{Limits, Paragraph, Refusal};
use crate::structure::{structure_features, Block, Owned};
pub(crate) use crate::text::thousands;
use crate::text::{cut_long, visible_chars, Budget, MAX_PARAGRAPH_CHARS};
use crate::vocabulary::is_py_space;

/// `COPY_MIN_CHARS`: a paragraph this long whose text is already on the page is marked as
/// a copy (a hidden or repeated second rendering of the article, or a pull quote).
pub const COPY_MIN_CHARS: usize = 40;
/// `MAX_PATH_TAGS`: the tags of a paragraph's `path`, innermost kept.
pub const MAX_PATH_TAGS: usize = 12;
/// `MAX_ATTR_TOKENS`: the class/id tokens of a paragraph's `attrs`, innermost kept.
pub const MAX_ATTR_TOKENS: usize = 48;
/// `MAX_BLOCK_DEPTH`: blocks nested deeper than this collect into the one above.
pub const MAX_BLOCK_DEPTH: u32 = 256;
/// `MAX_ELEMENTS`: a page of more elements is refused (real pages reach 15,793).
pub const MAX_ELEMENTS: usize = 100_000;
/// `MAX_NESTING`: markup nested deeper is refused, since tree building is quadratic in depth
/// (html5ever takes 0.45 s for 10,000 nested `<div>`, 1.3 s for 20,000). Over the 4,794
/// pages of the shared boilerplate sets `markup_depth` reaches 1,534 (it overestimates
/// where tags are left open), while html5ever holds at most 58 elements open; the guard in
/// `parse` bounds what the raw count cannot see.
pub const MAX_NESTING: usize = 10_000;
/// How many nodes the walk reads between two looks at the clock.
const TIME_CHECK_NODES: usize = 1024;
/// What the walk knows of a node's text beyond its block: inside a link, a schema.org
/// metadata value, an element hidden by style or class.
const IN_LINK: u8 = 1;
const IN_MICRODATA: u8 = 2;
const IN_HIDDEN: u8 = 4;

/// `BLOCK_TAGS`: elements that open a paragraph of their own (for Python's metadata reader;
/// the walk asks `is_block`, which a test holds to this list).
pub const BLOCK_TAGS: [&str; 50] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "noframes",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
    "option",
];

/// Whether `tag` is one of `BLOCK_TAGS`, as a match the compiler turns into a jump.
#[rustfmt::skip]
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address" | "article" | "aside" | "blockquote" | "body" | "center" | "dd" | "details"
            | "dialog" | "dir" | "div" | "dl" | "dt" | "fieldset" | "figcaption" | "figure"
            | "footer" | "form" | "frameset" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            | "header" | "hgroup" | "hr" | "html" | "legend" | "li" | "main" | "menu" | "nav"
            | "noframes" | "ol" | "p" | "pre" | "section" | "summary" | "table" | "tbody"
            | "td" | "tfoot" | "th" | "thead" | "tr" | "ul" | "caption" | "option"
    )
}

/// `SKIP_TAGS`: elements that hold no reader's text.
#[rustfmt::skip]
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "head" | "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe"
            | "object" | "embed" | "canvas" | "select" | "textarea" | "input" | "button"
            | "video" | "audio" | "map" | "title" | "meta" | "link" | "base"
    )
}

/// `BREAK_TAGS`: elements that end the paragraph before them.
fn is_break(tag: &str) -> bool {
    matches!(tag, "br" | "hr" | "img")
}

/// `HIDDEN_CLASSES`: class names that CSS frameworks and screen-reader conventions hide.
#[rustfmt::skip]
fn is_hiding_class(class: &str) -> bool {
    matches!(
        class,
        "hidden" | "hide" | "d-none" | "is-hidden" | "u-hidden" | "display-none" | "invisible"
            | "sr-only" | "sr-only-focusable" | "visually-hidden" | "visuallyhidden"
            | "screen-reader-text" | "screen-reader-only" | "screenreader-only" | "offscreen"
            | "element-invisible"
    )
}

/// `MICRODATA_PROPS`: schema.org properties whose values are metadata about the story.
#[rustfmt::skip]
fn is_microdata_prop(prop: &str) -> bool {
    matches!(
        prop,
        "datepublished" | "datemodified" | "datecreated" | "dateline" | "publisher" | "author"
            | "creator" | "image" | "thumbnailurl" | "logo" | "url" | "keywords" | "wordcount"
            | "inlanguage" | "copyrightholder" | "copyrightyear" | "sourceorganization"
            | "provider" | "contributor" | "editor"
    )
}

/// `_HIDDEN_STYLE`, with Python's `\s` (which holds U+001C..U+001F).
fn hidden_style() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)display[\s\x1c-\x1f]*:[\s\x1c-\x1f]*none|visibility[\s\x1c-\x1f]*:[\s\x1c-\x1f]*hidden",
        )
        .expect("the hidden-style pattern compiles")
    })
}

/// `_TAG`: a start or end tag, for `markup_depth`.
fn tag_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>").expect("the tag pattern compiles")
    })
}

/// `_VOID_TAGS`: elements that never nest.
fn is_void(tag: &str) -> bool {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    VOID.iter().any(|v| v.eq_ignore_ascii_case(tag))
}

/// `segment_html`: the paragraphs of an HTML document, in reading order, with their markup
/// context and their place in the page's blocks.
///
/// What no browser shows is not text: elements marked `hidden` or `aria-hidden`. What a
/// stylesheet or script may keep from view (an inline `display:none`, a hiding class) is
/// kept and marked, with schema.org metadata values and copies of earlier paragraphs.
///
/// Refused (`Err`) for markup over `MAX_ELEMENTS` elements or `MAX_NESTING` levels deep,
/// over `MAX_PAGE_CHARS` characters of text, over `limits.max_paragraphs` paragraphs, or
/// past `limits`' deadline.
pub fn segment_html(html: &str, limits: &Limits) -> Result<Vec<Paragraph>, Refusal> {
    check_markup(html)?;
    let document = parse::parse(html, limits)?;
    let Some(root) = document_element(&document) else {
        return Ok(Vec::new());
    };
    let mut page = PageText::new(Budget::new(*limits));
    walk(root, &mut page, limits)?;
    page.budget.check()?;
    Ok(page.with_structure())
}

/// The `<html>` element (lexbor's `root`): the walk starts there, as the Python's does.
fn document_element(document: &Html) -> Option<NodeRef<'_, Node>> {
    document
        .tree
        .root()
        .children()
        .find(|n| n.value().is_element())
}

/// `_check_markup`: refuse markup over `MAX_ELEMENTS` elements or `MAX_NESTING` levels deep,
/// counted from the raw text only when it holds enough `<` to be either.
pub fn check_markup(html: &str) -> Result<(), Refusal> {
    let tags = html.bytes().filter(|&b| b == b'<').count();
    if tags > MAX_ELEMENTS {
        let elements = html
            .as_bytes()
            .windows(2)
            .filter(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
            .count();
        if elements > MAX_ELEMENTS {
            return Err(too_many_elements(elements));
        }
    }
    if tags > MAX_NESTING && markup_depth(html, MAX_NESTING) > MAX_NESTING {
        return Err(too_deep());
    }
    Ok(())
}

/// `PageTooLarge` for a page of `elements` elements.
fn too_many_elements(elements: usize) -> Refusal {
    Refusal::TooLarge(format!(
        "markup of {} elements, over {}",
        thousands(elements),
        thousands(MAX_ELEMENTS)
    ))
}

/// `MarkupTooDeep`.
fn too_deep() -> Refusal {
    Refusal::TooDeep(format!(
        "markup nested over {} levels deep",
        thousands(MAX_NESTING)
    ))
}

/// `markup_depth`: how deep the tags nest, counted from the raw markup in one linear scan
/// (void and self-closed tags do not nest; an unmatched close tag never goes below zero),
/// counting no further once past `stop`. An overestimate where tags are left open.
pub fn markup_depth(html: &str, stop: usize) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for caps in tag_pattern().captures_iter(html) {
        let closing = caps.get(1).is_some_and(|m| !m.is_empty());
        let self_closed = caps.get(3).is_some_and(|m| !m.is_empty());
        let name = caps.get(2).map_or("", |m| m.as_str());
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closed && !is_void(name) {
            depth += 1;
            if depth > deepest {
                deepest = depth;
                if deepest > stop {
                    break;
                }
            }
        }
    }
    deepest
}

/// One step of the walk: read a node with the flags of its ancestors, or leave the block
/// the innermost open one is.
enum Step<'a> {
    Enter(NodeRef<'a, Node>, u8),
    Exit,
}

/// `_walk`: read the tree into `page` depth first, iteratively: what no reader sees is
/// passed over, a break ends the paragraph, a block element opens a block of its own, text
/// joins the paragraph being collected. Looks at the clock every `TIME_CHECK_NODES` nodes.
fn walk<'a>(
    root: NodeRef<'a, Node>,
    page: &mut PageText<'a>,
    limits: &Limits,
) -> Result<(), Refusal> {
    let mut stack = vec![Step::Enter(root, 0)];
    let mut nodes = 0usize;
    while let Some(step) = stack.pop() {
        let (node, flags) = match step {
            Step::Exit => {
                page.close_block()?;
                continue;
            }
            Step::Enter(node, flags) => (node, flags),
        };
        nodes += 1;
        if nodes.is_multiple_of(TIME_CHECK_NODES) {
            limits.check_time("segmenting the page")?;
        }
        let element = match node.value() {
            Node::Text(text) => {
                page.add_text(&text.text, flags);
                continue;
            }
            Node::Element(element) => element,
            _ => continue, // comments, the doctype
        };
        let tag = element.name();
        if is_skipped(tag) {
            continue;
        }
        let attrs = Attributes::of(element);
        if attrs.hidden || attrs.aria_hidden == Some("true") {
            continue;
        }
        if is_break(tag) {
            page.flush()?;
            continue;
        }
        if is_block(tag) && page.depth() < MAX_BLOCK_DEPTH {
            page.open_block(tag, &attrs)?;
            stack.push(Step::Exit);
        }
        if tag == "a" {
            page.add_text(" ", 0); // adjacent links are separate words, as a reader sees them
        }
        let flags = child_flags(tag, &attrs, flags);
        stack.extend(node.children().rev().map(|child| Step::Enter(child, flags)));
    }
    page.flush()
}

/// The attributes the walk reads, found in one pass over an element's attributes.
#[derive(Default)]
struct Attributes<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    style: Option<&'a str>,
    itemprop: Option<&'a str>,
    aria_hidden: Option<&'a str>,
    hidden: bool,
}

impl<'a> Attributes<'a> {
    fn of(element: &'a scraper::node::Element) -> Self {
        let mut attrs = Attributes::default();
        for (name, value) in element.attrs() {
            match name {
                "class" => attrs.class = Some(value),
                "id" => attrs.id = Some(value),
                "style" => attrs.style = Some(value),
                "itemprop" => attrs.itemprop = Some(value),
                "aria-hidden" => attrs.aria_hidden = Some(value),
                "hidden" => attrs.hidden = true,
                _ => {}
            }
        }
        attrs
    }
}

/// `_child_flags`: the flags an element's children are read with.
fn child_flags(tag: &str, attrs: &Attributes, mut flags: u8) -> u8 {
    if tag == "a" {
        flags |= IN_LINK;
    }
    if let Some(prop) = attrs.itemprop.filter(|p| !p.is_empty()) {
        if py_words(&prop.to_lowercase()).any(is_microdata_prop) {
            flags |= IN_MICRODATA;
        }
    }
    if styled_hidden(attrs) {
        flags |= IN_HIDDEN;
    }
    flags
}

/// `_styled_hidden`: whether an element's inline style or a hiding class keeps it from
/// view until a script says otherwise.
fn styled_hidden(attrs: &Attributes) -> bool {
    if attrs
        .style
        .is_some_and(|s| !s.is_empty() && hidden_style().is_match(s))
    {
        return true;
    }
    attrs
        .class
        .is_some_and(|c| py_words(&c.to_lowercase()).any(is_hiding_class))
}

/// `text.split()`: the words between runs of Python's white space.
fn py_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_py_space).filter(|w| !w.is_empty())
}

/// `attr_tokens`: word tokens of a class or id value (`storyBody__promo-2` -> story, body,
/// promo): camel case split, lower-cased, runs of `a`-`z`.
pub fn attr_tokens(value: &str) -> Vec<String> {
    let mut split = String::with_capacity(value.len() + 8);
    let mut previous = '\0';
    for c in value.chars() {
        if previous.is_ascii_lowercase() && c.is_ascii_uppercase() {
            split.push(' ');
        }
        split.push(c);
        previous = c;
    }
    split
        .to_lowercase()
        .split(|c: char| !c.is_ascii_lowercase())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Python's `round(x, 4)`: the decimal nearest `x` at four places (ties to even, on the
/// exact binary value), read back as a float. `x * 10^4` rounded is those four places
/// unless it lies near a half, where its own rounding error could decide; there the exact
/// decimal expansion decides, as Rust's formatting rounds it (ties to even).
fn round4(x: f64) -> f64 {
    let scaled = x * 10_000.0;
    if scaled.is_finite() && ((scaled - scaled.trunc()).abs() - 0.5).abs() > 1e-6 {
        return scaled.round() / 10_000.0;
    }
    format!("{x:.4}").parse().unwrap_or(x)
}

/// `_Block`: the block element a paragraph's text is collected under: its tag, the tag path
/// and class/id tokens above it, and its `structure::Block` (`node`, an index in the page's
/// blocks).
struct Context<'a> {
    tag: &'a str,
    path: Vec<&'a str>,
    attrs: Vec<Rc<str>>,
    own: Vec<Rc<str>>,
    block_attrs: String,
    depth: u32,
    node: usize,
}

impl<'a> Context<'a> {
    /// The page itself, above every element.
    fn top() -> Self {
        Context {
            tag: "",
            path: Vec::new(),
            attrs: Vec::new(),
            own: Vec::new(),
            block_attrs: String::new(),
            depth: 0,
            node: 0,
        }
    }

    /// `_Block.child`: the context a `tag` element with `own` tokens opens inside this one,
    /// its block being `node`.
    fn child(&self, tag: &'a str, own: Vec<Rc<str>>, node: usize) -> Self {
        let mut path = Vec::with_capacity(MAX_PATH_TAGS);
        let skip = (self.path.len() + 1).saturating_sub(MAX_PATH_TAGS);
        path.extend(self.path.iter().copied().chain([tag]).skip(skip));
        let new = own.iter().filter(|t| !self.attrs.contains(t));
        let joined: Vec<Rc<str>> = self.attrs.iter().chain(new).cloned().collect();
        let attrs = joined[joined.len().saturating_sub(MAX_ATTR_TOKENS)..].to_vec();
        let mut block_attrs = own.iter().map(|t| &**t).collect::<Vec<_>>().join(" ");
        for t in &self.own {
            if !block_attrs.is_empty() {
                block_attrs.push(' ');
            }
            block_attrs.push_str("parent_");
            block_attrs.push_str(t);
        }
        Context {
            tag,
            path,
            attrs,
            own,
            block_attrs,
            depth: self.depth + 1,
            node,
        }
    }
}

/// `_PageText`: what the walk has read of one page: the text being collected under the
/// innermost open block, with how much of it is in links, metadata values and hidden
/// elements, and the paragraphs emitted so far, with the block each came from and its marks.
struct PageText<'a> {
    budget: Budget,
    /// The open blocks, the page's own first: the walk opens and closes them in stack order.
    contexts: Vec<Context<'a>>,
    /// Every block entered while the page was within its paragraphs (`all_blocks`).
    blocks: Vec<Block>,
    paragraphs: Vec<Paragraph>,
    owners: Vec<usize>,
    marks: Vec<(f64, f64, f64)>,
    seen: HashSet<String>,
    text: String,
    link_chars: usize,
    meta_chars: usize,
    hidden_chars: usize,
}

impl<'a> PageText<'a> {
    fn new(budget: Budget) -> Self {
        PageText {
            budget,
            contexts: vec![Context::top()],
            blocks: vec![Block::top()],
            paragraphs: Vec::new(),
            owners: Vec::new(),
            marks: Vec::new(),
            seen: HashSet::new(),
            text: String::new(),
            link_chars: 0,
            meta_chars: 0,
            hidden_chars: 0,
        }
    }

    fn block(&self) -> &Context<'a> {
        self.contexts
            .last()
            .expect("the page's own context is never closed")
    }

    /// The depth of the innermost open block.
    fn depth(&self) -> u32 {
        self.block().depth
    }

    fn add_text(&mut self, value: &str, flags: u8) {
        if value.is_empty() {
            return;
        }
        self.text.push_str(value);
        if flags != 0 {
            let chars = visible_chars(value);
            if flags & IN_LINK != 0 {
                self.link_chars += chars;
            }
            if flags & IN_MICRODATA != 0 {
                self.meta_chars += chars;
            }
            if flags & IN_HIDDEN != 0 {
                self.hidden_chars += chars;
            }
        }
    }

    /// End the paragraph before a `tag` block and collect text under it.
    fn open_block(&mut self, tag: &'a str, attrs: &Attributes) -> Result<(), Refusal> {
        self.flush()?;
        let classes = attrs.class.unwrap_or("");
        let own: Vec<Rc<str>> = attr_tokens(&format!("{classes} {}", attrs.id.unwrap_or("")))
            .into_iter()
            .map(Rc::from)
            .collect();
        let parent = self.block().node;
        // Past the paragraph limit the page is refused: its blocks are no longer kept.
        let node = if self.budget.over() {
            parent
        } else {
            let block = Block::new(Some((parent, &self.blocks[parent])), tag, classes, &own);
            self.blocks.push(block);
            self.blocks.len() - 1
        };
        let child = self.block().child(tag, own, node);
        self.contexts.push(child);
        Ok(())
    }

    /// End the innermost block's last paragraph and collect text under the one around it.
    fn close_block(&mut self) -> Result<(), Refusal> {
        self.flush()?;
        if self.contexts.len() > 1 {
            self.contexts.pop();
        }
        Ok(())
    }

    /// Emit the text collected so far as paragraphs (more than one when it is long).
    fn flush(&mut self) -> Result<(), Refusal> {
        if !self.text.is_empty() {
            let whole = self.budget.clean(&self.text)?;
            let visible = visible_chars(&whole).max(1);
            if !whole.is_empty() {
                for text in cut_long(&whole, MAX_PARAGRAPH_CHARS) {
                    if self.budget.take() {
                        self.emit(text, visible);
                    }
                }
            }
        }
        self.text.clear();
        self.link_chars = 0;
        self.meta_chars = 0;
        self.hidden_chars = 0;
        Ok(())
    }

    fn emit(&mut self, text: String, visible: usize) {
        let long = text.chars().nth(COPY_MIN_CHARS - 1).is_some();
        let copy = long && !self.seen.insert(text.clone());
        let share = |chars: usize| round4((chars as f64 / visible as f64).min(1.0));
        let block = self.block();
        let paragraph = Paragraph {
            tag: block.tag.to_owned(),
            path: block.path.join(" "),
            attrs: block
                .attrs
                .iter()
                .map(|t| &**t)
                .collect::<Vec<_>>()
                .join(" "),
            block_attrs: block.block_attrs.clone(),
            link_density: share(self.link_chars),
            depth: block.depth,
            text,
            ..Paragraph::default()
        };
        self.owners.push(block.node);
        self.marks.push((
            share(self.meta_chars),
            share(self.hidden_chars),
            f64::from(u8::from(copy)),
        ));
        self.paragraphs.push(paragraph);
    }

    /// The paragraphs, each given its place in the page's blocks.
    fn with_structure(mut self) -> Vec<Paragraph> {
        let owned: Vec<Owned> = self
            .paragraphs
            .iter()
            .zip(&self.owners)
            .zip(&self.marks)
            .map(|((p, &block), &marks)| Owned {
                text: &p.text,
                link_density: p.link_density,
                marks,
                block,
            })
            .collect();
        let rows = structure_features(&owned, &mut self.blocks);
        drop(owned);
        for (p, row) in self.paragraphs.iter_mut().zip(rows) {
            p.structure = row;
        }
        self.paragraphs
    }
}

#[cfg(test)]
mod block_tag_tests {
    use super::*;

    #[test]
    fn the_block_list_is_what_the_walk_treats_as_blocks() {
        assert!(BLOCK_TAGS.iter().all(|t| is_block(t)));
        assert!(["span", "a", "b", "img", "script", "em"]
            .iter()
            .all(|t| !is_block(t)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::STRUCTURE_WIDTH;
    use std::time::Instant;

    fn segment(html: &str) -> Vec<Paragraph> {
        segment_html(html, &Limits::default()).expect("a page within the bounds")
    }

    fn texts(paragraphs: &[Paragraph]) -> Vec<&str> {
        paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    const ARTICLE: &str = r#"<html><body><div class="storyBody main" id="top">
        <h1>Title</h1><p>Hello <a href="/x">world</a>, this is a test.</p>
        <ul class="nav"><li><a>Home</a></li><li><a>News</a></li></ul>
        </div></body></html>"#;

    #[test]
    fn blocks_become_paragraphs_with_their_context() {
        let paragraphs = segment(ARTICLE);
        assert_eq!(
            texts(&paragraphs),
            ["Title", "Hello world, this is a test.", "Home", "News"]
        );
        let p = &paragraphs[1];
        assert_eq!((p.tag.as_str(), p.path.as_str()), ("p", "html body div p"));
        assert_eq!(p.attrs, "story body main top");
        assert_eq!(
            p.block_attrs,
            "parent_story parent_body parent_main parent_top"
        );
        assert_eq!(p.depth, 4);
        assert_eq!(p.link_density, round4(5.0 / 23.0));
        let home = &paragraphs[2];
        assert_eq!(
            (home.path.as_str(), home.block_attrs.as_str()),
            ("html body div ul li", "parent_nav")
        );
        assert_eq!(home.link_density, 1.0);
        assert!(paragraphs
            .iter()
            .all(|p| p.structure.len() == STRUCTURE_WIDTH && p.line == 0));
    }

    #[test]
    fn what_no_reader_sees_is_passed_over() {
        let html = "<body><p>one</p><p hidden>two</p><div aria-hidden=true>three</div>\
                    <div aria-hidden=false>four</div><script>five</script><style>six</style>\
                    <noscript>seven</noscript><select><option>eight</option></select>\
                    <!-- nine --><p>ten<br>eleven<img src=x>twelve</p></body>";
        assert_eq!(
            texts(&segment(html)),
            ["one", "four", "ten", "eleven", "twelve"]
        );
    }

    #[test]
    fn inline_text_joins_and_links_are_words() {
        let html = "<p>a<b>b</b>c<a>d</a><a>e</a>  f</p>";
        assert_eq!(texts(&segment(html)), ["abc d e f"]);
    }

    #[test]
    fn hidden_metadata_and_copies_are_marked() {
        let long = "A paragraph long enough to be counted as a copy of another one.";
        let html = format!(
            r#"<body><p>{long}</p><p style="display : NONE">{long}</p>
               <p class="Sr-Only">x</p><p><span itemprop="datePublished">2024-01-01</span></p></body>"#
        );
        let paragraphs = segment(&html);
        let column = |i: usize, name: &str| {
            let at = crate::structure::COLUMNS
                .iter()
                .position(|c| *c == name)
                .expect("a column");
            paragraphs[i].structure[at]
        };
        assert_eq!((column(0, "copy"), column(1, "copy")), (0.0, 1.0));
        assert_eq!(
            (
                column(0, "hidden"),
                column(1, "hidden"),
                column(2, "hidden")
            ),
            (0.0, 1.0, 1.0)
        );
        assert_eq!(column(3, "microdata"), 1.0);
        assert_eq!(column(0, "microdata"), 0.0);
    }

    #[test]
    fn class_and_id_values_split_into_words() {
        assert_eq!(
            attr_tokens("storyBody__promo-2"),
            ["story", "body", "promo"]
        );
        assert_eq!(attr_tokens("HTMLParser x9y"), ["htmlparser", "x", "y"]);
        assert!(attr_tokens("  12 -- ").is_empty());
        // Kelvin sign lower-cases to an ASCII k, as Python's lower() makes it.
        assert_eq!(attr_tokens("\u{212a}ey"), ["key"]);
    }

    #[test]
    fn shares_round_as_python_rounds() {
        assert_eq!(round4(1.0 / 32.0), 0.0312);
        assert_eq!(round4(11.0 / 32.0), 0.3438);
        assert_eq!(round4(2.0 / 3.0), 0.6667);
        assert_eq!((round4(0.0), round4(1.0)), (0.0, 1.0));
        // Every share of up to 400 characters, against the exact decimal rounding.
        for visible in 1..=400u32 {
            for chars in 0..=visible {
                let x = f64::from(chars) / f64::from(visible);
                let exact: f64 = format!("{x:.4}").parse().expect("a number");
                assert_eq!(round4(x).to_bits(), exact.to_bits(), "{chars}/{visible}");
            }
        }
    }

    #[test]
    fn markup_depth_counts_open_tags() {
        assert_eq!(
            markup_depth("<div><p>a<br/><img src=x><br></p></div>", 100),
            2
        );
        assert_eq!(markup_depth("</div></div><div>", 100), 1);
        assert_eq!(markup_depth("<a href='x/'><b/>", 100), 1);
        assert_eq!(markup_depth(&"<div>".repeat(50), 10), 11);
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let html = format!(
            "{}Deep.{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let start = Instant::now();
        let err = segment_html(&html, &Limits::default()).unwrap_err();
        assert_eq!(
            err,
            Refusal::TooDeep("markup nested over 10,000 levels deep".into())
        );
        assert!(start.elapsed().as_secs_f64() < 5.0);
    }

    #[test]
    fn copied_formatting_elements_are_refused_while_parsing() {
        // 2,000 distinct unclosed <b>: the adoption agency reopens all of them in every <p>.
        let opened: String = (0..2000).map(|i| format!("<b id={i}>")).collect();
        let html = format!("<p>{opened}{}", "<p>x".repeat(1000));
        assert!(
            html.matches('<').count() < MAX_ELEMENTS,
            "the raw count lets it through"
        );
        let err = segment_html(&html, &Limits::default()).unwrap_err();
        let Refusal::TooLarge(message) = err else {
            panic!("{err:?}")
        };
        assert!(
            message.starts_with("markup of 10") && message.ends_with(" elements, over 100,000")
        );
    }

    #[test]
    fn too_many_raw_tags_are_refused_with_their_number() {
        let html = "<i>".repeat(123_456);
        let err = segment_html(&html, &Limits::default()).unwrap_err();
        assert_eq!(
            err,
            Refusal::TooLarge("markup of 123,456 elements, over 100,000".into())
        );
    }

    #[test]
    fn empty_and_blank_pages_have_no_paragraphs() {
        for html in [
            "",
            "   \n\t ",
            "<html></html>",
            "<!doctype html><!-- x -->",
            "<p> &nbsp; </p>",
        ] {
            assert!(segment(html).is_empty(), "{html:?}");
        }
    }

    #[test]
    fn binary_junk_does_not_panic() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(64 * 1024).collect();
        let junk = String::from_utf8_lossy(&bytes);
        assert!(segment_html(&junk, &Limits::default()).is_ok());
        let nul = "<p>text\0with NUL bytes</p><svg><p>x</svg><table><tr><td>a</table></b></i>";
        assert!(!segment(nul).is_empty());
    }

    #[test]
    fn a_megabyte_paragraph_is_cut_into_pieces() {
        let words = "the council approved the new harbour wall ".repeat(25_000);
        let html = format!("<p>{words}</p>");
        let paragraphs = segment(&html);
        assert!(paragraphs.len() >= 10);
        assert!(paragraphs
            .iter()
            .all(|p| p.text.chars().count() <= MAX_PARAGRAPH_CHARS));
        assert!(paragraphs[..paragraphs.len() - 1]
            .iter()
            .all(|p| p.text.len() > 99_000));
    }

    #[test]
    fn too_many_paragraphs_are_counted_and_refused() {
        let html = "<p>x</p>".repeat(1_234);
        let limits = Limits {
            max_paragraphs: 1_000,
            ..Limits::default()
        };
        let err = segment_html(&html, &limits).unwrap_err();
        assert_eq!(
            err,
            Refusal::TooLarge("1,234 paragraphs, over 1,000".into())
        );
        assert_eq!(
            segment_html(
                &html,
                &Limits {
                    max_paragraphs: 1_234,
                    ..limits
                }
            )
            .map(|p| p.len()),
            Ok(1_234)
        );
    }

    #[test]
    fn a_page_past_its_deadline_is_refused() {
        let limits = Limits {
            deadline: Some(Instant::now()),
            seconds: 1.0,
            ..Limits::default()
        };
        std::thread::sleep(std::time::Duration::from_millis(2));
        let html = "<div><p>x</p></div>".repeat(2_000);
        let err = segment_html(&html, &limits).unwrap_err();
        assert_eq!(
            err,
            Refusal::OutOfTime("segmenting the page took over 1 s".into())
        );
    }

    #[test]
    fn blocks_deeper_than_the_limit_collect_into_the_last() {
        let html = format!("{}x", "<div>".repeat(300));
        let paragraphs = segment(&html);
        assert_eq!(paragraphs.len(), 1);
        assert_eq!(paragraphs[0].depth, MAX_BLOCK_DEPTH);
        assert_eq!(paragraphs[0].path.split(' ').count(), MAX_PATH_TAGS);
    }
}
