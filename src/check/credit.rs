//! C024, C025, C046 and C050: the claim against the article's own attributions (who the
//! article says said the quoted words, through whom), and the article's attributions
//! against the claims (which statements no claim records yet).
//!
//! The helpers here are shared with hover, completion and the claim drafter, so that all
//! of them name the credited speaker the same way.

use super::attribution::shared_mentions;
use super::Context;
use crate::article::attribution::{Attribution, Confidence};
use crate::article::Article;
use crate::diagnostic::{Code, Diagnostic, Edit, Fix, Related, Target, Text};
use crate::model::{fold_name, Actor, Annotation, Claim, UNNAMED};
use crate::text::Span;

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether one of `mentions` overlaps `span`, for mentions as [`shared_mentions`] gives
/// them: sorted by start, none inside another, so their ends ascend too. A search instead
/// of a pass (a frequent source has thousands of mentions in a long article, and claims
/// ask this in proportion to their number): the first mention ending after `span.start`
/// is the one starting first among those that may overlap it.
fn overlaps_any(mentions: &[Span], span: Span) -> bool {
    debug_assert!(mentions
        .windows(2)
        .all(|w| w[0].start <= w[1].start && w[0].end <= w[1].end));
    let i = mention_index(mentions, span.start, |m| m.end <= span.start);
    mentions.get(i).is_some_and(|m| overlaps(*m, span))
}

/// The run of `mentions` (sorted by start, as [`overlaps_any`]) that `span` contains, in
/// order.
fn mentions_inside(mentions: &[Span], span: Span) -> impl Iterator<Item = Span> + '_ {
    let from = mention_index(mentions, span.start, |m| m.start < span.start);
    mentions[from..]
        .iter()
        .take_while(move |m| m.start <= span.end)
        .copied()
        .filter(move |m| span.contains_span(*m))
}

/// `mentions.partition_point(below)` (for a `below` true of a prefix), looked for from
/// where the article offset `at` would fall if the mentions were spread evenly up to the
/// last one's end, by steps doubling away from there. In a long article a binary search
/// reads a dozen places of a list that is rarely in the cache, one after the other; a
/// source's mentions are spread through the article, so the guess is usually a few
/// entries off, and the steps read next to it.
pub(super) fn mention_index(mentions: &[Span], at: usize, below: impl Fn(&Span) -> bool) -> usize {
    let n = mentions.len();
    let Some(last) = mentions.last() else {
        return 0;
    };
    let guess = if last.end == 0 {
        0
    } else {
        ((at as u128 * n as u128) / last.end as u128).min(n as u128 - 1) as usize
    };
    if below(&mentions[guess]) {
        // The answer is after `guess`; everything before `lo` is below.
        let mut lo = guess + 1;
        let mut step = 1;
        while lo + step <= n && below(&mentions[lo + step - 1]) {
            lo += step;
            step *= 2;
        }
        let hi = (lo + step).min(n);
        lo + mentions[lo..hi].partition_point(&below)
    } else {
        // The answer is at `hi` or before; `hi` is not below.
        let mut hi = guess;
        let mut step = 1;
        while hi >= step && !below(&mentions[hi - step]) {
            hi -= step;
            step *= 2;
        }
        let lo = if hi >= step { hi - step + 1 } else { 0 };
        lo + mentions[lo..hi].partition_point(&below)
    }
}

/// The attribution whose content holds the words anchored at `anchor`: the one overlapping
/// it most, provided at least half of the quote lies in its content (a quote that merely
/// touches a neighbouring statement is not credited to it).
pub fn covering(article: &Article, anchor: Span) -> Option<&Attribution> {
    let att = article.attributions().covering(anchor)?;
    // `said that X, and that Y`: the analysis reads one statement per clause, both on the
    // same cue word (so of one speaker); a quote of both clauses is that statement's.
    let same_statement =
        |o: &&Attribution| !std::ptr::eq(*o, att) && o.cue().is_some() && o.cue() == att.cue();
    let shared = att.overlap(anchor)
        + article
            .attributions()
            .overlapping(anchor)
            .filter(same_statement)
            .map(|o| o.overlap(anchor))
            .sum::<usize>();
    // At least half of the quote lies in the content: a short attribution that merely
    // overlaps the end of a long quote is another statement. An elided quote's anchor
    // runs over what stands between the content's parts (the cue and the speaker of a
    // split quote); those words are not quoted, so they do not count against it.
    let quoted = anchor.len().saturating_sub(att.between_parts(anchor));
    (shared * 2 >= quoted.max(1)).then_some(att)
}

/// `span` without the characters other than letters and digits at its edges (the whole
/// span when it has none).
fn words_within(article: &Article, span: Span) -> Span {
    let text = span.slice(&article.text);
    let start = text.len()
        - text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let end = text.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    if end <= start {
        return span;
    }
    Span {
        start: span.start + start,
        end: span.start + end,
    }
}

/// [`covering`] for a claim: where statements tie for the quote (a statement nested in
/// another's content: `Trump tweeted that … and encouraged Americans to …`, the quote
/// in both), the one whose cue is the claim's is the one the claim records. `extra`: the
/// configured reporting verbs (`cueVerbs`). C024 and the hover read the same statement.
pub fn covering_claim<'a>(
    article: &'a Article,
    extra: &[Vec<String>],
    claim: &Claim,
    anchor: Span,
) -> Option<&'a Attribution> {
    // The quotation marks and punctuation a quote was copied with (`“That makes me
    // smart.”`) lie outside a direct quote's content but inside the content of a
    // statement around it: only the words say whose they are.
    let anchor = words_within(article, anchor);
    let best = covering(article, anchor)?;
    if cue_agrees_in(article, extra, claim, best) {
        return Some(best);
    }
    let most = best.overlap(anchor);
    article
        .attributions()
        .overlapping(anchor)
        .find(|a| {
            !std::ptr::eq(*a, best)
                && a.overlap(anchor) == most
                && cue_agrees_in(article, extra, claim, a)
        })
        .or(Some(best))
}

/// Pronouns a speaker may be written as; unresolved, they name no one.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "we", "it", "i", "you", "him", "her", "them", "who", "whom", "which",
    "that", "his", "its", "their", "our", "my", "your",
];

pub(crate) fn is_pronoun(text: &str) -> bool {
    PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(text.trim()))
}

/// Lowercased words of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The article's name for the speaker of `att`: the resolved mention when the source is a
/// pronoun or descriptor, else the source as written; without a leading article word.
pub fn speaker_text(article: &Article, att: &Attribution) -> Option<String> {
    let span = att.speaker()?;
    // As `claimls draft` names actors: no determiner, no title before a proper name.
    let name = crate::draft::actor_name(&article.text, span);
    let name = name
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    (!name.is_empty() && !is_pronoun(&name)).then_some(name)
}

/// The declared actor one of whose names the article uses at `span`.
pub fn actor_at<'m>(model: &'m Annotation, article: &Article, span: Span) -> Option<&'m Actor> {
    model.actors.iter().find(|actor| {
        shared_mentions(model, article, &actor.name)
            .iter()
            .any(|m| overlaps(*m, span))
    })
}

