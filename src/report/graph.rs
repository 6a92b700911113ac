//! The attribution graph: sources → intermediaries (`via:`, nearest the source first) →
//! the publisher, one edge per hop with the number of claims that travelled it.
//!
//! Laid out by the `layout-rs` crate (a layered, Sugiyama-style layout with crossing
//! reduction); drawn here through its [`RenderBackend`] trait as inline SVG with our own
//! ids, classes and escaping, so that it sits in the page as valid HTML.

use super::colour::{Rgb, INK, MUTED, PAPER};
use super::escape;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NodeKind {
    /// A declared actor (`actor` block).
    Actor,
    /// A source or intermediary name that no `actor` block declares.
    Undeclared,
    /// The article's publisher (the header's `publisher:`).
    Publisher,
}

#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub label: String,
    pub kind: NodeKind,
    /// Fill: the actor's highlight colour when it is the source of a claim.
    pub fill: Option<Rgb>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Graph {
    pub nodes: Vec<Node>,
    /// `(from, to, claims)`, each pair once, never `from == to`.
    pub edges: Vec<(usize, usize, usize)>,
}

/// Labels are wrapped at about this many characters per line.
const WRAP: usize = 24;
const FONT: usize = 13;

fn wrap(label: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= WRAP => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

fn size_of(text: &str) -> Point {
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(1);
    let lines = text.lines().count().max(1);
    Point::new(
        widest as f64 * FONT as f64 * 0.62 + 22.0,
        lines as f64 * FONT as f64 * 1.3 + 14.0,
    )
}

fn color(c: Rgb) -> Color {
    Color::new((u32::from(c.0) << 24) | (u32::from(c.1) << 16) | (u32::from(c.2) << 8) | 0xff)
}

/// The graph as an `<svg>` element, or `None` when it has no nodes or the layout failed
/// (the page then says so instead of drawing).
pub(crate) fn svg(graph: &Graph, title: &str) -> Option<String> {
    if graph.nodes.is_empty() {
        return None;
    }
    // The layout crate asserts on inputs it does not expect; a report must not die of it.
    std::panic::catch_unwind(|| layout_svg(graph, title)).ok()
}

fn layout_svg(graph: &Graph, title: &str) -> String {
    let mut vg = VisualGraph::new(Orientation::LeftToRight);
    let mut handles = Vec::with_capacity(graph.nodes.len());
    for (i, node) in graph.nodes.iter().enumerate() {
        let text = wrap(&node.label);
        let size = size_of(&text);
        let fill = node.fill.unwrap_or(PAPER);
        let look = StyleAttr::new(color(INK), 1, Some(color(fill)), 6, FONT);
        let element = Element::create_with_properties(
            ShapeKind::new_box(&text),
            look,
            Orientation::LeftToRight,
            size,
            i.to_string(),
        );
        handles.push(vg.add_node(element));
    }
    for &(from, to, count) in &graph.edges {
        let look = StyleAttr::new(color(MUTED), 1, None, 0, FONT - 1);
        // The count rides along as the edge's properties and is drawn at the middle of
        // the laid-out path: given as the edge's text, the layout would make every label
        // a node of its own rank, doubling the ranks its crossing reduction works on.
        let mut arrow = Arrow::new(
            layout::std_shapes::shapes::LineEndKind::None,
            layout::std_shapes::shapes::LineEndKind::Arrow,
            layout::core::style::LineStyleKind::Normal,
            "",
            &look,
            &None,
            &None,
        );
        arrow.properties = Some(count.to_string());
        vg.add_edge(arrow, handles[from], handles[to]);
    }
    let mut canvas = Canvas {
        graph,
        body: String::new(),
        width: 0.0,
        height: 0.0,
        open: false,
        arrows: 0,
    };
    vg.do_it(false, false, false, &mut canvas);
    canvas.finish(title)
}

/// Collects the draw calls of the layout into SVG.
struct Canvas<'g> {
    graph: &'g Graph,
    body: String,
    width: f64,
    height: f64,
    /// A node's `<g>` is open until its label is drawn.
    open: bool,
    arrows: usize,
}

