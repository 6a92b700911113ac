//! `claimls draft`: a first-draft `.claims` file built from the article's attribution
//! analysis: the header, one actor per speaker and intermediary (canonical name, the
//! aliases the article uses, a kind guess), and one claim per attribution in article
//! order, with the cue, the quote and the via chain copied from the article.

pub mod block;

pub use block::{
    claim_id_refs, claim_ids, draft_among, draft_among_in, draft_claim_block, draft_with_ids, IdSet,
};

use crate::article::attribution::{lexicon, Attribution, ContentKind};
use crate::article::Article;
use crate::text::{collapse_whitespace, Lowercased, Span};

/// What the draft knows besides the article text.
#[derive(Clone, Debug, Default)]
pub struct DraftOptions {
    /// The article's file name, written as `article:`.
    pub article_name: Option<String>,
}

struct Actor {
    name: String,
    aliases: Vec<String>,
    kind: &'static str,
    role: Option<String>,
}

const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those"];
/// Outlet words beyond the analysis' own (`lexicon::OUTLET_WORDS`) that only name a
/// declared actor's kind.
const MORE_OUTLET_WORDS: &[&str] = &["report", "newspaper"];
const GOVERNMENT_WORDS: &[&str] = &[
    "ministry",
    "government",
    "department",
    "administration",
    "embassy",
    "kremlin",
    "pentagon",
    "side",
    "office",
    "council",
    "state",
    "police",
    "army",
    "military",
    "parliament",
    "congress",
    "senate",
    "house",
];
const ORGANIZATION_WORDS: &[&str] = &[
    "party",
    "committee",
    "company",
    "campaign",
    "group",
    "organization",
    "organisation",
    "foundation",
    "institute",
    "university",
    "union",
    "bank",
    "firm",
    "corporation",
    "inc",
    "association",
    "coalition",
    "movement",
    "commission",
    "court",
    "board",
    "team",
    // companies named in the plural (`Harlow Motors`, `Delta Air Lines`)
    "motors",
    "airlines",
    "lines",
    "industries",
    "holdings",
    "systems",
    "technologies",
    "partners",
    "enterprises",
    "laboratories",
    "labs",
    "pharmaceuticals",
    "foods",
];
const ANONYMOUS_WORDS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "man",
    "woman",
    "person",
    "people",
    "national",
    "witness",
    "resident",
    "residents",
    "aide",
    "aides",
    "insider",
    "insiders",
];
const TITLES: &[&str] = &[
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "governor",
    "mr.",
    "mr",
    "mrs.",
    "ms.",
    "dr.",
    "gen.",
    "general",
    "prime",
    "foreign",
    "chairman",
    "chief",
    "director",
    "adviser",
    "advisor",
    "leader",
    "candidate",
    "nominee",
    "representative",
    "mayor",
    "ambassador",
    "judge",
    "executive",
    "vice",
    "deputy",
    "commissioner",
    "coach",
    "professor",
    "attorney",
    "chairwoman",
    "ceo",
];

