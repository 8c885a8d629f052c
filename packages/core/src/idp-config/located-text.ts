// A value read out of a configuration file, with where each of its characters sits in the file: a JSON
// string's escapes and a list view's indentation are not part of the value, so offsets are kept per
// character. Readers of text-valued settings (AD FS claim rules) cut values out of it with their ranges.
import type { InputRange } from '../model/capture.js';
import type { ConfigValue } from '../model/idp-config.js';

export class LocatedText {
  /**
   * `starts[i]` and `ends[i]` are the file offsets of character `i`: one apart for a character the file
   * holds as it is, further for an escape (`\n`, `\u003e`).
   */
  constructor(
    readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    /** Where the value sits when it has no characters. */
    private readonly at: number,
  ) {}

  /** `file[start, end)` as it is. */
  static verbatim(file: string, start: number, end: number): LocatedText {
    const length = end - start;
    const starts = new Int32Array(length);
    const ends = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      starts[i] = start + i;
      ends[i] = start + i + 1;
    }
    return new LocatedText(file.slice(start, end), starts, ends, start);
  }

  /** Builds a value piece by piece; `add` takes characters the file holds verbatim, `addChar` one that stands for `file[start, end)`. */
  static builder(at: number): LocatedTextBuilder {
    return new LocatedTextBuilder(at);
  }

  get length(): number {
    return this.text.length;
  }

  /** The file range of characters `[start, end)`: from the first one's start to the last one's end. */
  range(start = 0, end = this.text.length): InputRange {
    if (end <= start) {
      const at = start < this.text.length ? (this.starts[start] as number) : this.text.length ? (this.ends[this.text.length - 1] as number) : this.at;
      return { start: at, end: at };
    }
    return { start: this.starts[start] as number, end: this.ends[end - 1] as number };
  }

  /** Whether characters `[start, end)` are the file's own, one for one, so that an edit of their range is safe. */
  isVerbatim(start = 0, end = this.text.length): boolean {
    for (let i = start; i < end; i++) {
      if ((this.ends[i] as number) - (this.starts[i] as number) !== 1) return false;
      if (i + 1 < end && this.starts[i + 1] !== this.ends[i]) return false;
    }
    return true;
  }

  slice(start: number, end: number): LocatedText {
    return new LocatedText(this.text.slice(start, end), this.starts.slice(start, end), this.ends.slice(start, end), this.range(start, end).start);
  }

  /** Characters `[start, end)` as a known configured value; an empty one is absent. */
  known(path: string, start = 0, end = this.text.length): ConfigValue {
    if (end <= start) return { state: 'absent', path };
    return { state: 'known', value: this.text.slice(start, end), path, range: this.range(start, end), verbatim: this.isVerbatim(start, end) };
  }
}

export class LocatedTextBuilder {
  private text = '';
  private starts: number[] = [];
  private ends: number[] = [];

  constructor(private readonly at: number) {}

  /** `file[start, end)` as it is. */
  add(file: string, start: number, end: number): this {
    this.text += file.slice(start, end);
    for (let i = start; i < end; i++) {
      this.starts.push(i);
      this.ends.push(i + 1);
    }
    return this;
  }

  /** One character of the value that the file writes as `file[start, end)` (an escape, a line break). */
  addChar(char: string, start: number, end: number): this {
    this.text += char;
    for (let i = 0; i < char.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
    return this;
  }

  build(): LocatedText {
    return new LocatedText(this.text, Int32Array.from(this.starts), Int32Array.from(this.ends), this.at);
  }
}

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A JSON string literal at `file[start, end)` (quotes included) as its value, each character mapped to
 * what writes it: PowerShell's ConvertTo-Json writes `\r\n` between claim rules and, in Windows
 * PowerShell 5.1, `=\u003e` for `=>`.
 */
export function jsonStringText(file: string, start: number, end: number): LocatedText {
  const built = LocatedText.builder(start + 1);
  const last = end - 1;
  let i = start + 1;
  while (i < last) {
    const escape = file.indexOf('\\', i);
    const plainEnd = escape < 0 || escape >= last ? last : escape;
    built.add(file, i, plainEnd);
    i = plainEnd;
    if (i >= last) break;
    const kind = file[i + 1] ?? '';
    if (kind === 'u') {
      built.addChar(String.fromCharCode(Number.parseInt(file.slice(i + 2, i + 6), 16) || 0), i, i + 6);
      i += 6;
    } else {
      built.addChar(JSON_ESCAPES[kind] ?? kind, i, i + 2);
      i += 2;
    }
  }
  return built.build();
}