/// Every mention of every declared actor, sorted by start: [`actor_at`] for many spans
/// of one article at once. Built once per check; asking [`actor_at`] per statement copied
/// every actor's mentions each time, in proportion to the article.
#[derive(Debug, Default)]
pub struct ActorSpans {
    /// (mention, index of the actor in the model's list), by mention start, each number
    /// in 32 bits (the article's index holds articles below 4 GiB): 12 bytes a mention
    /// rather than 24, in a list of its exact length (an 8 MB article has about 100,000
    /// mentions of declared actors, and the list is made while a check's results are held).
    spans: Vec<MentionOf>,
    /// The longest mention's length: no mention starting further before a span reaches it.
    longest: usize,
}

/// A mention of a declared actor: start, end, the actor's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct MentionOf(u32, u32, u32);

const _: () = assert!(std::mem::size_of::<MentionOf>() == 12);

impl MentionOf {
    fn new(span: Span, actor: usize) -> MentionOf {
        let narrow = |n: usize| {
            debug_assert!(n <= u32::MAX as usize, "{n} beyond 32 bits");
            u32::try_from(n).unwrap_or(u32::MAX)
        };
        MentionOf(narrow(span.start), narrow(span.end), narrow(actor))
    }

    fn span(self) -> Span {
        Span::new(self.0 as usize, self.1 as usize)
    }

    fn actor(self) -> usize {
        self.2 as usize
    }
}

impl ActorSpans {
    pub fn new(model: &Annotation, article: &Article) -> Self {
        let mentions: Vec<_> = model
            .actors
            .iter()
            .map(|actor| shared_mentions(model, article, &actor.name))
            .collect();
        let mut spans: Vec<MentionOf> = Vec::with_capacity(mentions.iter().map(|m| m.len()).sum());
        for (i, found) in mentions.iter().enumerate() {
            spans.extend(found.iter().map(|m| MentionOf::new(*m, i)));
        }
        drop(mentions);
        spans.sort_unstable_by_key(|m| (m.0, m.2));
        let longest = spans.iter().map(|m| m.span().len()).max().unwrap_or(0);
        ActorSpans { spans, longest }
    }

    /// As [`actor_at`]: the first declared actor (in the model's order) one of whose
    /// mentions overlaps `span`.
    pub fn actor_at<'m>(&self, model: &'m Annotation, span: Span) -> Option<&'m Actor> {
        let lo = span.start.saturating_sub(self.longest);
        let from = self.spans.partition_point(|m| (m.0 as usize) < lo);
        self.spans[from..]
            .iter()
            .take_while(|m| (m.0 as usize) < span.end)
            .filter(|m| overlaps(m.span(), span))
            .map(|m| m.actor())
            .min()
            .and_then(|i| model.actors.get(i))
    }
}

/// The name a claim should give as `source:` for `att`: the declared actor the article
/// names there, else the article's own words for the speaker.
pub fn credited_name(model: &Annotation, article: &Article, att: &Attribution) -> Option<String> {
    credited_by(article, att, |span| actor_at(model, article, span))
}

/// [`credited_name`] with the actors' mentions indexed once ([`ActorSpans`]).
pub fn credited_name_in(
    model: &Annotation,
    article: &Article,
    att: &Attribution,
    actors: &ActorSpans,
) -> Option<String> {
    credited_by(article, att, |span| actors.actor_at(model, span))
}

fn credited_by<'m>(
    article: &Article,
    att: &Attribution,
    actor_at: impl Fn(Span) -> Option<&'m Actor>,
) -> Option<String> {
    for span in [att.resolved(), att.source()].into_iter().flatten() {
        if let Some(actor) = actor_at(span) {
            return Some(actor.name.clone());
        }
    }
    speaker_text(article, att)
}

/// Whether the claim's source `name` (with `mentions`, its mentions in the article) is the
/// speaker the article credits in `att`, or an intermediary of its chain named in the
/// content's own sentence (a claim may record "CNN reported citing a Syrian national" as
/// CNN's report; not a "he said" three paragraphs later).
pub fn names_speaker(
    model: &Annotation,
    article: &Article,
    name: &str,
    mentions: &[Span],
    att: &Attribution,
) -> bool {
    let content = att.content_span();
    let sentences = article.sentences_in(content);
    let own_sentence =
        |s: &Span| sentences.contains(&article.sentence_of(s.start).unwrap_or(usize::MAX));
    let spans: Vec<Span> = [att.source(), att.resolved()]
        .into_iter()
        .flatten()
        .chain(att.chain().iter().copied().filter(own_sentence))
        .collect();
    if spans.iter().any(|s| overlaps_any(mentions, *s)) {
        return true;
    }
    // Compared as words: the source as written (`the ministry`, `the Syrian man`) shares
    // its head word with one of the claim source's names, or the name is the same.
    let names: Vec<String> = match model.actor(name) {
        Some(actor) => actor.names().map(str::to_string).collect(),
        None => vec![name.to_string()],
    };
    let name_words: Vec<Vec<String>> = names.iter().map(|n| words(n)).collect();
    spans.iter().any(|s| {
        let text = s.slice(&article.text);
        if names.iter().any(|n| fold_name(n) == fold_name(text)) {
            return true;
        }
        let w = words(text);
        match w.last() {
            Some(head) if !is_pronoun(head) => name_words.iter().any(|n| n.contains(head)),
            _ => false,
        }
    })
}