/// The draft `.claims` text for `article`.
pub fn draft(article: &Article, options: &DraftOptions) -> String {
    let text = &article.text;
    let attributions = &article.attributions().items;
    let mut actors: Vec<Actor> = Vec::new();
    // (source actor index, via actor indices) per attribution.
    let mut links: Vec<Option<(usize, Vec<usize>)>> = Vec::new();
    for a in attributions {
        let Some(speaker) = a.speaker() else {
            links.push(None);
            continue;
        };
        let name = actor_name(text, speaker);
        if name.is_empty() || !article.is_text_span(speaker) {
            links.push(None);
            continue;
        }
        let role = appositive_role(text, a).or_else(|| title_before_name(text, speaker));
        let source = intern(&mut actors, &name, text, speaker, role);
        for written in [a.source()].into_iter().flatten() {
            if Some(written) != a.resolved() {
                add_alias(&mut actors, source, text, written);
            }
        }
        let mut via = Vec::new();
        for link in a.chain() {
            let n = actor_name(text, *link);
            if n.is_empty() {
                continue;
            }
            let k = intern(&mut actors, &n, text, *link, None);
            if k != source && !via.contains(&k) {
                via.push(k);
            }
        }
        links.push(Some((source, via)));
    }
    let mut out = String::new();
    if let Some(name) = &options.article_name {
        out.push_str(&format!("article: {name}\n"));
    }
    if let Some((date, _)) = &article.date {
        out.push_str(&format!("date: {date}\n"));
    }
    if let Some(p) = publisher(article) {
        out.push_str(&format!("publisher: {p}\n"));
    }
    out.push('\n');
    for actor in &actors {
        out.push_str(&format!("actor {}\n", actor.name));
        let aliases: Vec<&str> = actor
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|al| {
                // An alias must not be another actor's name.
                !actors.iter().any(|o| {
                    !std::ptr::eq(o, actor)
                        && (o.name.eq_ignore_ascii_case(al)
                            || o.aliases.iter().any(|x| x.eq_ignore_ascii_case(al)))
                })
            })
            .collect();
        if !aliases.is_empty() {
            out.push_str(&format!("  aka: {}\n", aliases.join(", ")));
        }
        out.push_str(&format!("  kind: {}\n", actor.kind));
        if let Some(role) = &actor.role {
            out.push_str(&format!("  role: {role}\n"));
        }
        out.push('\n');
    }
    let mut ids = Ids::default();
    let mut next = 0;
    while next < attributions.len() {
        let (a, link) = (&attributions[next], &links[next]);
        // The clauses of one cue (`said that …, and that …`) are one claim.
        let same_speaker = |i: usize, j: usize| links[i] == links[j];
        let clauses = next + 1 + later_clauses(article, attributions, next, same_speaker);
        let content: Vec<Span> = attributions[next..clauses]
            .iter()
            .flat_map(|c| c.content.iter().copied())
            .collect();
        next = clauses;
        let Some((source, via)) = link else { continue };
        let actor = &actors[*source];
        let lemma = a
            .cue()
            .and_then(|c| cue_lemma(c.slice(text)))
            .unwrap_or("say");
        let id = unique_id(&mut ids, &slug(&actor.name, lemma));
        out.push_str(&format!("claim {id}\n"));
        out.push_str(&format!("  source: {}\n", actor.name));
        if !via.is_empty() {
            let names: Vec<&str> = via.iter().map(|k| actors[*k].name.as_str()).collect();
            out.push_str(&format!("  via: {}\n", names.join(", ")));
        }
        if let Some(cue) = cue_text(text, a) {
            out.push_str(&format!("  cue: {cue}\n"));
        }
        for q in quotes(article, &content) {
            out.push_str(&format!("  quote: {q}\n"));
        }
        // A negated cue (`did not deny`) says nothing of the stance its verb names: the
        // annotator gives one.
        if !a.cue().is_some_and(|c| negated(c.slice(text))) {
            out.push_str(&format!("  stance: {}\n", lexicon::stance_of(lemma)));
        }
        if a.kind == ContentKind::Headline {
            out.push_str("  note: headline\n");
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The claim's `quote:` values: content parts of one paragraph joined with ` … `, one
/// value per paragraph.
fn quotes(article: &Article, content: &[Span]) -> Vec<String> {
    let text = &article.text;
    let mut out: Vec<(Option<usize>, String)> = Vec::new();
    for part in content {
        let para = if article.in_header(part.start) {
            None
        } else {
            article.paragraph_of(part.start)
        };
        // An ellipsis of the article itself reads as an elision marker, which matches it.
        let words = collapse_whitespace(part.slice(text)).trim().to_string();
        if words.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some((p, q)) if *p == para => {
                q.push_str(" \u{2026} ");
                q.push_str(&words);
            }
            _ => out.push((para, words)),
        }
    }
    out.into_iter().map(|(_, q)| q).collect()
}

/// How many statements after `attributions[first]` are further clauses of its cue, read
/// apart by the analysis (`Dan Hart said that the rules were under review, and that the
/// plan would not end`): reported words of the same cue and (as `same_speaker(first,
/// k)` tells) speaker and intermediaries, in the same paragraph, each joined to the one
/// before by `and that` (`but`, `or`, a comma). One statement to an annotator, as to
/// PolNeAR's: drafted as one claim.
pub(crate) fn later_clauses(
    article: &Article,
    attributions: &[Attribution],
    first: usize,
    same_speaker: impl Fn(usize, usize) -> bool,
) -> usize {
    let text = &article.text;
    let lead = &attributions[first];
    let Some(cue) = lead.cue() else {
        return 0;
    };
    let mut count = 0;
    let mut end = lead.content.last().map_or(0, |c| c.end);
    for (k, a) in attributions.iter().enumerate().skip(first + 1) {
        let Some(start) = a.content.first().map(|c| c.start) else {
            break;
        };
        let joined = start >= end
            && text[end..start]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .iter()
                .all(|w| matches!(w.as_str(), "and" | "but" | "or" | "that"))
            && (text[end..start].to_lowercase().contains("that")
                || text[start..]
                    .get(..5)
                    .is_some_and(|w| w.eq_ignore_ascii_case("that ")));
        let same = a.cue() == Some(cue)
            && a.kind == ContentKind::Indirect
            && lead.kind == ContentKind::Indirect
            && same_speaker(first, k)
            && article.paragraph_of(start) == article.paragraph_of(end.saturating_sub(1));
        if !(joined && same) {
            break;
        }
        count += 1;
        end = a.content.last().map_or(end, |c| c.end);
    }
    count
}

/// The cue as written, with the addressee when it follows right after (`told Sputnik`).
fn cue_text(text: &str, a: &Attribution) -> Option<String> {
    let cue = a.cue()?;
    let mut span = cue;
    if let Some(ad) = a.addressee() {
        let between = &text[cue.end.min(ad.start)..ad.start];
        if ad.start >= cue.end && between.trim().is_empty() && ad.start - cue.end <= 2 {
            span = Span::new(cue.start, ad.end);
        }
    }
    Some(collapse_whitespace(span.slice(text)))
}

/// Whether a cue holds a negation (`did not say`, `never claimed`, `didn’t deny`).
fn negated(cue: &str) -> bool {
    cue.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n\u{2019}t")
    })
}

