/**
 * A small TypeScript tokenizer for the source panel's highlighting: keywords, strings (including
 * template literals), comments, numbers, and everything else as plain text. It only colours: it
 * never fails, and concatenating a line's tokens gives the line back exactly. Comments and
 * strings may span lines; the result is split per line so each line renders on its own.
 *
 * Tokens are rendered as React text, never as HTML: markup in a source file shows as written.
 */
export type TokenKind = "keyword" | "string" | "comment" | "number" | "type" | "plain";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const KEYWORDS = new Set([
  "abstract", "as", "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "declare",
  "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "from", "function", "if",
  "implements", "import", "in", "instanceof", "interface", "let", "new", "null", "of", "private", "protected", "public",
  "readonly", "return", "static", "super", "switch", "this", "throw", "true", "try", "type", "typeof", "undefined",
  "var", "void", "while", "yield",
]);

const IDENT = /[A-Za-z_$][\w$]*/y;
const NUMBER = /(?:0[xX][\da-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)n?/y;

/** Splits source text into lines of tokens (a line's `\r` is dropped). */
export function tokenize(source: string): Token[][] {
  const lines: Token[][] = [[]];
  const push = (kind: TokenKind, text: string): void => {
    const parts = text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      const clean = part.replace(/\r$/, "");
      if (clean === "") return;
      const line = lines[lines.length - 1]!;
      const prev = line[line.length - 1];
      if (prev && prev.kind === kind) line[line.length - 1] = { kind, text: prev.text + clean };
      else line.push({ kind, text: clean });
    });
  };
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    let end: number;
    let kind: TokenKind = "plain";
    if (c === "/" && next === "/") {
      end = source.indexOf("\n", i);
      if (end < 0) end = n;
      kind = "comment";
    } else if (c === "/" && next === "*") {
      end = source.indexOf("*/", i + 2);
      end = end < 0 ? n : end + 2;
      kind = "comment";
    } else if (c === '"' || c === "'" || c === "`") {
      end = stringEnd(source, i, c);
      kind = "string";
    } else if (/\d/.test(c) || (c === "." && next !== undefined && /\d/.test(next))) {
      NUMBER.lastIndex = i;
      end = NUMBER.test(source) ? NUMBER.lastIndex : i + 1;
      kind = "number";
    } else if (/[A-Za-z_$]/.test(c)) {
      IDENT.lastIndex = i;
      IDENT.test(source);
      end = IDENT.lastIndex;
      const word = source.slice(i, end);
      kind = KEYWORDS.has(word) ? "keyword" : /^[A-Z]/.test(word) ? "type" : "plain";
    } else {
      end = i + 1;
    }
    push(kind, source.slice(i, end));
    i = end;
  }
  if (source.endsWith("\n")) lines.pop();
  return lines;
}

/** The index after a string's closing quote; a quote or a line end (for '' and "") closes it, backslashes escape. */
function stringEnd(source: string, start: number, quote: string): number {
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === quote) return i + 1;
    else if (c === "\n" && quote !== "`") return i;
  }
  return source.length;
}
