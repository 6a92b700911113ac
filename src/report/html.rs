//! The HTML of the report page and of the index page.

use super::colour;
use super::{escape, escape_into, graph, IndexEntry, MarkKind, Summary, View};
use crate::article::MatchLevel;
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::floor_char_boundary;
use std::fmt::Write;

/// No fetch of any kind: the page is whole as written.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

fn head(out: &mut String, title: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    );
    out.push_str("<meta name=\"generator\" content=\"claimls report\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    out.push_str("<style>\n");
    out.push_str(&style());
    out.push_str("</style>\n</head>\n");
}

/// The style sheet, its colours from [`colour`] (whose contrast is tested there).
fn style() -> String {
    let mut css = String::with_capacity(4096);
    let _ = write!(
        css,
        "body{{margin:0;font:15px/1.5 system-ui,sans-serif;color:{ink};background:{paper}}}
header,section.summary,section.graph{{padding:0 1.5rem}}section.graph{{padding-bottom:2rem}}
h1{{font-size:1.35rem;margin:1rem 0 .2rem}}h2{{font-size:1.05rem;margin:.8rem 0 .4rem}}
.meta,.muted,dt{{color:{muted}}}
.summary dl{{display:flex;flex-wrap:wrap;gap:.3rem 1.4rem;margin:.4rem 0}}
.summary div{{display:flex;gap:.35rem;align-items:baseline}}.summary dd{{margin:0;font-weight:600}}
.graph figure{{margin:0;overflow-x:auto}}.graph svg{{max-width:none;font-family:system-ui,sans-serif}}
.graph text{{fill:{ink}}}.graph text.count{{fill:{muted}}}.graph text.halo{{fill:{paper};stroke:{paper};stroke-width:3px}}
.columns{{display:grid;grid-template-columns:minmax(0,3fr) minmax(18rem,2fr);gap:1.5rem;padding:0 1.5rem 2rem}}
@media (max-width:800px){{.columns{{grid-template-columns:1fr}}}}
.text{{white-space:pre-wrap;overflow-wrap:anywhere;font:16px/1.7 Georgia,serif}}
.claims{{max-height:100vh;overflow-y:auto;position:sticky;top:0}}
.claims ol{{list-style:none;padding:0;margin:0}}
.claim{{border:1px solid #ccc;border-left-width:6px;border-radius:4px;padding:.4rem .6rem;margin:0 0 .6rem}}
.claim:target,.claim.current{{outline:3px solid {info};outline-offset:1px}}
.claim.lit{{background:{lit}}}
.claim dl{{display:grid;grid-template-columns:auto 1fr;gap:0 .6rem;margin:.2rem 0}}.claim dd{{margin:0}}
.claim q{{font-family:Georgia,serif}}
.claim ul{{margin:.2rem 0;padding-left:1.1rem}}
.tag{{font-size:.8em;border:1px solid currentColor;border-radius:3px;padding:0 .25em;margin-left:.3em}}
.hl{{color:{ink};text-decoration:none;border-radius:2px;position:relative}}
.hl:focus{{outline:2px solid {ink};outline-offset:1px}}
.hl.lit{{outline:2px solid {ink}}}
.hl.near{{text-decoration:underline wavy {error};text-decoration-skip-ink:none}}
.hl.multi{{box-shadow:inset 0 -3px 0 {ink}}}
.unannotated{{background:{unann};color:{ink};border-bottom:2px dashed {muted}}}
.tip{{display:none;position:absolute;left:0;top:100%;z-index:5;min-width:16rem;max-width:28rem;white-space:normal;
font:13px/1.4 system-ui,sans-serif;background:{tip_bg};color:{tip_ink};padding:.4rem .55rem;border-radius:4px;user-select:none}}
.tip span{{display:block}}
.hl:hover .tip,.hl:focus .tip,.pin:hover .tip,.pin:focus .tip{{display:block}}
.pin{{position:relative;font:700 12px/1 system-ui,sans-serif;text-decoration:none;vertical-align:super;padding:0 .15em}}
.sev-error{{color:{error}}}.sev-warning{{color:{warning}}}.sev-info{{color:{info}}}.sev-hint{{color:{hint}}}
.finding .code{{font-weight:600}}
.legend{{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem .8rem;margin:0 0 .6rem;font-size:.9em}}
.swatch{{display:inline-block;width:.9em;height:.9em;border:1px solid {muted};vertical-align:-.1em;margin-right:.3em}}
table{{border-collapse:collapse;margin:1rem 1.5rem}}th,td{{text-align:left;padding:.25rem .8rem;border-bottom:1px solid #ddd}}
td.n{{text-align:right}}
.a-u{{background:{unknown}}}.claim.a-u{{border-left-color:{unknown}}}
",
        ink = colour::INK.hex(),
        paper = colour::PAPER.hex(),
        muted = colour::MUTED.hex(),
        unknown = colour::UNKNOWN.hex(),
        unann = colour::UNANNOTATED.hex(),
        error = colour::ERROR.hex(),
        warning = colour::WARNING.hex(),
        info = colour::INFO.hex(),
        hint = colour::HINT.hex(),
        tip_bg = colour::TIP_BG.hex(),
        lit = colour::LIT.hex(),
        tip_ink = colour::TIP_INK.hex(),
    );
    for (i, c) in colour::PALETTE.iter().enumerate() {
        let _ = writeln!(
            css,
            ".a{i}{{background:{c}}}.claim.a{i}{{background:none;border-left-color:{c}}}",
            c = c.hex()
        );
    }
    css
}

/// Only adds interaction; the page reads the same without it.
const SCRIPT: &str = r##"(function () {
  "use strict";
  var doc = document;
  doc.documentElement.setAttribute("data-js", "on");
  function marksOf(i) { return doc.querySelectorAll('.hl[data-claims~="' + i + '"]'); }
  function light(el, on) {
    var ids = (el.getAttribute("data-claims") || el.getAttribute("data-claim") || "").split(" ");
    ids.forEach(function (i) {
      if (i === "") { return; }
      var li = doc.getElementById("c-" + i);
      if (li) { li.classList.toggle("lit", on); }
      marksOf(i).forEach(function (m) { m.classList.toggle("lit", on); });
    });
  }
  ["mouseover", "focusin"].forEach(function (type) {
    doc.addEventListener(type, function (e) {
      var el = e.target.closest && e.target.closest(".hl, .claim");
      if (el) { light(el, true); }
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    doc.addEventListener(type, function (e) {
      var el = e.target.closest && e.target.closest(".hl, .claim");
      if (el) { light(el, false); }
    });
  });
  doc.addEventListener("click", function (e) {
    var el = e.target.closest && e.target.closest(".hl");
    if (!el) { return; }
    var li = doc.getElementById("c-" + el.getAttribute("data-claims").split(" ")[0]);
    if (!li) { return; }
    e.preventDefault();
    doc.querySelectorAll(".claim.current").forEach(function (c) { c.classList.remove("current"); });
    li.classList.add("current");
    li.scrollIntoView({ block: "nearest", behavior: "smooth" });
    if (history.replaceState) { history.replaceState(null, "", "#" + li.id); }
  });
})();
"##;

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
        Severity::Hint => "sev-hint",
    }
}

fn colour_class(slot: Option<usize>) -> String {
    match slot {
        Some(s) => format!("a{s}"),
        None => "a-u".to_string(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(super) fn page(view: &View<'_>, summary: &Summary) -> String {
    let page = view.page;
    let article_len = page.article.map_or(0, |a| a.text.len());
    let mut out = String::with_capacity(article_len * 3 + view.claims.len() * 900 + 16_384);
    head(&mut out, &format!("{} — claimls report", page.name));
    out.push_str("<body>\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(page.name));
    let header = &page.parsed.model.header;
    let mut meta = format!("article: {}", escape(page.article_name));
    if let Some(d) = header.date.as_ref().filter(|d| !d.value.is_empty()) {
        let _ = write!(meta, " · date: {}", escape(&d.value.text));
    }
    if let Some(p) = header.publisher.as_ref().filter(|p| !p.value.is_empty()) {
        let _ = write!(meta, " · publisher: {}", escape(&p.value.text));
    }
    let _ = writeln!(out, "<p class=\"meta\">{meta}</p>\n</header>");

    summary_strip(&mut out, summary);

    out.push_str("<div class=\"columns\">\n<section class=\"article\" aria-labelledby=\"article-h\">\n<h2 id=\"article-h\">Article</h2>\n");
    legend(&mut out, view);
    match page.article {
        Some(article) => {
            out.push_str("<div class=\"text\">");
            article_text(&mut out, view, &article.text);
            out.push_str("</div>\n");
        }
        None => out.push_str(
            "<p class=\"sev-error\">The article could not be read; see the findings.</p>\n",
        ),
    }
    out.push_str("</section>\n");
    claim_list(&mut out, view);
    out.push_str("</div>\n");
    graph_section(&mut out, view);
    out.push_str("<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn summary_strip(out: &mut String, s: &Summary) {
    out.push_str("<section class=\"summary\" aria-label=\"Summary\">\n<dl>");
    let mut item = |label: &str, value: String, class: &str| {
        let _ = write!(
            out,
            "<div{}><dt>{label}</dt><dd>{value}</dd></div>",
            if class.is_empty() {
                String::new()
            } else {
                format!(" class=\"{class}\"")
            }
        );
    };
    item("claims", s.claims.to_string(), "");
    item("highlighted", s.highlighted.to_string(), "");
    item("actors", s.actors.to_string(), "");
    item("errors", s.findings[0].to_string(), "sev-error");
    item("warnings", s.findings[1].to_string(), "sev-warning");
    item("info", s.findings[2].to_string(), "sev-info");
    item("hints", s.findings[3].to_string(), "sev-hint");
    let coverage = match s.coverage {
        Some((_, 0)) => "no attributions found".to_string(),
        Some((a, t)) => format!(
            "{a} of {t} attributions annotated ({:.0}%)",
            a as f64 * 100.0 / t as f64
        ),
        None => "unknown (article not read)".to_string(),
    };
    item("coverage", coverage, "");
    out.push_str("</dl>\n</section>\n");
}

fn graph_section(out: &mut String, view: &View<'_>) {
    out.push_str("<section class=\"graph\" aria-labelledby=\"graph-h\">\n<h2 id=\"graph-h\">Attribution graph</h2>\n");
    match graph::svg(
        &view.graph,
        "Attribution graph: sources, intermediaries and the publisher; edges count claims",
    ) {
        Some(svg) => {
            out.push_str("<figure>\n");
            out.push_str(&svg);
            out.push_str("\n<figcaption class=\"muted\">Who said it → through whom (<code>via</code>) → the publisher; each edge is labelled with its number of claims.</figcaption>\n</figure>\n");
        }
        None => out.push_str("<p class=\"muted\">No actors to draw.</p>\n"),
    }
    out.push_str("</section>\n");
}

fn legend(out: &mut String, view: &View<'_>) {
    if view.legend.is_empty() && view.marks.is_empty() {
        return;
    }
    out.push_str("<ul class=\"legend\" aria-label=\"Source colours\">");
    for (name, slot) in &view.legend {
        let _ = write!(
            out,
            "<li><span class=\"swatch {}\"></span>{}</li>",
            colour_class(*slot),
            escape(name)
        );
    }
    if view
        .marks
        .iter()
        .any(|m| matches!(m.kind, MarkKind::Unannotated(_)))
    {
        out.push_str("<li><span class=\"unannotated\">attribution no claim records</span></li>");
    }
    out.push_str("</ul>\n");
}

/// The tooltip of one claim: id, source, via, cue, stance.
fn claim_tip(view: &View<'_>, i: usize) -> String {
    let c = view.claims[i].claim;
    fn field(f: Option<&crate::model::Field>) -> Option<&str> {
        f.map(|f| f.value.text.as_str()).filter(|t| !t.is_empty())
    }
    let mut tip = String::new();
    let _ = write!(tip, "<span><b>{}</b></span>", escape(&c.id));
    for (label, value) in [
        ("source", field(c.source.as_ref())),
        ("via", field(c.via.as_deref())),
        ("cue", field(c.cue.as_ref())),
        ("stance", field(c.stance.as_ref())),
    ] {
        if let Some(v) = value {
            let _ = write!(tip, "<span>{label}: {}</span>", escape(v));
        }
    }
    tip
}

fn article_text(out: &mut String, view: &View<'_>, text: &str) {
    let diags = view.page.diagnostics;
    let tips: Vec<String> = (0..view.claims.len()).map(|i| claim_tip(view, i)).collect();
    let mut points: Vec<usize> = Vec::with_capacity(view.marks.len() * 2 + view.pins.len() + 2);
    points.push(0);
    points.push(text.len());
    for m in &view.marks {
        points.push(m.span.start);
        points.push(m.span.end);
    }
    points.extend(view.pins.iter().map(|p| p.0));
    for p in &mut points {
        *p = floor_char_boundary(text, *p);
    }
    points.sort_unstable();
    points.dedup();

    let mut next_mark = 0;
    let mut next_pin = 0;
    let mut active: Vec<usize> = Vec::new();
    for w in points.windows(2) {
        let (p, q) = (w[0], w[1]);
        while let Some(&(at, di)) = view.pins.get(next_pin) {
            if floor_char_boundary(text, at) > p {
                break;
            }
            pin(out, di, &diags[di]);
            next_pin += 1;
        }
        active.retain(|&m| floor_char_boundary(text, view.marks[m].span.end) > p);
        while let Some(m) = view.marks.get(next_mark) {
            if floor_char_boundary(text, m.span.start) > p {
                break;
            }
            if let MarkKind::Quote { claim, quote, part } = m.kind {
                let _ = write!(out, "<span id=\"q-{claim}-{quote}-{part}\"></span>");
            }
            active.push(next_mark);
            next_mark += 1;
        }
        let segment = &text[p..q];
        let mut claims: Vec<usize> = Vec::new();
        let mut near = false;
        let mut unannotated = false;
        for &m in &active {
            match view.marks[m].kind {
                MarkKind::Quote { claim, quote, part } => {
                    if !claims.contains(&claim) {
                        claims.push(claim);
                    }
                    near |= matches!(
                        view.claims[claim].quotes[quote].parts[part].level,
                        MatchLevel::NearMiss { .. }
                    );
                }
                MarkKind::Unannotated(_) => unannotated = true,
            }
        }
        if let Some(&innermost) = claims.last() {
            let ids: Vec<String> = claims.iter().map(|c| c.to_string()).collect();
            let _ = write!(
                out,
                "<a class=\"hl {}{}{}\" href=\"#c-{}\" data-claims=\"{}\">",
                colour_class(view.claims[innermost].colour),
                if near { " near" } else { "" },
                if claims.len() > 1 { " multi" } else { "" },
                claims[0],
                ids.join(" ")
            );
            escape_into(out, segment);
            out.push_str("<span class=\"tip\" role=\"tooltip\">");
            for &c in &claims {
                out.push_str(&tips[c]);
            }
            if near {
                out.push_str("<span>near miss: the quote differs from this text</span>");
            }
            out.push_str("</span></a>");
        } else if unannotated {
            out.push_str(
                "<span class=\"unannotated\" title=\"an attribution no claim records (C050)\">",
            );
            escape_into(out, segment);
            out.push_str("</span>");
        } else {
            escape_into(out, segment);
        }
    }
    while let Some(&(_, di)) = view.pins.get(next_pin) {
        pin(out, di, &diags[di]);
        next_pin += 1;
    }
}

/// A finding's marker in the article text, linking to it in the list.
fn pin(out: &mut String, index: usize, d: &Diagnostic) {
    let _ = write!(
        out,
        "<a class=\"pin {}\" href=\"#d-{index}\" aria-label=\"{} {}\">{}<span class=\"tip\" role=\"tooltip\"><b>{}</b> {}</span></a>",
        severity_class(d.severity),
        d.severity.as_str(),
        d.code,
        match d.severity {
            Severity::Error => "✖",
            Severity::Warning => "▲",
            Severity::Info | Severity::Hint => "ⓘ",
        },
        d.code,
        escape(&d.message)
    );
}

fn finding(out: &mut String, index: usize, d: &Diagnostic, line: Option<usize>) {
    let _ = write!(
        out,
        "<li id=\"d-{index}\" class=\"finding {}\"><span class=\"code\">{} {}</span>{} {}</li>",
        severity_class(d.severity),
        d.code,
        d.severity.as_str(),
        line.map(|l| format!(" (line {l})")).unwrap_or_default(),
        escape(&d.message)
    );
}

fn level_text(parts: &[super::Part]) -> &'static str {
    match parts.iter().map(|p| p.level).max() {
        None => "not in the article",
        Some(MatchLevel::Exact) => "exact",
        Some(MatchLevel::Normalized) => "matches after normalizing",
        Some(MatchLevel::NearMiss { .. }) => "near miss",
    }
}

fn claim_list(out: &mut String, view: &View<'_>) {
    let page = view.page;
    let diags = page.diagnostics;
    let lines = crate::text::LineIndex::new(&page.parsed.text);
    out.push_str("<section class=\"claims\" aria-labelledby=\"claims-h\">\n<h2 id=\"claims-h\">Claims</h2>\n<ol>\n");
    for (i, c) in view.claims.iter().enumerate() {
        let claim = c.claim;
        let _ = write!(
            out,
            "<li id=\"c-{i}\" class=\"claim {}\" data-claim=\"{i}\" data-id=\"{}\">",
            colour_class(c.colour),
            escape(&claim.id)
        );
        let _ = write!(
            out,
            "<div><span class=\"swatch {}\"></span><b>{}</b> <span class=\"muted\">line {}</span>",
            colour_class(c.colour),
            escape(&claim.id),
            claim.line() + 1
        );
        if let Some(s) = claim.stance.as_ref().filter(|s| !s.value.is_empty()) {
            let _ = write!(out, " <span class=\"tag\">{}</span>", escape(&s.value.text));
        }
        out.push_str("</div><dl>");
        let source = claim.source_name().unwrap_or("");
        let _ = write!(out, "<dt>source</dt><dd>{}", escape(source));
        if c.undeclared {
            out.push_str("<span class=\"tag sev-warning\">not a declared actor</span>");
        }
        out.push_str("</dd>");
        for (label, f) in [("via", claim.via.as_deref()), ("cue", claim.cue.as_ref())] {
            if let Some(f) = f.filter(|f| !f.value.is_empty()) {
                let _ = write!(out, "<dt>{label}</dt><dd>{}</dd>", escape(&f.value.text));
            }
        }
        out.push_str("</dl><ul class=\"quotes\">");
        for (qi, q) in c.quotes.iter().enumerate() {
            let _ = write!(out, "<li><q>{}</q> ", escape(&q.text));
            if q.parts.is_empty() {
                let _ = write!(
                    out,
                    "<span class=\"sev-error\">{}</span>",
                    level_text(&q.parts)
                );
            } else {
                let _ = write!(
                    out,
                    "<a href=\"#q-{i}-{qi}-0\">{}</a>",
                    if q.parts.len() > 1 {
                        format!("{} parts in the article", q.parts.len())
                    } else {
                        "in the article".to_string()
                    }
                );
                let _ = write!(
                    out,
                    " <span class=\"muted\">({})</span>",
                    level_text(&q.parts)
                );
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
        if !c.findings.is_empty() {
            out.push_str("<ul class=\"findings\">");
            for &di in &c.findings {
                finding(out, di, &diags[di], None);
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    if !view.file_findings.is_empty() {
        out.push_str("<h2>Other findings</h2>\n<ul class=\"file-findings\">");
        for &di in &view.file_findings {
            let d = &diags[di];
            finding(out, di, d, Some(lines.line_of(d.span.start) + 1));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

pub(super) fn index(title: &str, entries: &[IndexEntry]) -> String {
    let mut out = String::with_capacity(2048 + entries.len() * 300);
    head(&mut out, &format!("{title} — claimls report"));
    out.push_str("<body>\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    let claims: usize = entries.iter().map(|e| e.summary.claims).sum();
    let errors: usize = entries.iter().map(|e| e.summary.findings[0]).sum();
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}, {}, {}</p>\n</header>",
        plural(entries.len(), "annotation", "annotations"),
        plural(claims, "claim", "claims"),
        plural(errors, "error", "errors")
    );
    out.push_str("<table>\n<thead><tr><th scope=\"col\">annotation</th><th scope=\"col\">claims</th><th scope=\"col\">actors</th><th scope=\"col\">errors</th><th scope=\"col\">warnings</th><th scope=\"col\">coverage</th></tr></thead>\n<tbody>\n");
    for e in entries {
        let s = &e.summary;
        let coverage = match s.coverage {
            Some((a, t)) if t > 0 => format!("{a} of {t}"),
            Some(_) => "—".to_string(),
            None => "article not read".to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n sev-error\">{}</td><td class=\"n sev-warning\">{}</td><td>{}</td></tr>",
            escape(&e.href),
            escape(&e.name),
            s.claims,
            s.actors,
            s.findings[0],
            s.findings[1],
            coverage
        );
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contrast test (`colour.rs`) covers the pairs listed in `text_pairs`: every
    /// background the style sheet gives text must be one of them, or a colour added to
    /// the CSS alone would go untested.
    #[test]
    fn every_background_in_the_style_sheet_has_its_contrast_tested() {
        let css = style();
        let tested: Vec<String> = colour::text_pairs()
            .iter()
            .map(|(_, _, bg)| bg.hex())
            .collect();
        let mut seen = 0;
        for (at, _) in css.match_indices("background:") {
            let value: String = css[at + "background:".len()..]
                .chars()
                .take_while(|c| !matches!(c, ';' | '}'))
                .collect();
            if value == "none" {
                continue;
            }
            seen += 1;
            assert!(
                tested.contains(&value),
                "background {value} is not in colour::text_pairs"
            );
        }
        assert!(
            seen >= 5 + colour::PALETTE.len(),
            "{seen} backgrounds found"
        );
    }
}