fn cue_lemma(cue: &str) -> Option<&'static str> {
    let words: Vec<&str> = cue.split_whitespace().collect();
    if let Some((p, _)) = lexicon::phrase_at(&words) {
        return Some(p.lemma.as_str());
    }
    words.iter().find_map(|w| lexicon::reporting_lemma(w))
}

/// A speaker mention as an actor name: determiners and titles before a proper name left
/// out (`the Russian Foreign Ministry` → `Russian Foreign Ministry`, `Foreign Ministry
/// spokeswoman Leyla Abdullayeva` → `Leyla Abdullayeva`), possessives kept.
pub(crate) fn actor_name(text: &str, span: Span) -> String {
    let written = collapse_whitespace(span.slice(text));
    let words: Vec<&str> = written.split(' ').collect();
    // A proper name after a lowercase word: the name.
    let is_cap = |w: &str| w.starts_with(char::is_uppercase);
    if let Some(k) = words.iter().rposition(|w| !is_cap(w)) {
        let tail = &words[k + 1..];
        let last_low = words[k].lowercased();
        if tail.len() >= 2
            && !DETERMINERS.contains(&last_low.as_str())
            && !matches!(
                last_low.as_str(),
                "of" | "and" | "for" | "from" | "de" | "to"
                    // (`Ten senators led by Tom Reed`: the name after a preposition
                    // is not whom the phrase names.)
                    | "by" | "with" | "at" | "in" | "on"
            )
        {
            return tail.join(" ");
        }
    }
    let mut start = 0;
    while start < words.len() && DETERMINERS.contains(&words[start].lowercased().as_str()) {
        start += 1;
    }
    let rest = &words[start..];
    // Titles before a capitalized name of two words or more, with the capitalized words
    // that qualify them (`Finance Minister Ann Dole`, `U.S. District Judge Maria Alvarez`).
    if let Some(t) = name_after_title(rest) {
        return rest[t..].join(" ");
    }
    let name = rest.join(" ");
    let name = name.trim_end_matches([',', ';', ':']);
    // The period of an initialism or an abbreviation stays (`The S.E.C.`, `U.N.`).
    let last = name.rsplit(' ').next().unwrap_or("");
    if last
        .strip_suffix('.')
        .is_some_and(|stem| stem.contains('.'))
    {
        return name.to_string();
    }
    name.trim_end_matches(['.', ',', ';', ':']).to_string()
}

