// Driver of benches/anchoring.sh: makes planted-mistake quotes from article texts, runs
// the peer (`approx-string-match`, called as Hypothesis calls it) on them, and scores the
// spans both tools found.
//
//   node anchoring.mjs gen   ARTICLES_LIST SEED PER_KIND > CASES.jsonl
//   node anchoring.mjs peer  MODULE_DIR ARTICLES_LIST CASES.jsonl > SPANS
//   node anchoring.mjs score CASES.jsonl SPANS_CLAIMLS SPANS_PEER
//
// ARTICLES_LIST holds one article path a line. A case is one quote:
// {"a": article index, "kind": ..., "quote": ..., "s": start, "e": end}, with the true span
// in UTF-16 code units of the article text (JavaScript string offsets); both tools report
// spans in the same units, one `start end` line per case (`-1 -1` when nothing was found).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const KINDS = ['typo1', 'typo3', 'dropword', 'swapword', 'curly', 'space'];

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readArticles(list) {
  return fs
    .readFileSync(list, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((p) => fs.readFileSync(p, 'utf8'));
}

// Body paragraphs (the first line is a header) with their words: [{start, end}] in
// UTF-16 offsets of the whole text. Paragraphs as docs/format.md defines them: runs of
// non-blank lines; a body with no blank line inside and long lines (over 100 characters
// on average) is one paragraph per line. A quote never spans two.
function paragraphs(text) {
  const out = [];
  const nl = text.indexOf('\n');
  const from = nl < 0 ? text.length : nl + 1;
  const lines = [];
  for (let at = from; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    lines.push({ start: at, end, blank: !text.slice(at, end).trim() });
    at = end + 1;
  }
  const first = lines.findIndex((l) => !l.blank);
  const last = lines.length - 1 - [...lines].reverse().findIndex((l) => !l.blank);
  const full = lines.filter((l) => !l.blank);
  const innerBlank = first >= 0 && lines.slice(first, last + 1).some((l) => l.blank);
  const average = full.reduce((n, l) => n + l.end - l.start, 0) / Math.max(1, full.length);
  const blocks = [];
  if (!innerBlank && full.length > 1 && average > 100) {
    for (const l of full) blocks.push([l.start, l.end]);
  } else {
    let cur = null;
    for (const l of lines) {
      if (l.blank) {
        if (cur) blocks.push(cur);
        cur = null;
      } else if (cur) cur[1] = l.end;
      else cur = [l.start, l.end];
    }
    if (cur) blocks.push(cur);
  }
  for (const [s, e] of blocks) {
    const words = [];
    const w = /\S+/g;
    let x;
    const para = text.slice(s, e);
    while ((x = w.exec(para))) words.push({ start: s + x.index, end: s + x.index + x[0].length });
    if (words.length >= 4) out.push(words);
  }
  return out;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const CURLY = /[\u2018\u2019\u201c\u201d]/;

function plant(kind, words, text, r, vocab) {
  // `words`: the quote's words as strings; returns the copied quote or null.
  const pick = (n) => Math.floor(r() * n);
  const w = words.slice();
  switch (kind) {
    case 'typo1':
    case 'typo3': {
      const n = kind === 'typo1' ? 1 : 3;
      const chars = [...w.join(' ')];
      const letters = chars.map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i >= 0);
      if (letters.length < n * 2) return null;
      const done = new Set();
      while (done.size < n) {
        const i = letters[pick(letters.length)];
        if (done.has(i)) continue;
        let c;
        do c = LETTERS[pick(26)];
        while (c === chars[i].toLowerCase());
        chars[i] = c;
        done.add(i);
      }
      return chars.join('');
    }
    case 'dropword': {
      if (w.length < 4) return null;
      w.splice(1 + pick(w.length - 2), 1);
      return w.join(' ');
    }
    case 'swapword': {
      if (w.length < 4) return null;
      const i = 1 + pick(w.length - 2);
      let other;
      do other = vocab[pick(vocab.length)];
      while (other === w[i]);
      w[i] = other;
      return w.join(' ');
    }
    case 'curly': {
      const q = w.join(' ');
      if (!CURLY.test(q)) return null;
      return q.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
    }
    case 'space': {
      if (w.length < 3) return null;
      let q = w[0];
      const gaps = new Set();
      const n = 1 + pick(Math.min(3, w.length - 1));
      while (gaps.size < n) gaps.add(1 + pick(w.length - 1));
      for (let i = 1; i < w.length; i++) {
        q += gaps.has(i) ? ['  ', '\n', ' \n  ', '   '][pick(4)] : ' ';
        q += w[i];
      }
      return q;
    }
  }
  return null;
}

function gen(list, seed, perKind) {
  const texts = readArticles(list);
  const r = rng(seed);
  const out = [];
  texts.forEach((text, a) => {
    const paras = paragraphs(text);
    if (!paras.length) return;
    const vocab = [];
    for (const p of paras) for (const x of p) if (/^\p{L}+$/u.test(text.slice(x.start, x.end))) vocab.push(text.slice(x.start, x.end));
    if (vocab.length < 10) return;
    for (const kind of KINDS) {
      let made = 0;
      for (let tries = 0; made < perKind && tries < perKind * 40; tries++) {
        const p = paras[Math.floor(r() * paras.length)];
        // Quote lengths as annotators copy them: a few words to a long sentence.
        const len = Math.min(p.length, 3 + Math.floor(r() * r() * 36));
        const i = Math.floor(r() * (p.length - len + 1));
        const sel = p.slice(i, i + len);
        const words = sel.map((x) => text.slice(x.start, x.end));
        // A quote the article holds more than once has no one true place.
        const orig = text.slice(sel[0].start, sel[sel.length - 1].end);
        if (text.indexOf(orig) !== text.lastIndexOf(orig)) continue;
        if (kind === 'curly' && !CURLY.test(words.join(' '))) continue;
        const quote = plant(kind, words, text, r, vocab);
        if (quote === null || quote === words.join(' ') && kind !== 'space') continue;
        out.push(JSON.stringify({ a, kind, quote, s: sel[0].start, e: sel[sel.length - 1].end }));
        made++;
      }
    }
  });
  process.stdout.write(out.join('\n') + '\n');
}

function readCases(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

// Hypothesis' anchoring (its `match-quote` module): exact occurrences first, else the
// approximate search with at most min(256, length / 2) errors; each match scored as
// Hypothesis scores it. Claims carry no prefix, suffix or position hint, so those parts
// of the score are constant and the lowest-error match wins (the first among equals).
function peer(moduleDir, list, casesFile) {
  const require = createRequire(path.join(path.resolve(moduleDir), 'x.js'));
  const asm = require('approx-string-match');
  const approx = asm.default || asm;
  const texts = readArticles(list);
  const cases = readCases(casesFile);
  const t0 = process.hrtime.bigint();
  const lines = [];
  for (const c of cases) {
    const text = texts[c.a];
    const quote = c.quote;
    let matches = [];
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
      matches.push({ start: at, end: at + quote.length, errors: 0 });
    }
    if (!matches.length) matches = approx(text, quote, Math.min(256, quote.length / 2));
    if (!matches.length) {
      lines.push('-1 -1');
      continue;
    }
    const score = (m) => (50 * (1 - m.errors / quote.length) + 20 + 20 + 2) / 92;
    const best = matches
      .map((m) => ({ m, s: score(m) }))
      .sort((x, y) => y.s - x.s)[0].m;
    lines.push(`${best.start} ${best.end}`);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(lines.join('\n') + '\n');
  process.stderr.write(`peer search loop: ${ms.toFixed(1)} ms\n`);
}

function score(casesFile, oursFile, peerFile) {
  const cases = readCases(casesFile);
  const spans = (f) =>
    fs
      .readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => l.split(' ').map(Number));
  const ours = spans(oursFile);
  const theirs = spans(peerFile);
  if (ours.length !== cases.length || theirs.length !== cases.length) {
    throw new Error(`span counts differ: ${cases.length} cases, ${ours.length} claimls, ${theirs.length} peer`);
  }
  const ok = (c, [s, e]) => {
    if (s < 0) return false;
    const overlap = Math.max(0, Math.min(e, c.e) - Math.max(s, c.s));
    return Math.abs(s - c.s) <= 5 && overlap >= 0.9 * (c.e - c.s);
  };
  const stats = {};
  for (const k of [...KINDS, 'overall']) stats[k] = { n: 0, ours: 0, peer: 0, ourMiss: 0 };
  const failures = [];
  cases.forEach((c, i) => {
    for (const k of [c.kind, 'overall']) {
      stats[k].n++;
      if (ok(c, ours[i])) stats[k].ours++;
      else if (k !== 'overall') failures.push({ i, kind: c.kind, quote: c.quote, got: ours[i], want: [c.s, c.e] });
      if (ours[i][0] < 0) stats[k].ourMiss++;
      if (ok(c, theirs[i])) stats[k].peer++;
    }
  });
  const pct = (x, n) => (n ? ((100 * x) / n).toFixed(1) + '%' : '-');
  console.log('| kind | quotes | claimls | not found | approx-string-match 2 |');
  console.log('|---|---|---|---|---|');
  for (const k of [...KINDS, 'overall']) {
    const s = stats[k];
    console.log(`| ${k} | ${s.n} | ${pct(s.ours, s.n)} | ${s.ourMiss} | ${pct(s.peer, s.n)} |`);
  }
  if (process.env.ANCHORING_FAILURES) {
    fs.writeFileSync(process.env.ANCHORING_FAILURES, failures.map((f) => JSON.stringify(f)).join('\n') + '\n');
  }
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'gen') gen(args[0], Number(args[1] || 1), Number(args[2] || 5));
else if (cmd === 'peer') peer(args[0], args[1], args[2]);
else if (cmd === 'score') score(args[0], args[1], args[2]);
else {
  console.error('usage: node anchoring.mjs gen|peer|score ...');
  process.exit(2);
}
