//! The page's tree, built by html5ever into scraper's `Html` under a guard that refuses the
//! page as soon as building it grows past a bound, rather than after.
//!
//! A count of the raw markup (`check_markup`) cannot bound what the tree builder makes of
//! it. 2,000 unclosed formatting elements with distinct attributes are copied into every
//! following paragraph by the adoption agency (a 25 KB page became 2 million elements).
//! Close tags that close nothing hide a deep nesting from `markup_depth` while the stack of
//! open elements, which every scope check walks, grows by one a tag. And a stack well
//! within `MAX_NESTING` costs its depth on every tag after it: 2,000 unclosed `<b>` before
//! 20,000 paragraphs take html5ever 0.4 s to build.
//!
//! So the guard sits between the tokenizer and the tree builder. After each token it reads
//! how many elements the sink has created, and bounds how many handles the tree builder
//! holds (its open elements and active formatting elements, counted through
//! `trace_handles`) by their last count plus the elements created since: only new elements
//! add to them. Those bounds summed over the tokens bound the tree builder's work, since
//! each token's scope checks walk at most the handles it holds. Once a bound is past, the
//! guard drops the rest of the page's tokens and the page is refused.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashSet;

use ego_tree::NodeId;
use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, Tracer, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, QualName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};

use super::{thousands, too_deep, too_many_elements, MAX_ELEMENTS, MAX_NESTING};
use crate::paragraph::{Limits, Refusal};

/// The most handles the tree builder may hold (open elements, active formatting elements,
/// the document, head and form): `MAX_NESTING`, and a few for what the parser adds itself
/// (the document, `html`, `head`, `body`, a `tbody`), so that a page `markup_depth` lets
/// through is not refused here for them. Real pages hold at most 58 (the 4,794 pages of the
/// shared boilerplate sets).
pub const MAX_OPEN: usize = MAX_NESTING + 16;
/// `MAX_NESTING_WORK`: the most open handles summed over the page's tokens, which bounds
/// the scope checks that walk them (html5ever walks some 200 million a second: 20 million
/// are 0.1 to 0.3 s, 50 million 0.5 to 0.9 s at worst). Real pages reach about a million: over the 4,794 pages of the shared
/// boilerplate sets at most 1,005,241 as the guard bounds it (959,491 counted after every
/// token), at 82,538 tokens; a nesting of 5,000 elements (which winnow has always read)
/// reaches 25 million.
pub const MAX_NESTING_WORK: u64 = 50_000_000;
/// Tokens after which the open handles are counted again even if none was created (they
/// may have shrunk).
const RECOUNT_TOKENS: usize = 64;
/// The open handles are counted again once the elements created since the last count are
/// more than this fraction (1/16) of it: a count costs what it counts, so counting after every new
/// element would double the cost of a deep stack, while between counts the bound is the
/// last count plus the elements created since.
const RECOUNT_SHARE: usize = 16;
/// Tokens between two looks at the clock.
const TIME_CHECK_TOKENS: usize = 1024;
/// The markup is fed to the tokenizer in pieces of about this many bytes, so that a refused
/// page is not tokenized to its end.
const CHUNK_BYTES: usize = 1 << 16;

/// What the guard allows the tree builder (the tests try smaller ones).
#[derive(Clone, Copy)]
struct Bounds {
    open: usize,
    work: u64,
    chunk_bytes: usize,
}

const BOUNDS: Bounds = Bounds {
    open: MAX_OPEN,
    work: MAX_NESTING_WORK,
    chunk_bytes: CHUNK_BYTES,
};

/// The tree of `html`, or the refusal its building ran into.
pub fn parse(html: &str, limits: &Limits) -> Result<Html, Refusal> {
    parse_within(html, limits, BOUNDS)
}

