import type { Span } from './finding.js';

/**
 * Offsets <-> 1-based line/column over one text. Line breaks are `\n`, `\r\n` or a lone `\r`, the same
 * as the XML parser counts them, so spans computed here agree with the parser's own locator.
 */
export class SourceText {
  readonly text: string;
  /** Offsets where each line starts, computed on first use: many texts are never asked for a position. */
  private starts?: number[];

  constructor(text: string) {
    this.text = text;
  }

  private get lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const text = this.text;
    // A search for the breaks, not a test of each character: the texts are mostly a few long lines
    // (base64 often one), and String.indexOf outruns a regular expression when there is no `\r`.
    if (!text.includes('\r')) {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    } else {
      const lineBreak = /\r\n?|\n/g;
      for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) starts.push(match.index + match[0].length);
    }
    this.starts = starts;
    return starts;
  }

  /** A parser may report a position it could not compute (NaN, undefined): that maps to 1:1. */
  offsetOf(line: number, column: number): number {
    const safeLine = Number.isFinite(line) ? line : 1;
    const safeColumn = Number.isFinite(column) ? column : 1;
    const start = this.lineStarts[Math.min(Math.max(safeLine, 1), this.lineStarts.length) - 1] ?? 0;
    return Math.min(start + Math.max(safeColumn, 1) - 1, this.text.length);
  }

  positionOf(offset: number): { line: number; column: number } {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.lineStarts[lo] ?? 0) + 1 };
  }

  /** Span of `[start, end)`; an empty range is widened to one character so editors can show it. */
  span(start: number, end: number): Span {
    const from = this.positionOf(start);
    const to = this.positionOf(Math.max(end, Math.min(start + 1, this.text.length)));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  /** The whole text, for findings that concern all of it. */
  whole(): Span {
    return this.span(0, this.text.length);
  }
}