/// Where the name starts in `words` written all capitalized after a title: past the
/// last title word, when two words or more follow it, none of them a title.
fn name_after_title(words: &[&str]) -> Option<usize> {
    let is_cap = |w: &&str| w.starts_with(char::is_uppercase);
    let title = |w: &&str| TITLES.contains(&w.lowercased().as_str());
    let last = words.iter().rposition(title)?;
    (words.len() - last > 2 && words.iter().all(is_cap)).then_some(last + 1)
}

/// The title written before the name at `span` (`Finance Minister` of `Finance Minister
/// Ann Dole`), as a role for the drafted actor.
fn title_before_name(text: &str, span: Span) -> Option<String> {
    let written = collapse_whitespace(span.slice(text));
    let words: Vec<&str> = written.split(' ').collect();
    let mut start = 0;
    while start < words.len() && DETERMINERS.contains(&words[start].lowercased().as_str()) {
        start += 1;
    }
    let rest = &words[start..];
    let t = name_after_title(rest)?;
    Some(rest[..t].join(" ").trim_end_matches(',').to_string())
}

pub(crate) fn kind_of(name: &str) -> &'static str {
    let lower = name.lowercased();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    // Who is described comes first: `person familiar with the company's plans` is a
    // person, whatever the words after.
    let head = name.split_whitespace().next().unwrap_or("").lowercased();
    if ANONYMOUS_WORDS.contains(&head.as_str()) {
        return "anonymous";
    }
    if has(lexicon::OUTLET_WORDS) || has(MORE_OUTLET_WORDS) {
        return "outlet";
    }
    if has(GOVERNMENT_WORDS) {
        return "government";
    }
    if has(ORGANIZATION_WORDS) {
        return "organization";
    }
    if name.starts_with(char::is_lowercase) || has(ANONYMOUS_WORDS) {
        return "anonymous";
    }
    // `Several cast members`, `Industry groups`, `Political analysts`: people in the
    // plural, described (a plural noun in lowercase closes the name; `Donna Sampson
    // Rawlings` is a person).
    // The head is the last word before a preposition (`Security experts in the United
    // States`, `Members of the …`), plural, and a common noun: lowercase, or opening the
    // name.
    let written: Vec<&str> = name.split_whitespace().collect();
    let before_prep = written
        .iter()
        .position(|w| {
            matches!(
                w.lowercased().as_str(),
                "of" | "in" | "at" | "from" | "for" | "with"
            )
        })
        .unwrap_or(written.len());
    let plural = |w: &str| {
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !w.ends_with("\u{2019}s")
    };
    let lowercase = |w: &&str| w.starts_with(char::is_lowercase);
    // (`74 percent of likely voters`: the last word, a plural in lowercase, also tells.)
    let plural_noun = written.len() >= 2
        && (before_prep >= 1
            && written
                .get(before_prep - 1)
                .is_some_and(|head| (lowercase(head) || before_prep == 1) && plural(head))
            || written.last().is_some_and(|w| lowercase(w) && plural(w)));
    if words.contains(&"and") || name.contains(',') || plural_noun {
        return "group";
    }
    let caps = name
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    if caps >= 2 && name.split_whitespace().count() <= 4 {
        return "person";
    }
    if name.len() > 1
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return "organization";
    }
    "government"
}