fn parse_within(html: &str, limits: &Limits, bounds: Bounds) -> Result<Html, Refusal> {
    // lexbor, which the Python reads pages with, parses with scripting off: `<noscript>`
    // holds markup, not text.
    let opts = TreeBuilderOpts {
        scripting_enabled: false,
        ..TreeBuilderOpts::default()
    };
    let sink = CountingSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        elements: Cell::new(0),
        integration_points: RefCell::new(HashSet::new()),
    };
    let guard = Guard {
        builder: TreeBuilder::new(sink, opts),
        limits,
        bounds,
        tokens: Cell::new(0),
        counted: Cell::new(Counted::default()),
        work: Cell::new(0),
        refusal: RefCell::new(None),
    };
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let queue = BufferQueue::default();
    for chunk in chunks(html, bounds.chunk_bytes) {
        queue.push_back(StrTendril::from_slice(chunk));
        while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
        if let Some(refusal) = tokenizer.sink.refusal.take() {
            return Err(refusal);
        }
    }
    tokenizer.end();
    if let Some(refusal) = tokenizer.sink.refusal.take() {
        return Err(refusal);
    }
    Ok(tokenizer.sink.builder.sink.inner.finish())
}

/// `text` in pieces of about `size` bytes, each cut at a character boundary.
fn chunks(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = size.max(1).min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// `MarkupTooDeep` for a page whose nesting costs more than its depth shows.
fn too_deep_for_length() -> Refusal {
    Refusal::TooDeep(format!(
        "markup nested too deep for its length: over {} tag-levels",
        thousands(MAX_NESTING_WORK as usize)
    ))
}

/// Between the tokenizer and the tree builder: passes tokens on until a bound is past, then
/// drops them and keeps the refusal.
struct Guard<'l> {
    builder: TreeBuilder<NodeId, CountingSink>,
    limits: &'l Limits,
    bounds: Bounds,
    tokens: Cell<usize>,
    counted: Cell<Counted>,
    /// The open handles summed over the tokens so far.
    work: Cell<u64>,
    refusal: RefCell<Option<Refusal>>,
}

/// The last count of the tree builder's handles, and when it was made.
#[derive(Clone, Copy, Default)]
struct Counted {
    open: usize,
    elements: usize,
    token: usize,
}

impl Guard<'_> {
    /// The refusal the tree built so far calls for, if any.
    fn check(&self) -> Option<Refusal> {
        let tokens = self.tokens.get() + 1;
        self.tokens.set(tokens);
        let elements = self.builder.sink.elements.get();
        if elements > MAX_ELEMENTS {
            return Some(too_many_elements(elements));
        }
        let mut counted = self.counted.get();
        let created = elements - counted.elements;
        if created > counted.open / RECOUNT_SHARE || tokens - counted.token >= RECOUNT_TOKENS {
            counted = Counted {
                open: self.open_elements(),
                elements,
                token: tokens,
            };
            self.counted.set(counted);
        }
        // Only new elements add to the open ones: the last count and those made since bound
        // them.
        let open = counted.open + (elements - counted.elements);
        if open > self.bounds.open {
            return Some(too_deep());
        }
        let work = self.work.get() + open as u64;
        self.work.set(work);
        if work > self.bounds.work {
            return Some(too_deep_for_length());
        }
        if tokens.is_multiple_of(TIME_CHECK_TOKENS) {
            return self.limits.check_time("segmenting the page").err();
        }
        None
    }

    /// The handles the tree builder holds: its open elements, its active formatting
    /// elements, and the document, head and form pointers.
    fn open_elements(&self) -> usize {
        let count = Count(Cell::new(0));
        self.builder.trace_handles(&count);
        count.0.get()
    }

    fn refused(&self) -> bool {
        self.refusal.borrow().is_some()
    }
}

impl TokenSink for Guard<'_> {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        if self.refused() {
            return TokenSinkResult::Continue;
        }
        let result = self.builder.process_token(token, line_number);
        if let Some(refusal) = self.check() {
            *self.refusal.borrow_mut() = Some(refusal);
            return TokenSinkResult::Continue;
        }
        result
    }

    fn end(&self) {
        if !self.refused() {
            self.builder.end();
        }
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Counts the handles `trace_handles` shows it.
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = NodeId;

    fn trace_handle(&self, _node: &NodeId) {
        self.0.set(self.0.get() + 1);
    }
}

/// scraper's sink, counting the elements it creates, and keeping the MathML
/// `annotation-xml` elements that are HTML integration points (scraper drops the flag, so
/// `<math><annotation-xml encoding="text/html"><p>` would break out of the math, where the
/// spec and lexbor keep the `<p>` inside).
struct CountingSink {
    inner: HtmlTreeSink,
    elements: Cell<usize>,
    integration_points: RefCell<HashSet<NodeId>>,
}