impl Canvas<'_> {
    fn grow(&mut self, p: Point) {
        self.width = self.width.max(p.x + 8.0);
        self.height = self.height.max(p.y + 8.0);
    }

    fn finish(self, title: &str) -> String {
        let mut out = String::with_capacity(self.body.len() + 600);
        let _ = write!(
            out,
            "<svg class=\"graph\" role=\"img\" aria-labelledby=\"graph-title\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\">\
<title id=\"graph-title\">{t}</title>\
<style>.graph rect{{stroke:{ink};stroke-width:1}} .graph text{{font-size:{font}px;text-anchor:middle;dominant-baseline:central}} .graph text.count,.graph text.halo{{font-size:{small}px;dominant-baseline:auto}} .graph path.edge{{fill:none;stroke:{m};stroke-width:1}}</style>\
<defs><marker id=\"graph-arrow\" markerWidth=\"10\" markerHeight=\"7\" refX=\"10\" refY=\"3.5\" orient=\"auto\"><polygon points=\"0 0, 10 3.5, 0 7\" fill=\"{m}\"/></marker></defs>",
            w = self.width.max(1.0),
            h = self.height.max(1.0),
            t = escape(title),
            m = MUTED.hex(),
            ink = INK.hex(),
            font = FONT,
            small = FONT - 1,
        );
        out.push_str(&self.body);
        out.push_str("</svg>");
        out
    }
}

fn web(c: Color) -> String {
    let s = c.to_web_color();
    // `#rrggbbaa`; the page wants opaque `#rrggbb`.
    s.get(..7).unwrap_or("#000000").to_string()
}

impl RenderBackend for Canvas<'_> {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        self.grow(Point::new(xy.x + size.x, xy.y + size.y));
        let node = properties
            .and_then(|p| p.parse::<usize>().ok())
            .and_then(|i| self.graph.nodes.get(i).map(|n| (i, n)));
        if let Some((i, node)) = node {
            let class = match node.kind {
                NodeKind::Actor => "node actor",
                NodeKind::Undeclared => "node undeclared",
                NodeKind::Publisher => "node publisher",
            };
            let _ = write!(
                self.body,
                "<g class=\"{class}\" data-node=\"{i}\" data-name=\"{n}\"><title>{n}</title>",
                n = escape(&node.label)
            );
            self.open = true;
        }
        let _ = write!(
            self.body,
            "<rect x=\"{:.0}\" y=\"{:.0}\" width=\"{:.0}\" height=\"{:.0}\" rx=\"{}\" fill=\"{}\"/>",
            xy.x,
            xy.y,
            size.x,
            size.y,
            look.rounded,
            look.fill_color.map_or_else(|| "none".to_string(), web),
        );
    }

    fn draw_line(
        &mut self,
        start: Point,
        stop: Point,
        look: &StyleAttr,
        _properties: Option<String>,
    ) {
        self.grow(start);
        self.grow(stop);
        let _ = write!(
            self.body,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\"/>",
            start.x,
            start.y,
            stop.x,
            stop.y,
            web(look.line_color)
        );
    }

    fn draw_circle(
        &mut self,
        xy: Point,
        size: Point,
        look: &StyleAttr,
        _properties: Option<String>,
    ) {
        self.grow(Point::new(xy.x + size.x / 2.0, xy.y + size.y / 2.0));
        let _ = write!(
            self.body,
            "<ellipse cx=\"{:.1}\" cy=\"{:.1}\" rx=\"{:.1}\" ry=\"{:.1}\" fill=\"none\" stroke=\"{}\"/>",
            xy.x,
            xy.y,
            size.x / 2.0,
            size.y / 2.0,
            web(look.line_color)
        );
    }

    fn draw_text(&mut self, xy: Point, text: &str, look: &StyleAttr) {
        let lines: Vec<&str> = text.lines().collect();
        let step = look.font_size as f64 * 1.3;
        let top = xy.y - step * (lines.len().max(1) as f64 - 1.0) / 2.0;
        let class = if self.open { "label" } else { "count" };
        let _ = write!(
            self.body,
            "<text class=\"{class}\" x=\"{:.0}\" y=\"{top:.0}\">",
            xy.x
        );
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                let _ = write!(
                    self.body,
                    "<tspan x=\"{:.0}\">{}</tspan>",
                    xy.x,
                    escape(line)
                );
            } else {
                let _ = write!(
                    self.body,
                    "<tspan x=\"{:.0}\" dy=\"{step:.0}\">{}</tspan>",
                    xy.x,
                    escape(line)
                );
            }
        }
        self.body.push_str("</text>");
        if self.open {
            self.body.push_str("</g>");
            self.open = false;
        }
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        head: (bool, bool),
        _look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        if path.len() < 2 {
            return;
        }
        for (p, c) in path {
            self.grow(*p);
            self.grow(*c);
        }
        let mut d = format!(
            "M {:.0} {:.0} C {:.0} {:.0}, {:.0} {:.0}, {:.0} {:.0}",
            path[0].0.x,
            path[0].0.y,
            path[0].1.x,
            path[0].1.y,
            path[1].0.x,
            path[1].0.y,
            path[1].1.x,
            path[1].1.y
        );
        for (p, c) in &path[2..] {
            let _ = write!(d, " S {:.0} {:.0}, {:.0} {:.0}", p.x, p.y, c.x, c.y);
        }
        self.arrows += 1;
        let _ = write!(
            self.body,
            "<path class=\"edge\" d=\"{d}\"{}{}/>",
            if dashed {
                " stroke-dasharray=\"5,5\""
            } else {
                ""
            },
            if head.1 {
                " marker-end=\"url(#graph-arrow)\""
            } else {
                ""
            }
        );
        if let Some(count) = properties {
            let (x, y) = midpoint(path);
            // A halo in the paper colour under the number keeps it readable where it
            // crosses an edge (drawn as a copy behind it: the `paint-order` property
            // would do it in one element, but HTML validators do not know it yet).
            let (y, count) = (y - 4.0, escape(&count));
            let _ = write!(
                self.body,
                "<text class=\"halo\" aria-hidden=\"true\" x=\"{x:.0}\" y=\"{y:.0}\">{count}</text>\
<text class=\"count\" x=\"{x:.0}\" y=\"{y:.0}\">{count}</text>"
            );
        }
    }

    fn create_clip(&mut self, _xy: Point, _size: Point, _rounded_px: usize) -> ClipHandle {
        0
    }
}