fn intern(
    actors: &mut Vec<Actor>,
    name: &str,
    text: &str,
    span: Span,
    role: Option<String>,
) -> usize {
    if let Some(k) = actors.iter().position(|a| {
        a.name.eq_ignore_ascii_case(name) || a.aliases.iter().any(|x| x.eq_ignore_ascii_case(name))
    }) {
        if actors[k].role.is_none() {
            actors[k].role = role;
        }
        return k;
    }
    // A surname of an actor already declared: that actor.
    if let Some(k) = actors.iter().position(|a| {
        a.kind == "person" && !name.contains(' ') && a.name.split(' ').next_back() == Some(name)
    }) {
        return k;
    }
    actors.push(Actor {
        name: name.to_string(),
        aliases: Vec::new(),
        kind: kind_of(name),
        role,
    });
    let _ = (text, span);
    actors.len() - 1
}

fn add_alias(actors: &mut [Actor], k: usize, text: &str, written: Span) {
    let w = collapse_whitespace(written.slice(text));
    let lower = w.lowercased();
    // A pronoun, possessive or relative, is no name of anyone (`aka: his`).
    if crate::check::credit::is_pronoun(&lower) {
        return;
    }
    let a = &mut actors[k];
    if a.name.eq_ignore_ascii_case(&w) || a.aliases.iter().any(|x| x.eq_ignore_ascii_case(&w)) {
        return;
    }
    // A surname of a person is a mention already.
    if a.kind == "person" && !w.contains(' ') && a.name.ends_with(&w) {
        return;
    }
    if w.contains(',') {
        return;
    }
    a.aliases.push(w);
}

/// `Omer Celik, a spokesman for …`: the description after the name, as the role.
fn appositive_role(text: &str, a: &Attribution) -> Option<String> {
    let src = a.source()?;
    let after = text[src.end..].strip_prefix(", ")?;
    let first = after.split_whitespace().next()?;
    if !matches!(first, "a" | "an" | "the") {
        return None;
    }
    let end = after
        .find([',', '.', '\n', '"', '\u{201c}'])
        .unwrap_or(after.len());
    let role = after[..end].trim();
    // Stop before the verb when the comma that closes the apposition is missing.
    let role = role
        .split_whitespace()
        .take_while(|w| {
            !matches!(
                *w,
                "has" | "have" | "had" | "said" | "says" | "was" | "is"
                    // (`a Republican who is running for governor`: the noun, not its
                    // relative clause.)
                    | "who" | "which" | "that" | "whose"
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    (role.split(' ').count() >= 2 && role.len() < 120).then_some(role)
}

/// A word of a drafted claim id: ids are ASCII (docs/format.md), so a name in another
/// script or with accents is transliterated (`Sébastien` -> `sebastien`, `Пешков` ->
/// `peshkov`), lowercase, letters and digits only.
pub(crate) fn id_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let ascii;
    let w = if w.is_ascii() {
        w
    } else {
        ascii = deunicode::deunicode(w);
        ascii.as_str()
    };
    out.extend(
        w.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase()),
    );
    out
}

fn slug(name: &str, lemma: &str) -> String {
    let mut s = String::new();
    for w in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
    {
        if !s.is_empty() {
            s.push('-');
        }
        s.push_str(&id_word(w));
    }
    if s.is_empty() {
        s.push_str("source");
    }
    s.push('-');
    s.push_str(&lemma.replace(' ', "-"));
    s
}

/// The ids given so far, and per base the number its next `-N` suffix is tried from.
#[derive(Default)]
struct Ids {
    taken: rustc_hash::FxHashSet<String>,
    next: rustc_hash::FxHashMap<String, usize>,
}

/// `base`, else `base-2`, `base-3`, … : the first that no earlier claim has. Ids are only
/// added, so the first free suffix of a base never goes down: it is searched from where
/// the last search for that base stopped (an article with thousands of statements by one
/// speaker drafted in quadratic time before).
fn unique_id(ids: &mut Ids, base: &str) -> String {
    let mut id = base.to_string();
    let mut n = ids.next.get(base).copied().unwrap_or(2);
    if ids.taken.contains(&id) {
        loop {
            id = format!("{base}-{n}");
            n += 1;
            if !ids.taken.contains(&id) {
                break;
            }
        }
    }
    ids.next.insert(base.to_string(), n);
    ids.taken.insert(id.clone());
    id
}

/// `(UrduPoint News / Sputnik - 02nd October, 2020)` in the dateline: `UrduPoint News,
/// Sputnik`.
fn publisher(article: &Article) -> Option<String> {
    let first = article.paragraphs.first()?.slice(&article.text);
    let open = first.find('(')?;
    let head = &first[..open];
    if head.trim().is_empty() || head.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    let close = first[open..].find(')')? + open;
    let inner = &first[open + 1..close];
    let names = inner.split(" - ").next()?.split(" -").next()?;
    let list: Vec<String> = names
        .split('/')
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty() && !n.chars().any(|c| c.is_ascii_digit()))
        .collect();
    (!list.is_empty()).then(|| list.join(", "))
}