impl TreeSink for CountingSink {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.elements.set(self.elements.get() + 1);
        let point = flags.mathml_annotation_xml_integration_point;
        let node = self.inner.create_element(name, attrs, flags);
        if point {
            self.integration_points.borrow_mut().insert(node);
        }
        node
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.inner.associate_with_form(target, form, nodes);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.integration_points.borrow().contains(handle)
    }

    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number);
    }

    fn allow_declarative_shadow_roots(&self, intended_parent: &NodeId) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }

    fn attach_declarative_shadow(
        &self,
        location: &NodeId,
        template: &NodeId,
        attrs: &[Attribute],
    ) -> bool {
        self.inner
            .attach_declarative_shadow(location, template, attrs)
    }

    fn maybe_clone_an_option_into_selectedcontent(&self, option: &NodeId) {
        self.inner
            .maybe_clone_an_option_into_selectedcontent(option);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRICKY: &str = "<!doctype html>\r\n<html><head><title>t&amp;t</title><noscript><div>x\
        </div></noscript></head><body>caf\u{e9} &eacute;&#x41;<b><p>misnested</b> text</p>\
        <table><tr><td>cell<div>foster</table><script>if (a < b) {}</script>\r\n<svg><foo/>\
        </svg><p>\u{1F600} end &notin";

    #[test]
    fn pieces_parse_as_the_whole() {
        let limits = Limits::default();
        let whole = parse_within(
            TRICKY,
            &limits,
            Bounds {
                chunk_bytes: usize::MAX,
                ..BOUNDS
            },
        );
        let whole = whole.expect("parses");
        for chunk_bytes in [1, 2, 3, 7, 64] {
            let pieces = parse_within(
                TRICKY,
                &limits,
                Bounds {
                    chunk_bytes,
                    ..BOUNDS
                },
            );
            let pieces = pieces.expect("parses");
            assert_eq!(
                format!("{:?}", pieces.tree),
                format!("{:?}", whole.tree),
                "{chunk_bytes}"
            );
        }
    }

    fn refusal(html: &str, open: usize, work: u64) -> Option<Refusal> {
        let bounds = Bounds {
            open,
            work,
            ..BOUNDS
        };
        parse_within(html, &Limits::default(), bounds).err()
    }

    #[test]
    fn nesting_hidden_by_stray_close_tags_is_refused() {
        // Each </x> closes nothing, so the raw count never gets deep; the tree does.
        let html = "<div></x>".repeat(3_000);
        assert!(super::super::markup_depth(&html, MAX_NESTING) <= 1);
        assert_eq!(refusal(&html, 1_000, u64::MAX), Some(too_deep()));
        assert_eq!(refusal(&html, 3_100, u64::MAX), None);
    }

    #[test]
    fn a_deep_stack_under_many_tags_is_refused() {
        // 500 unclosed <b> stay open under each of 5,000 paragraphs.
        let html = format!("{}{}", "<b>".repeat(500), "<p>x</p>".repeat(5_000));
        assert_eq!(
            refusal(&html, 1_000, 1_000_000),
            Some(too_deep_for_length())
        );
        assert_eq!(refusal(&html, 1_000, 10_000_000), None);
        let message = too_deep_for_length().to_string();
        assert_eq!(
            message,
            "markup nested too deep for its length: over 50,000,000 tag-levels"
        );
    }

    #[test]
    fn real_pages_stay_far_below_the_bounds() {
        let page = "<html><body><div><ul><li><a>x</a></li></ul><p>text <b>bold</b></p></div>";
        assert_eq!(refusal(&page.repeat(1_000), 60, 60 * 20_000), None);
    }

    #[test]
    fn html_inside_an_annotation_xml_integration_point_stays_there() {
        let html = "<math><annotation-xml encoding='text/html'><p>a</p></annotation-xml></math>";
        let tree = parse(html, &Limits::default()).expect("parses");
        let p = tree
            .tree
            .nodes()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "p"));
        let parent = p
            .and_then(|p| p.parent())
            .and_then(|n| n.value().as_element().map(|e| e.name().to_owned()));
        assert_eq!(parent.as_deref(), Some("annotation-xml"));
    }

    #[test]
    fn chunks_cut_at_character_boundaries() {
        let text = "a\u{e9}\u{1F600}b";
        let pieces: Vec<&str> = chunks(text, 2).collect();
        assert_eq!(pieces.concat(), text);
        assert!(pieces.len() > 1);
    }
}