/// About the middle of a drawn edge. `path[0]` is the start point and its outgoing control
/// point; every later entry is `(incoming control point, point)`, one cubic segment each
/// (drawn with `S`, whose first control point mirrors the previous segment's last).
fn midpoint(path: &[(Point, Point)]) -> (f64, f64) {
    let seg = (path.len() - 2) / 2;
    let (start, first) = if seg == 0 {
        path[0]
    } else {
        let (c, p) = path[seg];
        (p, Point::new(2.0 * p.x - c.x, 2.0 * p.y - c.y))
    };
    let (second, end) = path[seg + 1];
    let at = |a: f64, b: f64, c: f64, d: f64| 0.125 * a + 0.375 * b + 0.375 * c + 0.125 * d;
    (
        at(start.x, first.x, second.x, end.x),
        at(start.y, first.y, second.y, end.y),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(label: &str, kind: NodeKind) -> Node {
        Node {
            label: label.to_string(),
            kind,
            fill: None,
        }
    }

    #[test]
    fn lays_out_every_node_and_edge() {
        let graph = Graph {
            nodes: vec![
                node("The minister", NodeKind::Actor),
                node("Daily Courier", NodeKind::Actor),
                node("Harbour Times", NodeKind::Publisher),
                node("a neighbour", NodeKind::Undeclared),
            ],
            edges: vec![(0, 1, 3), (1, 2, 3), (3, 2, 1)],
        };
        let svg = svg(&graph, "graph").expect("laid out");
        assert_eq!(svg.matches("<g class=\"node").count(), 4, "{svg}");
        assert_eq!(svg.matches("class=\"edge\"").count(), 3, "{svg}");
        // The counts are drawn as edge labels.
        assert_eq!(svg.matches("class=\"count\"").count(), 3, "{svg}");
        assert!(
            svg.contains(">3</text>") && svg.contains(">1</text>"),
            "{svg}"
        );
        // Layered left to right: the source is left of the intermediary, which is left
        // of the publisher.
        let x = |name: &str| -> f64 {
            let at = svg.find(&format!("data-name=\"{name}\"")).unwrap();
            let rect = &svg[at..];
            let x = rect.find("x=\"").unwrap() + 3;
            rect[x..rect[x..].find('"').unwrap() + x].parse().unwrap()
        };
        assert!(x("The minister") < x("Daily Courier"));
        assert!(x("Daily Courier") < x("Harbour Times"));
    }

    #[test]
    fn labels_are_escaped() {
        let graph = Graph {
            nodes: vec![node("<script>alert(1)</script> & co", NodeKind::Undeclared)],
            edges: vec![],
        };
        let svg = svg(&graph, "a <b> title").unwrap();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("a &lt;b&gt; title"));
    }

    #[test]
    fn long_labels_wrap() {
        assert_eq!(
            wrap("Presidents of Russia, France and the United States"),
            "Presidents of Russia,\nFrance and the United\nStates"
        );
        assert_eq!(wrap("CNN"), "CNN");
    }
}