#[cfg(test)]
mod tests {
    use super::{
        actor_name, kind_of, later_clauses, slug, unique_id, Attribution, ContentKind, Ids,
    };
    use crate::text::Span;

    #[test]
    fn kinds_follow_who_is_described() {
        for (name, kind) in [
            ("person familiar with the company's plans", "anonymous"),
            ("Officials briefed on the talks", "anonymous"),
            ("Harlow Motors", "organization"),
            ("Industry groups", "group"),
            ("Political analysts", "group"),
            ("Dana Whitlock", "person"),
            ("Moscow", "government"),
            ("Donna Sampson Rawlings", "person"),
            ("Several cast members", "group"),
            ("Security experts in the United States", "group"),
            ("Members of the Congressional Black Caucus", "group"),
            ("74 percent of likely voters", "group"),
            ("Mercer Bank", "organization"),
        ] {
            assert_eq!(kind_of(name), kind, "{name}");
        }
    }

    #[test]
    fn actor_names_leave_out_titles_but_keep_the_phrase_before_a_preposition() {
        for (written, name) in [
            ("Chief Executive Dana Whitlock", "Dana Whitlock"),
            ("Vice President Ann Dole", "Ann Dole"),
            ("Finance Minister Ann Dole", "Ann Dole"),
            ("U.S. District Judge Maria Alvarez", "Maria Alvarez"),
            ("Senate Majority Leader Tom Reed", "Tom Reed"),
            // One word after the title may be a surname or the title's own word: kept.
            ("Finance Minister Dole", "Finance Minister Dole"),
            // A title with a lowercase word inside is kept whole.
            ("Chief of Staff Tom Reed", "Chief of Staff Tom Reed"),
            ("union vice president Carla Ruiz", "Carla Ruiz"),
            ("The United Auto Workers union", "United Auto Workers union"),
            // A name after a preposition is not whom the phrase names.
            (
                "Ten senators led by Tom Reed",
                "Ten senators led by Tom Reed",
            ),
            (
                "the Commission on Presidential Debates",
                "Commission on Presidential Debates",
            ),
            ("farmers in Salem County", "farmers in Salem County"),
            (
                "officials at Salem City Hall",
                "officials at Salem City Hall",
            ),
            (
                "lawyers with Reed Smith Partners",
                "lawyers with Reed Smith Partners",
            ),
            // An initialism keeps its last period; a sentence's is left out.
            ("The S.E.C.", "S.E.C."),
            ("the U.N.", "U.N."),
            ("the council.", "council"),
            ("Дмитрий Песков", "Дмитрий Песков"),
        ] {
            let span = Span::new(0, written.len());
            assert_eq!(actor_name(written, span), name, "{written}");
        }
    }

