// Finds the quote that "claimls: Open Article at Quote" should open, from the
// text of a .claims file and the cursor. Pure functions over lines of text (no
// vscode import) so that the tests can run them under plain node.
//
// The layout rules come from the .claims format: blocks (`actor NAME`,
// `claim ID`) and header fields start at column 0; block fields are indented
// (`  quote: ...`); a non-blank, non-comment line indented deeper than its
// field continues the value; comments are lines whose first non-blank
// character is `#`, and a comment or blank line ends a continuation
// (docs/format.md, "Lexical rules").

export interface LinePosition {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units (what VS Code and LSP use by default). */
  character: number;
}

export interface Field {
  /** Field name, e.g. `quote`. */
  name: string;
  /** Line of `name:`. */
  line: number;
  /** Indentation width of the field line (in characters). */
  indent: number;
  /** Column where the value starts on the field line (after `:` and spaces). */
  valueStart: number;
  /** Last line of the value (the field line or its last continuation line). */
  endLine: number;
}

export interface Block {
  kind: 'claim' | 'actor';
  /** Line of the `claim ID` / `actor NAME` header. */
  headerLine: number;
  /** Last line that belongs to the block (trailing blank/comment lines excluded). */
  endLine: number;
  fields: Field[];
}

const BLOCK_HEADER = /^(claim|actor)(?=[ \t]|$)/;
const FIELD_LINE = /^([ \t]+)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]*/;

function indentOf(text: string): number {
  const m = /^[ \t]*/.exec(text);
  return m ? m[0].length : 0;
}

function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

function isComment(text: string): boolean {
  return /^[ \t]*#/.test(text);
}

/** Splits a document into lines the way editors do (\n, \r\n or \r). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * The block (claim or actor) that holds `line`, with its fields, or undefined
 * when the line is in the header part of the file or between blocks.
 */
export function blockAt(lines: readonly string[], line: number): Block | undefined {
  if (line < 0 || line >= lines.length) return undefined;
  // Walk up to the nearest column-0 line that is not a comment and not blank.
  let header = -1;
  for (let i = line; i >= 0; i--) {
    const text = lines[i];
    if (isBlank(text) || /^[ \t]/.test(text) || text.startsWith('#')) continue;
    if (BLOCK_HEADER.test(text)) header = i;
    break;
  }
  if (header < 0) return undefined;
  const kind = BLOCK_HEADER.exec(lines[header])![1] as 'claim' | 'actor';

  const fields: Field[] = [];
  let current: Field | undefined;
  let end = header;
  for (let i = header + 1; i < lines.length; i++) {
    const text = lines[i];
    if (isBlank(text)) {
      current = undefined;
      continue;
    }
    const indent = indentOf(text);
    if (indent === 0) break; // next block, header field or column-0 comment
    if (isComment(text)) {
      current = undefined; // a comment line ends a continuation
      continue;
    }
    if (current && indent > current.indent) {
      // Continuation of the current value.
      current.endLine = i;
      end = i;
      continue;
    }
    const m = FIELD_LINE.exec(text);
    if (m) {
      current = { name: m[2], line: i, indent: m[1].length, valueStart: m[0].length, endLine: i };
      fields.push(current);
    } else {
      current = undefined; // malformed line inside the block
    }
    end = i;
  }
  return { kind, headerLine: header, endLine: Math.max(end, header), fields };
}

/** The field whose name or value covers `line`, if any. */
export function fieldAt(block: Block, line: number): Field | undefined {
  return block.fields.find((f) => f.line <= line && line <= f.endLine);
}

/**
 * Where to ask the server for the article location of a quote.
 *
 * - Cursor inside a quote value (first line or a continuation line): the cursor
 *   itself, moved onto the value when it sits on the field name or the indent.
 * - Cursor elsewhere in a claim block: the start of the value of the nearest
 *   `quote:` field of that claim (above or below; ties go to the one above).
 * - Otherwise (no claim there, or a claim without a quote): undefined.
 */
export function quotePositionFor(lines: readonly string[], cursor: LinePosition): LinePosition | undefined {
  const block = blockAt(lines, cursor.line);
  if (!block || block.kind !== 'claim') return undefined;
  const quotes = block.fields.filter((f) => f.name === 'quote');
  if (quotes.length === 0) return undefined;

  const here = fieldAt(block, cursor.line);
  if (here && here.name === 'quote') {
    const text = lines[cursor.line];
    const min = cursor.line === here.line ? here.valueStart : indentOf(text);
    if (min >= text.length) return valueStart(lines, here);
    const character = Math.min(Math.max(cursor.character, min), text.length);
    return { line: cursor.line, character };
  }

  let best: Field | undefined;
  let bestDistance = Infinity;
  for (const q of quotes) {
    const distance =
      cursor.line < q.line ? q.line - cursor.line : cursor.line > q.endLine ? cursor.line - q.endLine : 0;
    if (distance < bestDistance) {
      best = q;
      bestDistance = distance;
    }
  }
  return best ? valueStart(lines, best) : undefined;
}

/** First character of a field's value; for `quote:` with an empty first line, its first continuation line. */
function valueStart(lines: readonly string[], field: Field): LinePosition {
  const text = lines[field.line];
  if (field.valueStart < text.length || field.endLine === field.line) {
    return { line: field.line, character: Math.min(field.valueStart, text.length) };
  }
  for (let i = field.line + 1; i <= field.endLine; i++) {
    if (!isBlank(lines[i])) return { line: i, character: indentOf(lines[i]) };
  }
  return { line: field.line, character: text.length };
}