/// Whether `name` reads as someone who can speak: not an adverb or a time or place
/// adverbial taken for the subject (`long` in "has long said", `In 1986`, `During a
/// speech`, `Twenty-two years ago`). Speaks firmly only of names and descriptions.
pub(crate) fn plausible_speaker(name: &str) -> bool {
    const NOT_FIRST: &[&str] = &[
        "in", "during", "on", "at", "after", "before", "since", "over", "under", "with", "without",
        "by", "for", "from", "as", "unlike", "like", "even",
    ];
    const ADVERBS: &[&str] = &[
        "long", "only", "together", "also", "still", "never", "often", "later", "earlier", "again",
        "already", "first", "then", "once", "ever", "soon", "left",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let lower = first.to_lowercase();
    let adverb = !first.starts_with(char::is_uppercase)
        && (ADVERBS.contains(&lower.as_str()) || lower.ends_with("ly"));
    !(adverb
        || NOT_FIRST.contains(&lower.as_str())
        || words.iter().any(|w| w.eq_ignore_ascii_case("ago")))
}

/// Whether the article's speaker `name` is firm enough to tell an annotator that their
/// source is wrong (C024): a [plausible speaker](plausible_speaker) that is also not a
/// day or a month (`Tuesday`), not the person spoken to (`me`), not a lone possessor
/// (`Oz's`), and not a piece of a clause (`sent the letter`, `decision by the FBI to`,
/// `Following a`). Where the analysis misread the subject, silence beats a wrong
/// correction.
pub(crate) fn firm_speaker(name: &str) -> bool {
    const NOT_FIRST: &[&str] = &[
        "of",
        "to",
        "following",
        "despite",
        "according",
        "about",
        "into",
        "than",
    ];
    // Words a description may open with when it does not open with a capital.
    const DESCRIPTION_OPENERS: &[&str] = &[
        "the", "a", "an", "another", "some", "several", "many", "most", "few", "both", "all",
        "two", "three", "four", "five", "his", "her", "their", "its", "our", "one", "other",
        "others", "this", "that", "these", "those", "no", "each", "every", "any", "top", "senior",
        "former", "local", "federal", "state",
    ];
    const LOOSE_ENDS: &[&str] = &[
        "of", "to", "a", "an", "the", "and", "or", "for", "with", "by", "from", "in", "on", "at",
        "despite", "that", "who", "which", "as",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let lower = first.to_lowercase();
    let lower_last = last
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let capital = first.starts_with(char::is_uppercase);
    let time = capital
        && words.len() == 1
        && (crate::article::attribution::WEEKDAYS.contains(&lower.as_str())
            || crate::article::attribution::MONTHS.contains(&lower.as_str()));
    let object = words.len() == 1 && matches!(lower.as_str(), "me" | "us" | "myself");
    let possessor = words.len() == 1 && (last.ends_with("'s") || last.ends_with("\u{2019}s"));
    // A bare lowercase phrase of three words or more is a piece of a clause, not a
    // description (`event brought back memories`); `officials familiar with …` is lost
    // to this, on the side of silence.
    let clause = !capital && words.len() >= 3 && !DESCRIPTION_OPENERS.contains(&lower.as_str());
    plausible_speaker(name)
        && !(time
            || object
            || possessor
            || clause
            || NOT_FIRST.contains(&lower.as_str())
            || (words.len() > 1 && LOOSE_ENDS.contains(&lower_last.as_str())))
}

/// Whether the claim's cue (when it has one) has a word in the attribution's own cue
/// (with its addressee and intermediaries).
fn cue_agrees(ctx: &Context<'_>, claim: &Claim, att: &Attribution) -> bool {
    cue_agrees_in(ctx.article, &ctx.config.cue_verbs, claim, att)
}

/// [`cue_agrees`] with the article and the configured reporting verbs given apart.
pub(super) fn cue_agrees_in(
    article: &Article,
    extra: &[Vec<String>],
    claim: &Claim,
    att: &Attribution,
) -> bool {
    let Some(cue) = claim.cue.as_ref().filter(|c| !c.value.is_empty()) else {
        return true;
    };
    let wanted: Vec<String> = super::cue::content_words(&cue.value.text)
        .iter()
        .map(|w| super::cue::stem(w, extra))
        .collect();
    if wanted.is_empty() {
        return true;
    }
    let Some(region) = att
        .cue()
        .into_iter()
        .chain(att.addressee())
        .chain(att.chain().iter().copied())
        .reduce(Span::cover)
        .filter(|r| r.len() <= 400)
    else {
        return false;
    };
    super::cue::words(region.slice(&article.text))
        .any(|w| wanted.contains(&super::cue::stem(w, extra)))
}

fn content_or(att: &Attribution, fallback: Span) -> Span {
    att.content.first().copied().unwrap_or(fallback)
}

/// Whether the source as written is a pronoun nothing resolves, so the article names no
/// one for this statement.
fn anonymous_pronoun(article: &Article, att: &Attribution) -> bool {
    att.resolved().is_none()
        && att
            .source()
            .is_none_or(|s| is_pronoun(s.slice(&article.text)))
}

/// The 1-based body paragraph of `offset`, or 0 for the headline.
pub fn paragraph_number(article: &Article, offset: usize) -> usize {
    if article.in_header(offset) {
        0
    } else {
        article.paragraph_of(offset).map_or(0, |p| p + 1)
    }
}

/// Whether the mention `m`, inside the content of `att`, is the speaker (as written or
/// resolved) of another attribution whose words share that content: a statement nested
/// in it, or a neighbouring one the content runs into. Either way the article gives
/// that name words of its own there, and the analysis cannot say firmly whose these are,
/// unless the claim quotes that statement's speaker and cue themselves ("Trump said that
/// *Clinton once described the deal as …*" quoted from `Clinton`): words that tell what
/// someone said are not theirs. `quote` is where the claim's quote is anchored; an elided
/// quote ("what … was economic gerrymandering") spans words it does not quote, so the
/// speaker and the cue must be in its text too.
fn speaks_inside(
    article: &Article,
    att: &Attribution,
    m: Span,
    claim: &Claim,
    quote: Span,
) -> bool {
    let content = att.content_span();
    // The claim's quotes as compared: read only when a statement may be framed in them.
    let texts = std::cell::OnceCell::new();
    let quoted = |span: Span| {
        quote.contains_span(span) && {
            let words = crate::text::collapse_whitespace(span.slice(&article.text)).to_lowercase();
            texts
                .get_or_init(|| {
                    claim
                        .quotes
                        .iter()
                        .map(|q| crate::text::collapse_whitespace(&q.value.text).to_lowercase())
                        .collect::<Vec<_>>()
                })
                .iter()
                .any(|q| q.contains(&words))
        }
    };
    article.attributions().overlapping(content).any(|inner| {
        !std::ptr::eq(inner, att)
            && [inner.source(), inner.resolved()]
                .into_iter()
                .flatten()
                .any(|s| overlaps(s, m))
            // Words the claim does not quote are no reason for silence: a statement the
            // content runs into after the quote (`Republicans said they were convinced
            // … and Democrats accused the GOP …`, quoted up to `convinced …`) is not
            // where the quoted words come from.
            && inner.content.iter().any(|c| overlaps(*c, quote))
            && !inner
                .source()
                .zip(inner.cue())
                .is_some_and(|(s, c)| quoted(s) && quoted(c))
    })
}

/// A `Low` attribution the claim itself bears out, as written (no resolution), or `None`:
/// the claim's cue is one of the attribution's cue words (the annotator read the same act),
/// the speaker is written out (not a pronoun) in the content's own sentences, and the
/// claim's source is mentioned nowhere in the sentences holding the speaker, the cue and
/// the content. Then the article names one actor for the act and the claim another,
/// though the analysis itself is unsure whether the act is a statement: worth a warning.
fn confirmed_low(
    ctx: &Context<'_>,
    claim: &Claim,
    att: &Attribution,
    mentions: &[Span],
) -> Option<Attribution> {
    let article = ctx.article;
    claim
        .cue
        .as_ref()
        .filter(|c| !c.value.text.trim().is_empty())?;
    let (cue, source) = (att.cue()?, att.source()?);
    if is_pronoun(source.slice(&article.text)) || !cue_agrees(ctx, claim, att) {
        return None;
    }
    let content = att.content_span();
    let region = content.cover(cue).cover(source);
    let header = article.in_header(content.start);
    if header != article.in_header(source.start) || header != article.in_header(cue.start) {
        return None;
    }
    let region = if header {
        article.headline.map_or(region, |h| h.cover(region))
    } else {
        // The speaker and the cue stand in the content's own sentences.
        let own = article.sentences_in(content);
        let at = |o: usize| article.sentence_of(o).is_some_and(|i| own.contains(&i));
        if !at(source.start) || !at(cue.start) {
            return None;
        }
        let sentences = article.sentences();
        Span::new(
            sentences[own.start].span().start.min(region.start),
            sentences[own.end - 1].span().end.max(region.end),
        )
    };
    // A mention inside the content is what the speaker talks about (`Trump retweeted a
    // photo of Heidi Cruz`); [`compare`] still keeps silent where it speaks there itself.
    if mentions_inside(mentions, region).any(|m| !content.contains_span(m)) {
        return None;
    }
    let mut att = att.clone();
    att.set_resolved(None);
    Some(att)
}

/// A `Low` attribution with no cue of its own that its paragraph still makes plain, as
/// written (no resolution), or `None`: words carried on from a speaker written out in the
/// same paragraph (`"…," Jane Doe said. "…"`) or a headline's `Jane Doe: …`. When the
/// claim's source is mentioned nowhere in that paragraph (or headline), the article gives
/// the words to one actor and the claim to another it does not name there: worth a
/// warning. A pronoun as the speaker is not enough: its resolution is dropped here, and
/// [`compare`] finds no one named.
fn confirmed_uncued(
    ctx: &Context<'_>,
    att: &Attribution,
    mentions: &[Span],
) -> Option<Attribution> {
    let article = ctx.article;
    if att.cue().is_some() {
        return None;
    }
    let source = att.source()?;
    let content = att.content_span();
    let block = article.text_block(content.start)?;
    let inside = |s: Span| block.start <= s.start && s.end <= block.end;
    if !inside(source) || overlaps_any(mentions, block) {
        return None;
    }
    let mut att = att.clone();
    att.set_resolved(None);
    Some(att)
}

/// C024: the claim's source is not who the article credits with the quoted words.
/// Returns whether the attribution settled the source (then C021's proximity test is moot).
pub(super) fn source(
    ctx: &Context<'_>,
    claim: &Claim,
    quote: Span,
    att: Option<&Attribution>,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let Some(att) = att else {
        return false;
    };
    let Some(field) = &claim.source else {
        return false;
    };
    let name = field.value.text.as_str();
    if name.is_empty() || name.eq_ignore_ascii_case(UNNAMED) {
        return att.confidence >= Confidence::Medium;
    }
    let mentions = ctx.mentions_of(name);
    if mentions.is_empty() {
        // C020 speaks for a source the article never names.
        return att.confidence >= Confidence::Medium;
    }
    // A weak attribution (an act read off a verb outside the reporting lexicon, a
    // headline form) speaks only where the claim's own cue confirms it; see
    // [`confirmed_low`]. It is then compared as written, never through a resolution.
    if att.confidence >= Confidence::Medium {
        return compare(ctx, claim, quote, att, &mentions, false, out);
    }
    // Nothing is settled by a weak attribution: C021's proximity test still runs unless
    // C024 was reported.
    match confirmed_low(ctx, claim, att, &mentions)
        .or_else(|| confirmed_uncued(ctx, att, &mentions))
    {
        Some(a) => {
            let before = out.len();
            compare(ctx, claim, quote, &a, &mentions, true, out);
            out.len() > before
        }
        None => false,
    }
}

/// The comparison of C024 proper, for the claim's named `source:` (with `mentions`, its
/// mentions in the article) against `att`; returns whether the attribution settled it.
/// `cue_settled`: the claim's cue was already weighed ([`confirmed_low`]), or the
/// attribution has none to weigh it against ([`confirmed_uncued`]).
fn compare(
    ctx: &Context<'_>,
    claim: &Claim,
    quote: Span,
    att: &Attribution,
    mentions: &[Span],
    cue_settled: bool,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let Some(field) = &claim.source else {
        return false;
    };
    let name = field.value.text.as_str();
    let article = ctx.article;
    if anonymous_pronoun(article, att) {
        return false;
    }
    if names_speaker(ctx.model, article, name, mentions, att) {
        return true;
    }
    // A pronoun as the source names no one to compare; a source the article makes the
    // speaker of a statement nested in the content ("the video contradicts the police's
    // claim that …") may be the claim's; a cue that is not the attribution's speaks of
    // another attribution of the same words. In all three the article is not clearly
    // against the claim. A source merely named in the content is what the speaker talks
    // about (`Graham said Trump …` annotated as Trump's words): the commonest wrong
    // speaker of all, so it is no reason for silence.
    // `each`, `both`, `others` stand for speakers named elsewhere, as pronouns do.
    let quantifier = [
        "each", "both", "all", "some", "others", "many", "several", "most", "one",
    ]
    .iter()
    .any(|q| q.eq_ignore_ascii_case(name));
    if ctx.model.actor(name).is_none() && (is_pronoun(name) || quantifier) {
        return false;
    }
    let content = att.content_span();
    if mentions_inside(mentions, content).any(|m| speaks_inside(article, att, m, claim, quote)) {
        return false;
    }
    if !cue_settled && !cue_agrees(ctx, claim, att) {
        return false;
    }
    let Some(credited) = credited_name(ctx.model, article, att) else {
        return false;
    };
    if !firm_speaker(&credited) {
        return false;
    }
    let speaker = att.speaker().expect("a credited name has a speaker");
    let cue = att
        .cue()
        .map(|c| crate::text::collapse_whitespace(c.slice(&article.text)));
    let para = paragraph_number(article, att.cue().unwrap_or(content_or(att, speaker)).start);
    let place = match (&cue, para) {
        (Some(c), 0) => format!(" (`{c}`, headline)"),
        (Some(c), p) => format!(" (`{c}`, paragraph {p})"),
        (None, 0) => " (headline)".to_string(),
        (None, p) => format!(" (paragraph {p})"),
    };
    let resolved = att.resolved().is_some() && att.confidence < Confidence::High;
    let mut d = Diagnostic::new(
        Code::SourceMismatch,
        field.value.span(),
        format!(
            "the article credits these words to `{credited}`{place}{}, not `{name}`: expected `source: {credited}`",
            if resolved {
                format!(
                    ", whom `{}` refers to",
                    crate::text::collapse_whitespace(
                        att.source().unwrap_or(speaker).slice(&article.text)
                    )
                )
            } else {
                String::new()
            }
        ),
    );
    if att.confidence < Confidence::High {
        d.severity = crate::diagnostic::Severity::Warning;
    }
    if let Some(c) = att.cue() {
        d = d.with_related(Target::Article, c, "the cue");
    }
    if let Some(s) = att.source() {
        d = d.with_related(Target::Article, s, "the speaker the article names");
    }
    if let Some(r) = att.resolved().filter(|r| Some(*r) != att.source()) {
        d = d.with_related(Target::Article, r, "whom the speaker refers to");
    }
    out.push(d.with_fix(
        format!("Change to `{credited}`"),
        field.value.span(),
        credited,
    ));
    true
}

/// C024 where the attribution analysis settled nothing (no attribution covers the quote,
/// or the one covering it is `Low` and not borne out, or its cue is not the claim's): the
/// quote's own sentence names someone as the subject of a reporting verb that is the
/// claim's own cue (`…, Jane Doe said`, `Jane Doe has said …`), and never mentions the
/// claim's source. The analysis did not join that cue to the words (a quote over several
/// sentences, a misread act), but the annotator's cue stands next to another name. A
/// warning; silent when
/// the name before the verb is an object (`told Jane Doe`, `of the mayor`) or the claim's
/// source is mentioned anywhere in those sentences.
pub(super) fn sentence_credit(
    ctx: &Context<'_>,
    claim: &Claim,
    anchor: Span,
    out: &mut Vec<Diagnostic>,
) -> bool {
    /// Words that may stand between a subject and its verb (`has said`, `also told`,
    /// `is not`), and that a cue's verb is not.
    const BETWEEN: &[&str] = &[
        "has",
        "had",
        "have",
        "also",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "will",
        "would",
        "then",
        "later",
        "did",
        "does",
        "do",
        "not",
        "earlier",
        "previously",
        "again",
        "recently",
        "repeatedly",
        "once",
    ];
    /// Words before a name that make it the object or a modifier, not the subject.
    const NOT_SUBJECT: &[&str] = &[
        "to", "by", "of", "with", "for", "from", "on", "in", "at", "about", "against", "told",
        "asked", "and", "or", "than", "as", "like", "between", "that", "whom",
    ];
    let (Some(field), Some(cue)) = (&claim.source, &claim.cue) else {
        return false;
    };
    let name = field.value.text.as_str();
    let article = ctx.article;
    if name.is_empty()
        || name.eq_ignore_ascii_case(UNNAMED)
        || is_pronoun(name)
        || article.in_header(anchor.start)
    {
        return false;
    }
    let extra = &ctx.config.cue_verbs;
    // The cue's verb: its first word that is not an auxiliary or an adverb of time.
    let targets: Vec<String> = super::cue::content_words(&cue.value.text)
        .into_iter()
        .find(|w| !BETWEEN.contains(&w.to_lowercase().as_str()))
        .map(|w| super::cue::stem(w, extra))
        .into_iter()
        .collect();
    if targets.is_empty() {
        return false;
    }
    let range = article.sentences_in(anchor);
    let sentences = article.sentences();
    if range.is_empty() || range.end > sentences.len() {
        return false;
    }
    let region = Span::new(
        sentences[range.start].span().start.min(anchor.start),
        sentences[range.end - 1].span().end.max(anchor.end),
    );
    let mentions = ctx.mentions_of(name);
    if mentions.is_empty() || overlaps_any(&mentions, region) {
        return false;
    }
    let text = &article.text;
    // The words of the sentences, with their spans.
    let mut spans: Vec<Span> = Vec::new();
    let mut start = None;
    for (i, c) in region.slice(text).char_indices() {
        match (super::cue::is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push(Span::new(region.start + s, region.start + i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push(Span::new(region.start + s, region.end));
    }
    let word = |s: &Span| {
        super::cue::cue_word(s.slice(text))
            .unwrap_or("")
            .to_lowercase()
    };
    let Some(k) = spans.iter().position(|s| {
        !overlaps(*s, anchor) && targets.contains(&super::cue::stem(&word(s), extra))
    }) else {
        return false;
    };
    let verb = spans[k];
    let mention_ending = |end: usize| {
        article
            .candidates()
            .iter()
            .flat_map(|c| c.mentions.iter().copied())
            .filter(|m| m.end == end && m.start >= region.start && !overlaps(*m, anchor))
            .max_by_key(|m| m.len())
    };
    // The name before the verb: back over at most three auxiliaries and adverbs to the
    // subject's last word, nothing but spaces and the skipped words between.
    let before_verb = || {
        let mut j = k;
        for _ in 0..4 {
            if j == 0 {
                return None;
            }
            j -= 1;
            if !BETWEEN.contains(&word(&spans[j]).as_str()) {
                break;
            }
        }
        if spans[j..=k]
            .windows(2)
            .any(|w| !text[w[0].end..w[1].start].trim().is_empty())
        {
            return None;
        }
        let subject = mention_ending(spans[j].end)?;
        let before = spans.iter().rev().find(|s| s.end <= subject.start);
        if let Some(b) = before {
            let gap = &text[b.end..subject.start];
            if gap.trim().is_empty() && NOT_SUBJECT.contains(&word(b).as_str()) {
                return None;
            }
        }
        Some(subject)
    };
    // Or the name right after it when the verb opens a reporting clause after a comma or
    // a closing quotation mark (`"…," said Ann Dole.`): the inverted order of news
    // writing. The name must end the clause (a comma or the sentence's end after it).
    let after_verb = || {
        let prev = k.checked_sub(1).map(|p| spans[p])?;
        let gap = text[prev.end..verb.start].trim();
        if !gap.ends_with([',', '\u{201d}', '"']) || !gap.contains(',') {
            return None;
        }
        let next = *spans.get(k + 1)?;
        if !text[verb.end..next.start].trim().is_empty() {
            return None;
        }
        let subject = article
            .candidates()
            .iter()
            .flat_map(|c| c.mentions.iter().copied())
            .filter(|m| m.start == next.start && m.end <= region.end && !overlaps(*m, anchor))
            .max_by_key(|m| m.len())?;
        let after = text[subject.end..region.end].trim_start();
        (after.is_empty() || after.starts_with([',', '.', ';'])).then_some(subject)
    };
    let Some(subject) = before_verb().or_else(after_verb) else {
        return false;
    };
    let credited = actor_at(ctx.model, article, subject)
        .map(|a| a.name.clone())
        .unwrap_or_else(|| {
            crate::draft::actor_name(text, subject)
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        });
    // The same head word (`the senator` for `Senator Jane Doe`) may be the same one.
    let head = words(&credited);
    let own: Vec<String> = match ctx.model.actor(name) {
        Some(actor) => actor.names().flat_map(words).collect(),
        None => words(name),
    };
    // A name, not a description (`the clip says`): the sentence must name someone.
    if !credited.starts_with(char::is_uppercase)
        || !firm_speaker(&credited)
        || head.last().is_some_and(|h| own.contains(h))
    {
        return false;
    }
    let para = paragraph_number(article, verb.start);
    let verb_text = verb.slice(text);
    let d = Diagnostic::new(
        Code::SourceMismatch,
        field.value.span(),
        format!(
            "the quote's sentence credits these words to `{credited}` (`{verb_text}`, paragraph {para}), not `{name}`: expected `source: {credited}`"
        ),
    )
    .with_related(Target::Article, verb, "the cue")
    .with_related(Target::Article, subject, "the speaker the sentence names");
    let mut d = d.with_fix(
        format!("Change to `{credited}`"),
        field.value.span(),
        credited,
    );
    d.severity = crate::diagnostic::Severity::Warning;
    out.push(d);
    true
}

/// C025: an intermediary of `via:` that is not in the quote's chain, or listed in another
/// order than the chain. Leaving intermediaries out is fine; publishers are skipped.
pub(super) fn via(
    ctx: &Context<'_>,
    claim: &Claim,
    att: Option<&Attribution>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(att) = att.filter(|a| a.confidence >= Confidence::Medium && !a.chain().is_empty())
    else {
        return;
    };
    let article = ctx.article;
    // The chain as the quote's paragraph (or the one before) names it: an intermediary
    // carried from further away is not firm enough to contradict the claim.
    let para = article.paragraph_of(att.content_span().start);
    let near = |s: &Span| {
        article.in_header(s.start)
            || matches!((article.paragraph_of(s.start), para), (Some(c), Some(p)) if c <= p && p - c <= 1)
    };
    if !att.chain().iter().all(near) {
        return;
    }
    let publishers = ctx.model.header.publishers();
    let chain_text = att
        .chain()
        .iter()
        .map(|s| {
            format!(
                "`{}`",
                crate::text::collapse_whitespace(s.slice(&article.text))
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut last: Option<usize> = None;
    for item in claim.via_items() {
        if publishers
            .iter()
            .any(|p| p.text.eq_ignore_ascii_case(&item.text))
        {
            continue;
        }
        let mentions = ctx.mentions_of(&item.text);
        if mentions.is_empty() {
            continue; // C023
        }
        let position = att
            .chain()
            .iter()
            .position(|c| overlaps_any(&mentions, *c) || same_words(article, *c, &item.text));
        let addressee = att.addressee().is_some_and(|a| overlaps_any(&mentions, a));
        match position {
            Some(p) => {
                if last.is_some_and(|l| p < l) {
                    out.push(
                        Diagnostic::new(
                            Code::ViaMismatch,
                            item.span,
                            format!(
                                "intermediary `{}` is listed after one that is nearer the source in the article's chain ({chain_text}): list intermediaries nearest the source first",
                                item.text
                            ),
                        )
                        .with_related(Target::Article, att.chain()[p], "in the chain here"),
                    );
                }
                last = Some(last.map_or(p, |l| l.max(p)));
            }
            None if addressee => {}
            None => {
                let mut d = Diagnostic::new(
                    Code::ViaMismatch,
                    item.span,
                    format!(
                        "intermediary `{}` is not in the chain through which the article says these words came ({chain_text}): list only those, nearest the source first",
                        item.text
                    ),
                );
                for c in att.chain() {
                    d = d.with_related(Target::Article, *c, "an intermediary of this quote");
                }
                out.push(d);
            }
        }
    }
}

fn same_words(article: &Article, span: Span, name: &str) -> bool {
    let a = words(span.slice(&article.text));
    let b = words(name);
    !b.is_empty() && (a == b || a.ends_with(&b))
}

/// C046 for `source:`: a name that is no declared name but one typo away from one. (Cached
/// with the claim, so it points at nothing outside the claim.)
pub(super) fn source_typo(ctx: &Context<'_>, claim: &Claim, out: &mut Vec<Diagnostic>) {
    let Some(field) = &claim.source else { return };
    let name = field.value.text.as_str();
    if name.chars().count() < 4
        || name.eq_ignore_ascii_case(UNNAMED)
        || ctx.model.actor(name).is_some()
    {
        return;
    }
    let known = ctx.source_typos.borrow().get(name).cloned();
    let typo_of = known.unwrap_or_else(|| {
        let found = declared_name_near(ctx.model, name);
        ctx.source_typos
            .borrow_mut()
            .insert(name.into(), found.clone());
        found
    });
    let Some((alias, whose)) = typo_of else {
        return;
    };
    out.push(
        Diagnostic::new(
            Code::AliasNotInArticle,
            field.value.span(),
            format!("source `{name}` is not declared; did you mean `{alias}`, {whose}?"),
        )
        .with_fix(format!("Change to `{alias}`"), field.value.span(), alias),
    );
}

/// A declared name (actor or alias) that a `source:` name is a typo of, and whose name it
/// is ("a declared actor", "an alias of `X`").
pub(super) type TypoOf = (String, String);

/// The closest declared name that `name` is a typo of ([`TypoOf`]).
fn declared_name_near(model: &Annotation, name: &str) -> Option<TypoOf> {
    let folded = fold_name(name);
    let length = folded.chars().count();
    let (_, actor, alias) = model
        .actors
        .iter()
        .flat_map(|a| a.names().map(move |n| (a, n)))
        .filter_map(|(a, n)| {
            let budget = typo_budget(n);
            let other = fold_name(n);
            // The distance is at least the difference in length: most names are ruled
            // out without the quadratic comparison.
            if other.chars().count().abs_diff(length) > budget {
                return None;
            }
            let d = strsim::damerau_levenshtein(&folded, &other);
            (d > 0 && d <= budget).then_some((d, a, n))
        })
        .min_by_key(|(d, _, _)| *d)?;
    let whose = if actor.name == alias {
        "a declared actor".to_string()
    } else {
        format!("an alias of `{}`", actor.name)
    };
    Some((alias.to_string(), whose))
}

/// Edits a name may be off by and still read as a typo of it.
fn typo_budget(name: &str) -> usize {
    match name.chars().count() {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    }
}

/// C046 for `aka:`: aliases the article never uses, with the article's closest name.
pub(super) fn unused_aliases(model: &Annotation, article: &Article) -> Vec<Diagnostic> {
    let mut unused = Vec::new();
    for actor in &model.actors {
        let person =
            actor.is_person() || (actor.kind.is_none() && article.looks_like_person(&actor.name));
        for alias in &actor.aliases {
            if alias.text.trim().is_empty() || !article.mentions(&alias.text, person).is_empty() {
                continue;
            }
            unused.push((actor, alias));
        }
    }
    if unused.is_empty() {
        return Vec::new();
    }
    // Only names close to an unused alias can be offered: their mentions are all that is
    // looked for (the article's every name is not needed), in one pass over the article
    // for all the aliases. Each alias then picks among the names close to it, which are
    // the names a pass for it alone would give (candidates are merged by key only).
    let lowers: Vec<String> = unused.iter().map(|(_, a)| fold_name(&a.text)).collect();
    let near =
        article.candidate_names_where(|n| lowers.iter().any(|lower| similar(lower, n).is_some()));
    let names: Vec<&str> = near.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for (actor, alias) in unused {
        let suggestion = closest(&alias.text, &names);
        let mut message = format!(
            "alias `{}` of `{}` is never used in the article",
            alias.text, actor.name
        );
        match suggestion {
            Some(s) => message.push_str(&format!(": did you mean `{s}`?")),
            None => {
                message.push_str(": write a name as the article spells it, or remove the alias")
            }
        }
        let mut d = Diagnostic::new(Code::AliasNotInArticle, alias.span, message);
        if let Some(s) = suggestion {
            d = d.with_fix(format!("Change to `{s}`"), alias.span, s);
        }
        out.push(d);
    }
    out
}

/// An article name close to `name` (a typo), or one that ends with `name` corrected.
fn closest<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
    let lower = fold_name(name);
    names
        .iter()
        .filter_map(|n| Some((similar(&lower, n)?, *n)))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}

/// The similarity of article name `n` to a name folded as `lower`, when [`closest`] can
/// offer it: at least 0.75, and not the same name.
fn similar(lower: &str, n: &str) -> Option<f64> {
    let len = lower.chars().count();
    let folded = fold_name(n);
    // The similarity is 1 - distance / longer length, and the distance is at least the
    // difference of the lengths: a name too much longer or shorter can never reach 0.75,
    // so it is not compared letter by letter.
    let other = folded.chars().count();
    let longer = len.max(other);
    if longer > 0 && 1.0 - (len.abs_diff(other) as f64) / (longer as f64) < 0.75 {
        return None;
    }
    let sim = strsim::normalized_damerau_levenshtein(lower, &folded);
    (sim >= 0.75 && folded != lower).then_some(sim)
}

/// C050: how many attributions the article has, and the indices of those no claim's
/// quote (one of `anchors`) overlaps, in article order.
pub(super) fn unannotated(article: &Article, anchors: &[Span]) -> (usize, Vec<usize>) {
    let items = &article.attributions().items;
    let mut sorted: Vec<Span> = anchors.to_vec();
    sorted.sort_unstable();
    // The furthest end among the anchors up to each one (anchors sorted by start).
    let mut reach = Vec::with_capacity(sorted.len());
    let mut furthest = 0;
    for a in &sorted {
        furthest = furthest.max(a.end);
        reach.push(furthest);
    }
    let mut missing = Vec::new();
    let mut total = 0;
    for (i, att) in items.iter().enumerate() {
        if !worth_annotating(article, att) {
            continue;
        }
        total += 1;
        let covered = att.content.iter().any(|c| {
            // Some anchor starting before the part's end reaches past its start.
            let upto = sorted.partition_point(|a| a.start < c.end.max(c.start + 1));
            upto > 0 && reach[upto - 1] > c.start
        });
        if !covered {
            missing.push(i);
        }
    }
    (total, missing)
}

/// Whether C050 asks for a claim for `att`: not for a low-confidence act read off a verb
/// outside the reporting lexicon (`the two states signed a rail deal in 2019`). Those
/// help drafts and completion find speakers, but asking for a claim for every action an
/// article reports would make C050 cry wolf.
fn worth_annotating(article: &Article, att: &Attribution) -> bool {
    if att.confidence != Confidence::Low {
        return true;
    }
    let Some(cue) = att.cue() else {
        return true;
    };
    let first = cue
        .slice(&article.text)
        .split_whitespace()
        .next()
        .unwrap_or("");
    crate::article::attribution::lexicon::verb(first).is_some()
}

/// What C050 says of one statement (its message and drafted claim), remembered between
/// runs: on every keystroke the same statements are unannotated, and drafting them again
/// (their speakers resolved against the declared actors) cost most of an edit.
#[derive(Debug, Default)]
pub(super) struct UnannotatedMemo {
    /// Article identity, declared actors and configuration, and the file's claim ids: what
    /// the texts depend on.
    key: u64,
    /// By attribution: the message, the fix's text (the drafted claim after the separator
    /// the file's end asks for), shared with every finding made from it, and the
    /// statement's span.
    texts: rustc_hash::FxHashMap<usize, (Text, std::sync::Arc<str>, Span)>,
    /// The separator the texts were made with.
    sep: &'static str,
    /// The related location's note and the fix's title, the same in every finding.
    note: Option<(Text, Text)>,
}

/// The C050 findings for the attributions `missing` (indices into the article's list):
/// reported on the header's `article:` field (else the file's first line) with the
/// statement as related article location, and a fix appending a drafted claim. `key`
/// identifies what the memo's texts depend on (see [`UnannotatedMemo`]).
pub(super) fn unannotated_diagnostics(
    text: &str,
    model: &Annotation,
    article: &Article,
    missing: &[usize],
    memo: &mut UnannotatedMemo,
    key: u64,
) -> Vec<Diagnostic> {
    let items = &article.attributions().items;
    let at = model
        .header
        .article
        .as_ref()
        .map(|f| f.value.span())
        .unwrap_or_else(|| {
            let end = text.find(['\n', '\r']).unwrap_or(text.len());
            Span::new(0, end)
        });
    if missing.is_empty() {
        return Vec::new();
    }
    let end = text.len();
    let sep = separator(text);
    if memo.key != key || memo.sep != sep {
        memo.key = key;
        memo.sep = sep;
        memo.texts.clear();
    }
    // Findings are built from shared texts: one costs its two one-item lists, not copies
    // of its strings (thousands are made again on every keystroke on a big article).
    let (note, title) = memo
        .note
        .get_or_insert_with(|| {
            (
                Text::from("the unannotated statement"),
                Text::from("Add a claim for this statement"),
            )
        })
        .clone();
    let mut taken = None;
    let mut out = Vec::with_capacity(missing.len());
    for &i in missing {
        // A statement drafted before is not read again (on a big article, reaching
        // thousands of statements scattered over it was a good part of an edit).
        let (message, block, content) = match memo.texts.entry(i) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                let Some(att) = items.get(i) else { continue };
                let (taken, actors) = taken.get_or_insert_with(|| {
                    (
                        crate::draft::claim_id_refs(model),
                        ActorSpans::new(model, article),
                    )
                });
                let (message, block) = unannotated_texts(model, article, att, taken, actors);
                v.insert((
                    message.into(),
                    format!("{sep}{block}").into(),
                    att.content_span(),
                ))
            }
        };
        out.push(Diagnostic {
            code: Code::UnannotatedAttribution,
            severity: Code::UnannotatedAttribution.default_severity(),
            message: message.clone(),
            span: at,
            related: vec![Related {
                target: Target::Article,
                span: *content,
                message: note.clone(),
            }],
            fix: Some(Fix {
                title: title.clone(),
                edits: vec![Edit {
                    span: Span::empty(end),
                    replacement: block.clone(),
                }],
            }),
        });
    }
    out
}

/// The message and the drafted claim block of C050 for one statement.
fn unannotated_texts(
    model: &Annotation,
    article: &Article,
    att: &Attribution,
    taken: &impl crate::draft::IdSet,
    actors: &ActorSpans,
) -> (String, String) {
    let content = att.content_span();
    let words = crate::text::clip(
        &crate::text::collapse_whitespace(content.slice(&article.text)),
        60,
    );
    let who = credited_name_in(model, article, att, actors)
        .map(|n| format!(" by `{n}`"))
        .unwrap_or_default();
    let para = paragraph_number(article, content.start);
    let place = if para == 0 {
        "the headline".to_string()
    } else {
        format!("paragraph {para}")
    };
    let (block, _) = crate::draft::draft_among_in(article, att, model, taken, actors);
    (
        format!(
            "no claim records the statement{who} in {place} (\u{201c}{words}\u{201d}): add a claim for it"
        ),
        block,
    )
}

/// What goes between the end of `text` and a block appended to it: a blank line.
fn separator(text: &str) -> &'static str {
    if text.is_empty() || text.ends_with("\n\n") {
        ""
    } else if text.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    }
}

/// One insertion at the end of `text` appending a drafted claim for every attribution of
/// `article` whose content is one of `contents` (the related article spans of C050
/// findings), in article order, with ids unique among themselves and the file's claims.
/// `None` when no attribution matches.
pub fn draft_blocks(
    text: &str,
    model: &Annotation,
    article: &Article,
    contents: &[Span],
) -> Option<(Span, String)> {
    let mut taken: std::collections::HashSet<String> =
        model.claims.iter().map(|c| c.id.to_string()).collect();
    let missing: Vec<Attribution> = article
        .attributions()
        .items
        .iter()
        .filter(|a| contents.contains(&a.content_span()))
        .cloned()
        .collect();
    // The clauses of one cue (`said that …, and that …`) make one claim, as in a draft.
    // The analysis gives them the cue's one speaker and chain, which the block names.
    let one_cue_one_speaker = |_: usize, _: usize| true;
    let mut blocks: Vec<String> = Vec::new();
    let mut next = 0;
    while next < missing.len() {
        let later = crate::draft::later_clauses(article, &missing, next, one_cue_one_speaker);
        let clauses = next + 1 + later;
        let mut statement = missing[next].clone();
        statement.content = missing[next..clauses]
            .iter()
            .flat_map(|c| c.content.iter().copied())
            .collect();
        blocks.push(crate::draft::draft_with_ids(
            article, &statement, model, &mut taken,
        ));
        next = clauses;
    }
    if blocks.is_empty() {
        return None;
    }
    Some((
        Span::empty(text.len()),
        format!("{}{}", separator(text), blocks.join("\n")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_all_statements_drafts_the_clauses_of_one_cue_as_one_claim() {
        let text = "Headline\n\nDan Hart said that the rules were under review, and that the \
                    plan would not end this year. Ann Vale said that the fares would rise.";
        let article = std::sync::Arc::new(Article::new(text));
        let annotation = "article: a.txt\n";
        let parsed = crate::check::Parsed::new(annotation);
        let contents: Vec<Span> = article
            .attributions()
            .items
            .iter()
            .map(|a| a.content_span())
            .collect();
        assert_eq!(contents.len(), 3);
        let (at, blocks) = draft_blocks(annotation, &parsed.model, &article, &contents).unwrap();
        assert_eq!(blocks.matches("claim ").count(), 2, "{blocks}");
        assert!(
            blocks.contains(
                "  quote: the rules were under review\n  quote: that the plan would not end this year\n"
            ),
            "{blocks}"
        );
        // Applied, the annotation records every statement and checks clean.
        let mut whole = annotation.to_string();
        whole.insert_str(at.start, &blocks);
        let diags = crate::check::tests::check_defaults(&whole, &article);
        assert!(diags.is_empty(), "{whole}\n{diags:#?}");
    }

    #[test]
    fn closest_name_skips_names_of_far_other_lengths() {
        let names = [
            "Marta Lindqvist-Oyelaran of the Northern Ferry Board",
            "Lindqvist",
            "Lindkvist",
            "Board",
            "",
        ];
        // One letter off: found, whatever the length of the others.
        assert_eq!(closest("Lindqvst", &names), Some("Lindqvist"));
        assert_eq!(closest("LINDQUIST", &names), Some("Lindqvist"));
        // The same name folded is no suggestion; nothing else is close.
        assert_eq!(closest("Board", &names), None);
        assert_eq!(closest("Bord", &["Board"]), Some("Board"));
        assert_eq!(closest("", &names), None);
        // Exactly at the bound (one letter of four off) still counts, by length too.
        assert_eq!(closest("Bard", &["Bird"]), Some("Bird"));
        assert_eq!(closest("Bars", &["Bar"]), Some("Bar"));
        assert_eq!(closest("Ba", &["Bars"]), None);
    }

    #[test]
    fn a_packed_mention_reads_back_its_span_and_actor() {
        for (span, actor) in [
            (Span::new(0, 0), 0),
            (Span::new(3, 17), 5),
            (Span::new(1 << 31, (1 << 32) - 1), (1 << 32) - 1),
        ] {
            let m = MentionOf::new(span, actor);
            assert_eq!((m.span(), m.actor()), (span, actor));
        }
    }

    #[test]
    fn indexed_actor_lookup_agrees_with_the_direct_one() {
        let text = "date 2024-03-01 Bridge toll\n\nAnna Berg told the Harbour Council that the toll would stay. Berg said the council agreed.\n\nThe Harbour Council said it had not decided. Omar Reyes, a ferry captain, said the bridge was too narrow.\n";
        let article = Article::new(text);
        let parsed = crate::check::Parsed::new(
            "article: a.txt\n\nactor Anna Berg\n  kind: person\n\nactor Harbour Council\n  aka: council\n  kind: government\n\nactor Council\n",
        );
        let model = &parsed.model;
        let index = ActorSpans::new(model, &article);
        let mut named = 0;
        for start in 0..text.len() {
            for end in [start, start + 1, start + 5, start + 20] {
                let span = Span::new(start, end.min(text.len()));
                let direct = actor_at(model, &article, span).map(|a| a.name.as_str());
                let indexed = index.actor_at(model, span).map(|a| a.name.as_str());
                assert_eq!(direct, indexed, "{span:?}");
                named += usize::from(direct.is_some());
            }
        }
        assert!(named > 0, "some spans name a declared actor");
        for att in &article.attributions().items {
            assert_eq!(
                credited_name(model, &article, att),
                credited_name_in(model, &article, att, &index)
            );
        }
    }

    #[test]
    fn c050_leaves_out_acts_read_off_verbs_outside_the_lexicon() {
        let text = "date 2024-03-01 Bridge toll\n\nAnna Berg met Omar Reyes in Lakeside last spring.\n\nAnna Berg defended the new toll on the harbour bridge.\n\nThe mayor said the airport would stay open at night.\n";
        let article = Article::new(text);
        let items = &article.attributions().items;
        let act = items
            .iter()
            .find(|a| {
                a.content
                    .iter()
                    .any(|c| c.slice(text) == "the new toll on the harbour bridge")
            })
            .expect("the analysis reads the act (for drafts and completion)");
        assert_eq!(act.confidence, Confidence::Low);
        let (total, missing) = unannotated(&article, &[]);
        assert_eq!(total, 1, "only the statement counts for coverage");
        assert_eq!(missing.len(), 1);
        assert!(items[missing[0]]
            .content
            .iter()
            .any(|c| c.slice(text) == "the airport would stay open at night"));
    }

    /// Mentions as the article gives them: sorted by start, none inside another (the
    /// merge of `Article::merged_mentions`), from pseudo-random spans.
    fn merged(seed: u64, n: usize) -> Vec<Span> {
        let mut x = seed;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let mut spans: Vec<Span> = (0..n)
            .map(|_| {
                let start = next(200) as usize;
                Span::new(start, start + 1 + next(12) as usize)
            })
            .collect();
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        spans.dedup_by(|b, a| a.contains_span(*b));
        spans
    }

    #[test]
    fn mention_searches_agree_with_a_pass_over_every_mention() {
        for seed in 0..200 {
            let mentions = merged(seed, (seed % 40) as usize);
            for start in 0..215 {
                for len in [0, 1, 2, 5, 13, 40] {
                    let span = Span::new(start, start + len);
                    assert_eq!(
                        overlaps_any(&mentions, span),
                        mentions.iter().any(|m| overlaps(*m, span)),
                        "seed {seed}, {span:?} in {mentions:?}"
                    );
                    let inside: Vec<Span> = mentions_inside(&mentions, span).collect();
                    let want: Vec<Span> = mentions
                        .iter()
                        .copied()
                        .filter(|m| span.contains_span(*m))
                        .collect();
                    assert_eq!(inside, want, "seed {seed}, {span:?} in {mentions:?}");
                    for at in [start, start + len, 0, 1_000] {
                        let ends = |m: &Span| m.end <= at;
                        let starts = |m: &Span| m.start < at;
                        assert_eq!(
                            mention_index(&mentions, start, ends),
                            mentions.partition_point(ends)
                        );
                        assert_eq!(
                            mention_index(&mentions, at, starts),
                            mentions.partition_point(starts)
                        );
                    }
                }
            }
        }
        // Mentions that touch a span without overlapping it (ends are exclusive).
        let mentions = [Span::new(0, 4), Span::new(4, 9), Span::new(12, 15)];
        assert!(!overlaps_any(&mentions, Span::new(9, 12)));
        assert!(overlaps_any(&mentions, Span::new(8, 12)));
        assert!(overlaps_any(&mentions, Span::new(9, 13)));
        assert!(!overlaps_any(&[], Span::new(0, 100)));
    }
}