    #[test]
    fn ids_of_names_in_other_scripts_are_transliterated() {
        // Ids are ASCII: accents are folded and other scripts transliterated, so that a
        // name in Cyrillic or Armenian gives a readable id instead of `source-say`.
        assert_eq!(slug("Sébastien Moreau", "say"), "sebastien-moreau-say");
        assert_eq!(slug("Дмитрий Песков", "say"), "dmitrii-peskov-say");
        assert_eq!(slug("Արարատ Միրզոյան", "tell"), "ararat-mirzoyan-tell");
        assert_eq!(slug("Ann Dole", "according to"), "ann-dole-according-to");
        // Nothing to spell a word with: the fallback.
        assert_eq!(slug("\u{1f600}", "say"), "source-say");
    }

    #[test]
    fn a_title_before_the_name_is_the_actors_role() {
        let article = crate::article::Article::new(
            "Headline\n\nU.S. District Judge Maria Alvarez said the law was void. Greg \
             Hollis, a Republican who is running for governor, said he would appeal. \
             Alvarez said the state had no evidence.",
        );
        let out = super::draft(&article, &super::DraftOptions::default());
        // One actor for the judge, her title as her role, the surname one of her mentions.
        assert!(
            out.contains("actor Maria Alvarez\n  aka: U.S. District Judge Maria Alvarez\n  kind: person\n  role: U.S. District Judge\n"),
            "{out}"
        );
        assert!(!out.contains("actor Alvarez"), "{out}");
        // An apposition's relative clause is no part of the role.
        assert!(out.contains("  role: a Republican\n"), "{out}");
    }

    #[test]
    fn a_negated_cue_keeps_its_negation_and_names_no_stance() {
        let article = crate::article::Article::new(
            "Headline\n\nTom Reed did not deny that the dam was unsafe. Ann Dole \
             said the dam was safe.",
        );
        let out = super::draft(&article, &super::DraftOptions::default());
        assert!(
            out.contains("  cue: did not deny\n  quote: the dam was unsafe\n\n"),
            "{out}"
        );
        assert!(!out.contains("stance: denies"), "{out}");
        // An affirmed cue keeps its stance.
        assert!(
            out.contains("  cue: said\n  quote: the dam was safe\n  stance: asserts\n"),
            "{out}"
        );
    }

    #[test]
    fn a_possessive_pronoun_is_no_alias() {
        // `His claim that …` resolves `His` to Tom Reed; an `aka: His` would make every
        // `his` of the article a mention of him.
        let article = crate::article::Article::new(
            "Headline\n\n\"We are short by millions,\" Tom Reed said. His claim that the \
             city faced a deficit drew fire.",
        );
        let out = super::draft(&article, &super::DraftOptions::default());
        assert!(out.contains("actor Tom Reed"), "{out}");
        assert!(out.contains("cue: claim"), "{out}");
        assert!(!out.to_lowercase().contains("aka: his"), "{out}");
    }

    #[test]
    fn the_clauses_of_one_cue_are_one_claim() {
        let text = "Headline\n\nDan Hart said that the rules were under review, and that the \
                    plan would not end this year. Ann Vale said that the fares would rise.";
        let article = crate::article::Article::new(text);
        // The analysis reads one statement per clause.
        let on_said = article
            .attributions()
            .items
            .iter()
            .filter(|a| {
                a.cue()
                    .is_some_and(|c| c.start == text.find("said").unwrap())
            })
            .count();
        assert_eq!(on_said, 2);
        let out = super::draft(&article, &super::DraftOptions::default());
        assert_eq!(out.matches("\nclaim ").count(), 2, "{out}");
        assert!(
            out.contains(
                "quote: the rules were under review \u{2026} that the plan would not end this year"
            ),
            "{out}"
        );
        // Another speaker's clause after it stays its own claim.
        assert!(out.contains("source: Ann Vale"), "{out}");
        assert!(out.contains("quote: the fares would rise"), "{out}");
        // The claim records both statements and checks clean.
        let article = std::sync::Arc::new(article);
        let diags = crate::check::tests::check_defaults(&out, &article);
        assert!(diags.is_empty(), "{diags:#?}");
    }

    #[test]
    fn clauses_join_only_by_and_that_in_one_paragraph_with_one_cue_and_speaker() {
        let text = "Headline\n\nDan Hart said that the rules were under review, and that the \
                    plan would end, because the city is broke, and the fares rose, and\n\n\
                    that the board would meet. Ann Vale said that the fares would rise.";
        let article = crate::article::Article::new(text);
        let items = &article.attributions().items;
        let on = |cue: &str| {
            items
                .iter()
                .find(|a| a.cue().is_some_and(|c| c.slice(text) == cue))
                .unwrap()
                .clone()
        };
        let (hart, vale) = (on("said"), items.last().unwrap().clone());
        assert_eq!(vale.source().map(|s| s.slice(text)), Some("Ann Vale"));
        // Hart's first clause, then one whose words start at `text_of`.
        let words_at = |words: &str| {
            let at = text.find(words).unwrap();
            vec![Span::new(at, at + words.len())].into_boxed_slice()
        };
        let pair_after = |lead_words: &str, second: &Attribution, text_of: &str| {
            let mut lead = hart.clone();
            lead.content = words_at(lead_words);
            let mut next = second.clone();
            next.content = words_at(text_of);
            vec![lead, next]
        };
        let pair = |second: &Attribution, text_of: &str| {
            let mut lead = hart.clone();
            lead.content = words_at("the rules were under review");
            let mut next = second.clone();
            let at = text.find(text_of).unwrap();
            next.content = vec![Span::new(at, at + text_of.len())].into_boxed_slice();
            vec![lead, next]
        };
        let same = vec![Some((0, vec![])), Some((0, vec![]))];
        let clauses = |atts: &[Attribution], links: &[Option<(usize, Vec<usize>)>]| {
            later_clauses(&article, atts, 0, |i, j| links[i] == links[j])
        };
        assert_eq!(clauses(&pair(&hart, "that the plan would end"), &same), 1);
        // Another speaker, another cue, other words between, no `that`, another paragraph.
        let other = vec![Some((0, vec![])), Some((1, vec![]))];
        assert_eq!(clauses(&pair(&hart, "that the plan would end"), &other), 0);
        assert_eq!(clauses(&pair(&vale, "that the plan would end"), &same), 0);
        assert_eq!(clauses(&pair(&hart, "the city is broke"), &same), 0);
        let no_that = pair_after("the city is broke", &hart, "the fares rose");
        assert_eq!(clauses(&no_that, &same), 0);
        let next_paragraph = pair_after("the fares rose", &hart, "that the board would meet");
        assert_eq!(clauses(&next_paragraph, &same), 0);
        // Quoted words are not clauses of reported speech.
        let mut quoted = pair(&hart, "that the plan would end");
        quoted[1].kind = ContentKind::Direct;
        assert_eq!(clauses(&quoted, &same), 0);
        quoted.reverse();
        quoted[0].content = quoted[1].content.clone();
        quoted[1].kind = ContentKind::Indirect;
        let at = text.find("that the plan").unwrap();
        quoted[1].content = vec![Span::new(at, at + 23)].into_boxed_slice();
        assert_eq!(clauses(&quoted, &same), 0);
    }

    #[test]
    fn unique_ids_take_the_first_free_suffix() {
        let mut ids = Ids::default();
        let got: Vec<String> = ["a-say", "a-say", "a-say-2", "a-say", "b-say", "a-say"]
            .iter()
            .map(|b| unique_id(&mut ids, b))
            .collect();
        // `a-say-2` is taken by the second claim, so the base `a-say-2` gets `a-say-2-2`;
        // the fourth `a-say` skips nothing it should not: `a-say-3`.
        assert_eq!(
            got,
            [
                "a-say",
                "a-say-2",
                "a-say-2-2",
                "a-say-3",
                "b-say",
                "a-say-4"
            ]
        );
    }
}
