import type { SourceText } from '../model/source-text.js';
import type { RootTag } from '../model/xml.js';

/**
 * XML 1.0 (Fifth Edition) and Namespaces in XML 1.0 well-formedness, decided from the text alone by
 * one left-to-right pass: no regular expression, no recursion (open elements are a stack of offsets),
 * no allocation per character (a string is sliced per name, namespace declaration or attribute at
 * most). It refuses what xmldom 0.8 and fast-xml-parser's validator let through (`<` in attribute
 * values, character references to characters XML forbids, raw C0 controls, U+FFFE/U+FFFF and lone
 * surrogates, undefined entities, `]]>` in text, `--` in comments, reserved PI targets, an XML
 * declaration not at the start, content after the root, duplicated attributes also after namespace
 * resolution, unbound or misused prefixes…) and everything the validator refused (tag balance, names,
 * attribute syntax). The DOCTYPE case never reaches it: `parse.ts` refuses DTDs first (XML002).
 *
 * It also counts depth, elements and attributes per element against the limits, so that xmldom never
 * builds a tree beyond them; a well-formedness error takes precedence over a limit. And it records where
 * each element's tags are (`TagPositions`): spans are cut from those, never found by searching the text.
 */
export interface WellFormedness {
  /**
   * The first well-formedness error, at a 0-based offset into the text. `endOfText` when the text ends
   * before what was being read does (a tag, a value, a comment, the root's content): the text is cut.
   */
  error?: { offset: number; detail: string; unboundPrefix?: string; endOfText?: boolean };
  /** The first limit exceeded (in document order), at the `<` of the element that exceeds it. */
  limit?: { what: 'depth' | 'elements' | 'attributesPerElement'; offset: number };
  /** Where every element's tags are, when the text is well-formed. */
  tags?: TagPositions;
  /**
   * The root element's qualified name, once its start tag was read, and just past its end tag (or its
   * empty-element tag) once that was read: also when an error after it (a second root) stopped the scan.
   */
  root?: RootTag;
}


/**
 * 0-based offsets of every element's tags, by element in document order (the order of their start
 * tags, so `start` ascends). Three parallel typed arrays, not an object per element: the scan is on the
 * hot path (growing plain arrays cost it a quarter more on a document of 60,000 elements).
 */
export interface TagPositions {
  /** The `<` of each start tag. */
  start: Int32Array;
  /** Just past each start tag's `>` (past `/>` for an empty-element tag). */
  startTagEnd: Int32Array;
  /** The `<` of each end tag; an empty-element tag's own end, so that its content is empty. */
  endTagStart: Int32Array;
}

export interface ScanLimits {
  depth: number;
  elements: number;
  attributesPerElement: number;
}

export function checkWellFormed(source: SourceText, limits: ScanLimits): WellFormedness {
  const scanner = new Scanner(source, limits);
  try {
    scanner.document();
  } catch (error) {
    if (!(error instanceof NotWellFormed)) throw error;
    const { offset, detail, unboundPrefix, endOfText } = error;
    return { error: { offset, detail, unboundPrefix, ...(endOfText && { endOfText }) }, root: scanner.root };
  }
  return scanner.limit ? { limit: scanner.limit, root: scanner.root } : { tags: scanner.tagPositions(), root: scanner.root };
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const PREDEFINED = 'the only entities without a DTD are `&amp;`, `&lt;`, `&gt;`, `&apos;` and `&quot;`';
/** Up to this many attributes on one element, duplicates are found pairwise; beyond, with a Set. */
const PAIRWISE = 16;

// Where a character is, for `char`'s message (a number, so that no string is built unless it fails).
type Place = 0 | 1 | 2 | 3 | 4;
const IN_TEXT = 0;
const IN_VALUE = 1;
const IN_COMMENT = 2;
const IN_PI = 3;
const IN_CDATA = 4;
const PLACES = ['in text', '', 'in a comment', 'in a processing instruction', 'in a CDATA section'];

class NotWellFormed {
  constructor(
    readonly offset: number,
    readonly detail: string,
    /** Set when the error is a prefix with no namespace declaration in scope, so XML001 can name the fix. */
    readonly unboundPrefix?: string,
    /** Set when the error is that the text ends before what was being read does. */
    readonly endOfText?: boolean,
  ) {}
}

// ASCII name characters (XML 1.0 §2.3): bit 1 = NameStartChar, bit 2 = NameChar.
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
  const other = (c >= 48 && c <= 57) || c === 45 || c === 46;
  ASCII_NAME[c] = letter ? 3 : other ? 2 : 0;
}

function isNameStartBmp(c: number): boolean {
  if (c < 128) return ((ASCII_NAME[c] as number) & 1) !== 0;
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

function isNameCharBmp(c: number): boolean {
  if (c < 128) return ((ASCII_NAME[c] as number) & 2) !== 0;
  return isNameStartBmp(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

class Scanner {
  private readonly text: string;
  private readonly length: number;
  limit: WellFormedness['limit'];
  // Where each element's tags are (see TagPositions), for the first `tagged` elements: sized once for the
  // most start tags the text can hold (each takes at least 3 characters, `<a>`) up to the limit.
  private readonly tagStart: Int32Array;
  private readonly tagStartEnd: Int32Array;
  private readonly tagEndStart: Int32Array;
  private tagged = 0;
  // Open elements: offsets of each start tag's `<`, name start and end, how long the namespace log
  // was before its declarations, and its index in the tag positions (-1 past a limit: none are kept).
  private readonly openAt: number[] = [];
  private readonly openElement: number[] = [];
  private readonly openName: number[] = [];
  private readonly openNameEnd: number[] = [];
  private readonly openLog: number[] = [];
  private elements = 0;
  private rootName = '';
  root: RootTag | undefined;
  // In-scope prefixes; declarations push (prefix, previous binding) on the log, the end tag undoes them.
  private readonly bindings = new Map<string, string>([['xml', XML_NS]]);
  private readonly logPrefix: string[] = [];
  private readonly logPrevious: Array<string | undefined> = [];
  // The attributes of the start tag being read (reused: no allocation per element).
  private attrs = 0;
  private readonly attrName: number[] = [];
  private readonly attrNameEnd: number[] = [];
  private readonly attrColon: number[] = [];
  private readonly attrValue: number[] = [];
  private readonly attrValueEnd: number[] = [];
  // The attribute whose value is being read, for messages.
  private valueOf = -1;
  private valueOfEnd = -1;
  private readonly seen = new Set<string>();

  constructor(
    private readonly source: SourceText,
    private readonly limits: ScanLimits,
  ) {
    this.text = source.text;
    this.length = source.text.length;
    const most = Math.min(limits.elements, Math.floor(this.length / 3));
    this.tagStart = new Int32Array(most);
    this.tagStartEnd = new Int32Array(most);
    this.tagEndStart = new Int32Array(most);
  }

  tagPositions(): TagPositions {
    const n = this.tagged;
    return { start: this.tagStart.subarray(0, n), startTagEnd: this.tagStartEnd.subarray(0, n), endTagStart: this.tagEndStart.subarray(0, n) };
  }

  private fail(offset: number, detail: string): never {
    throw new NotWellFormed(offset, detail);
  }

  /** `fail`, saying (when `atEnd`) that the error is the end of the text, reached before what is being read ends. */
  private failAt(atEnd: boolean, offset: number, detail: string): never {
    throw new NotWellFormed(offset, detail, undefined, atEnd);
  }

  private unbound(offset: number, prefix: string): never {
    throw new NotWellFormed(offset, `namespace prefix \`${prefix}\` is not bound to a namespace`, prefix);
  }

  private at(offset: number): string {
    const { line, column } = this.source.positionOf(offset);
    return `${line}:${column}`;
  }

  /** How a character at `offset` is named in a message: `x`, or U+0001 for one that cannot be shown. */
  private shown(offset: number): string {
    const c = this.text.codePointAt(offset);
    if (c === undefined) return 'the end of the text';
    return c > 0x20 && c < 0x7f ? `\`${String.fromCharCode(c)}\`` : hex(c);
  }

  private slice(start: number, end: number, max = 40): string {
    return end - start > max ? `${this.text.slice(start, start + max)}…` : this.text.slice(start, end);
  }

  document(): void {
    const t = this.text;
    const n = this.length;
    let i = t.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte order mark decoded into the text
    if (t.startsWith('<?xml', i) && isSpace(t.charCodeAt(i + 5))) i = this.xmlDeclaration(i);
    let rootSeen = false;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === 60 /* < */) {
        const next = t.charCodeAt(i + 1);
        if (next === 47 /* / */) {
          if (this.openAt.length === 0) {
            this.fail(i, rootSeen ? `end tag after the root element \`${this.rootName}\` was closed` : 'end tag before any start tag');
          }
          i = this.endTag(i);
          if (this.openAt.length === 0) (this.root as RootTag).end = i;
        } else if (next === 63 /* ? */) {
          i = this.processingInstruction(i);
        } else if (next === 33 /* ! */) {
          if (t.startsWith('--', i + 2)) i = this.comment(i);
          else if (t.startsWith('[CDATA[', i + 2)) {
            if (this.openAt.length === 0) this.fail(i, `CDATA section ${rootSeen ? 'after the root element' : 'before the root element'}`);
            i = this.cdata(i);
          } else this.failAt('<![CDATA['.startsWith(t.slice(i)) || '<!--'.startsWith(t.slice(i)), i, '`<!` starts neither a comment (`<!--`) nor a CDATA section (`<![CDATA[`); DTD declarations are refused');
        } else {
          if (this.openAt.length === 0) {
            if (rootSeen) this.fail(i, `a second root element after \`${this.rootName}\` (a document has exactly one)`);
            rootSeen = true;
          }
          i = this.startTag(i);
          if (this.openAt.length === 0) (this.root as RootTag).end = i; // an empty-element root
        }
      } else if (this.openAt.length > 0) {
        i = this.characterData(i);
      } else if (isSpace(c)) {
        i++;
      } else {
        const what = c === 38 ? 'a reference' : this.isForbidden(i) ? `character ${this.shown(i)}, which XML does not allow,` : 'text';
        this.fail(i, rootSeen ? `${what} after the root element \`${this.rootName}\` (only comments, processing instructions and whitespace may follow it)` : `${what} before the root element`);
      }
    }
    if (this.openAt.length > 0) {
      const names = this.openName.map((start, k) => `\`${this.slice(start, this.openNameEnd[k] as number)}\``);
      const listed = names.length > 6 ? `${names.slice(0, 3).join(', ')}, … ${names.slice(-2).join(', ')} (${names.length} elements)` : names.join(', ');
      this.failAt(true, n, `the text ends before ${listed} ${names.length === 1 ? 'is' : 'are'} closed`);
    }
    // Only a prolog: the text ends before the document's root begins.
    if (!rootSeen) this.failAt(true, 0, 'no root element');
  }

  private isForbidden(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return (c < 0x20 && !isSpace(c)) || c >= 0xfffe || (c >= 0xd800 && c <= 0xdfff);
  }

  /**
   * Checks the character at `i` that is not plain (below U+0020 or from U+D800 up) and returns the
   * offset after it: XML 1.0 §2.2 Char, with a surrogate pair read as one astral character.
   */
  private char(i: number, c: number, place: Place): number {
    if (c < 0x20) {
      if (c === 9 || c === 10 || c === 13) return i + 1;
    } else if (c < 0xd800) return i + 1;
    else if (c <= 0xdbff) {
      const low = this.text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) return i + 2;
    } else if (c > 0xdfff && c < 0xfffe) return i + 1;
    const where = place === IN_VALUE ? this.inValue(true).trim() : PLACES[place];
    if (c < 0x20) this.fail(i, `character ${hex(c)} ${where} is not allowed in XML (a control character; not even as a reference)`);
    if (c <= 0xdfff) this.fail(i, `a lone surrogate ${hex(c)} ${where} (half of an astral character: the text was cut or mis-decoded)`);
    return this.fail(i, `character ${hex(c)} ${where} is not allowed in XML (a non-character)`);
  }

  /** The end of the Name starting at `i`, or `i` when no name starts there. */
  private name(i: number): number {
    const t = this.text;
    let c = t.charCodeAt(i);
    if (c < 128) {
      if (!((ASCII_NAME[c] as number) & 1)) return i;
      i++;
    } else if (c >= 0xd800 && c <= 0xdb7f) {
      const low = t.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return i; // astral name characters are U+10000-U+EFFFF
      i += 2;
    } else if (isNameStartBmp(c)) i++;
    else return i;
    for (;;) {
      c = t.charCodeAt(i);
      if (c < 128) {
        if (!((ASCII_NAME[c] as number) & 2)) return i;
        i++;
      } else if (c >= 0xd800 && c <= 0xdb7f) {
        const low = t.charCodeAt(i + 1);
        if (!(low >= 0xdc00 && low <= 0xdfff)) return i;
        i += 2;
      } else if (isNameCharBmp(c)) i++;
      else return i;
    }
  }

  /** Namespaces in XML §3: a name is `prefix:local` or `local`, both NCNames. Returns the colon or -1. */
  private qname(start: number, end: number, what: string): number {
    const t = this.text;
    let colon = -1;
    for (let k = start; k < end; k++) {
      if (t.charCodeAt(k) !== 58) continue;
      if (colon >= 0 || k === start || k === end - 1 || !this.startsName(k + 1)) {
        // A name that runs to the end of the text (`<saml:`) was cut there.
        this.failAt(end >= this.length, start, `${what} \`${this.slice(start, end)}\` is not a qualified name (an optional prefix, one \`:\`, and a local name that starts like a name)`);
      }
      colon = k;
    }
    return colon;
  }

  private startsName(i: number): boolean {
    return this.name(i) > i;
  }

  private spaces(i: number): number {
    while (isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  private xmlDeclaration(start: number): number {
    const t = this.text;
    // A declaration the text never closes was cut, whatever is wrong where the text stops.
    const fail = (at: number, what: string): never => this.failAt(!t.includes('?>', start), at, `XML declaration: ${what}`);
    const pseudo = (i: number, name: string): number => {
      i = this.spaces(i + name.length);
      if (t.charCodeAt(i) !== 61) fail(i, `\`=\` expected after \`${name}\``);
      return this.spaces(i + 1);
    };
    let i = this.spaces(start + 5);
    if (!t.startsWith('version', i)) fail(i, 'it must start with `version="1.0"`');
    i = pseudo(i, 'version');
    const quote = t.charCodeAt(i);
    if (quote !== 34 && quote !== 39) fail(i, 'the version must be quoted');
    let k = i + 1;
    if (!t.startsWith('1.', k)) fail(k, `version ${this.shown(k)}… is not 1.x`);
    k += 2;
    const digits = k;
    while (t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57) k++;
    if (k === digits || t.charCodeAt(k) !== quote) fail(i, 'the version must be `1.` and digits, in matching quotes');
    i = k + 1;
    let spaced = this.spaces(i);
    if (spaced > i && t.startsWith('encoding', spaced)) {
      i = pseudo(spaced, 'encoding');
      const q = t.charCodeAt(i);
      if (q !== 34 && q !== 39) fail(i, 'the encoding must be quoted');
      k = i + 1;
      const first = t.charCodeAt(k);
      if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) fail(k, 'an encoding name starts with a letter');
      for (k++; ; k++) {
        const c = t.charCodeAt(k);
        if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45)) break;
      }
      if (t.charCodeAt(k) !== q) fail(k, 'the encoding name must be letters, digits, `.`, `_` or `-`, in matching quotes');
      i = k + 1;
      spaced = this.spaces(i);
    }
    if (spaced > i && t.startsWith('standalone', spaced)) {
      i = pseudo(spaced, 'standalone');
      const q = t.charCodeAt(i);
      const value = t.startsWith('yes', i + 1) ? 3 : t.startsWith('no', i + 1) ? 2 : 0;
      if ((q !== 34 && q !== 39) || value === 0 || t.charCodeAt(i + 1 + value) !== q) fail(i, 'standalone must be "yes" or "no"');
      i += value + 2;
      spaced = this.spaces(i);
    }
    if (!t.startsWith('?>', spaced)) {
      fail(spaced, spaced < this.length ? `unexpected ${this.shown(spaced)} (only version, encoding and standalone, in that order, then \`?>\`)` : 'not closed by `?>`');
    }
    return spaced + 2;
  }

  private processingInstruction(start: number): number {
    const t = this.text;
    const target = start + 2;
    const end = this.name(target);
    if (end === target) this.failAt(target >= this.length, start, `processing instruction without a target name${target < this.length ? ` (${this.shown(target)} cannot start one)` : ''}`);
    // A target that runs to the end of the text (`<?xm`) was cut, not misnamed.
    if (end >= this.length) this.failAt(true, end, 'processing instruction not closed by `?>`');
    if (end - target === 3 && (t.charCodeAt(target) | 32) === 120 && (t.charCodeAt(target + 1) | 32) === 109 && (t.charCodeAt(target + 2) | 32) === 108) {
      this.fail(
        start,
        t.startsWith('xml', target)
          ? 'an XML declaration `<?xml …?>` that is not at the very start of the document'
          : `processing instruction target \`${t.slice(target, end)}\` is reserved (\`xml\` in any case)`,
      );
    }
    for (let k = target; k < end; k++) {
      if (t.charCodeAt(k) === 58) this.fail(target, `processing instruction target \`${this.slice(target, end)}\` contains \`:\` (Namespaces in XML §7)`);
    }
    let i = end;
    if (t.startsWith('?>', i)) return i + 2;
    if (!isSpace(t.charCodeAt(i))) {
      this.failAt(i >= this.length, i, i < this.length ? `${this.shown(i)} after processing instruction target \`${this.slice(target, end)}\` (a space must separate them)` : 'processing instruction not closed by `?>`');
    }
    while (i < this.length) {
      const c = t.charCodeAt(i);
      if (c === 63 && t.charCodeAt(i + 1) === 62) return i + 2;
      i = c >= 0x20 && c < 0xd800 ? i + 1 : this.char(i, c, IN_PI);
    }
    return this.failAt(true, start, `processing instruction \`<?${this.slice(target, end)}\` not closed by \`?>\``);
  }

  private comment(start: number): number {
    const t = this.text;
    let i = start + 4;
    while (i < this.length) {
      const c = t.charCodeAt(i);
      if (c === 45 && t.charCodeAt(i + 1) === 45) {
        if (t.charCodeAt(i + 2) === 62) return i + 3;
        this.failAt(i + 2 >= this.length, i, '`--` inside a comment (a comment may not contain `--` nor end in `--->`)');
      }
      i = c >= 0x20 && c < 0xd800 ? i + 1 : this.char(i, c, IN_COMMENT);
    }
    return this.failAt(true, start, 'comment not closed by `-->`');
  }

  private cdata(start: number): number {
    const t = this.text;
    let i = start + 9;
    while (i < this.length) {
      const c = t.charCodeAt(i);
      if (c === 93 && t.charCodeAt(i + 1) === 93 && t.charCodeAt(i + 2) === 62) return i + 3;
      i = c >= 0x20 && c < 0xd800 ? i + 1 : this.char(i, c, IN_CDATA);
    }
    return this.failAt(true, start, 'CDATA section not closed by `]]>`');
  }

  private characterData(i: number): number {
    const t = this.text;
    const n = this.length;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c >= 0x20 && c < 0xd800) {
        if (c === 60) return i;
        if (c === 38) {
          i = this.reference(i, false);
          continue;
        }
        if (c === 93 && t.charCodeAt(i + 1) === 93 && t.charCodeAt(i + 2) === 62) {
          this.fail(i, '`]]>` in text (outside a CDATA section it must be written `]]&gt;`)');
        }
        i++;
      } else i = this.char(i, c, IN_TEXT);
    }
    return i;
  }

  /** Where a reference is, in a message: nothing for text, else the attribute whose value holds it. */
  private inValue(inAttribute: boolean): string {
    return inAttribute ? ` in the value of attribute \`${this.slice(this.valueOf, this.valueOfEnd)}\`` : '';
  }

  /** A reference at `i` (its `&`) in text or in an attribute value; returns the offset after its `;`. */
  private reference(i: number, inAttribute: boolean): number {
    const t = this.text;
    let k = i + 1;
    if (t.charCodeAt(k) === 35 /* # */) {
      k++;
      const hexadecimal = t.charCodeAt(k) === 120; /* x */
      if (hexadecimal) k++;
      const digits = k;
      let value = 0;
      for (;;) {
        const c = t.charCodeAt(k);
        let digit: number;
        if (c >= 48 && c <= 57) digit = c - 48;
        else if (hexadecimal && ((c | 32) >= 97 && (c | 32) <= 102)) digit = (c | 32) - 87;
        else break;
        if (value <= 0x10ffff) value = value * (hexadecimal ? 16 : 10) + digit;
        k++;
      }
      if (k === digits || t.charCodeAt(k) !== 59 /* ; */) {
        const hint =
          t.charCodeAt(digits) === 88 && !hexadecimal
            ? ' (a hexadecimal reference is written `&#x…;`, with a lower-case x)'
            : k === digits
              ? ` (${hexadecimal ? 'hexadecimal ' : ''}digits and \`;\` expected)`
              : ' (`;` expected after the digits)';
        this.failAt(k >= this.length, i, `malformed character reference \`${this.slice(i, k === digits ? Math.min(k + 1, this.length) : k, 16)}\`${this.inValue(inAttribute)}${hint}`);
      }
      const ok = value === 9 || value === 10 || value === 13 || (value >= 0x20 && value <= 0xd7ff) || (value >= 0xe000 && value <= 0xfffd) || (value >= 0x10000 && value <= 0x10ffff);
      if (!ok) {
        const target = value > 0x10ffff ? 'a number beyond U+10FFFF' : value >= 0xd800 && value <= 0xdfff ? `${hex(value)}, a surrogate` : value < 0x20 ? `${hex(value)}, a control character` : `${hex(value)}, a non-character`;
        this.fail(i, `character reference \`${this.slice(i, k + 1, 16)}\`${this.inValue(inAttribute)} is to ${target}, which XML does not allow`);
      }
      return k + 1;
    }
    const end = this.name(k);
    if (end === k) this.failAt(k >= this.length, i, `\`&\`${this.inValue(inAttribute)} does not start a reference (a literal \`&\` is written \`&amp;\`)`);
    if (t.charCodeAt(end) !== 59) this.failAt(end >= this.length, i, `entity reference \`${this.slice(i, end)}\`${this.inValue(inAttribute)} is not closed by \`;\` (a literal \`&\` is written \`&amp;\`)`);
    const length = end - k;
    const predefined =
      (length === 3 && (t.startsWith('amp', k))) ||
      (length === 2 && (t.startsWith('lt', k) || t.startsWith('gt', k))) ||
      (length === 4 && (t.startsWith('apos', k) || t.startsWith('quot', k)));
    if (!predefined) this.fail(i, `reference to undefined entity \`${this.slice(i, end + 1)}\`${this.inValue(inAttribute)} (${PREDEFINED})`);
    return end + 1;
  }

  private startTag(start: number): number {
    const t = this.text;
    const nameStart = start + 1;
    const nameEnd = this.name(nameStart);
    if (nameEnd === nameStart) {
      this.failAt(nameStart >= this.length, start, `\`<\` not followed by an element name${nameStart < this.length ? ` (${this.shown(nameStart)})` : ''}: a literal \`<\` in text is written \`&lt;\``);
    }
    const colon = this.qname(nameStart, nameEnd, 'element name');
    this.attrs = 0;
    let i = nameEnd;
    let closed = false;
    for (;;) {
      const afterSpace = this.spaces(i);
      const c = t.charCodeAt(afterSpace);
      if (c === 62 /* > */) {
        i = afterSpace + 1;
        break;
      }
      if (c === 47 /* / */) {
        if (t.charCodeAt(afterSpace + 1) !== 62) this.failAt(afterSpace + 1 >= this.length, afterSpace, `\`/\` not followed by \`>\` in the start tag of \`${this.slice(nameStart, nameEnd)}\``);
        i = afterSpace + 2;
        closed = true;
        break;
      }
      if (afterSpace >= this.length) this.failAt(true, start, `start tag \`<${this.slice(nameStart, nameEnd)}\` not closed by \`>\``);
      const attrStart = afterSpace;
      const attrEnd = this.name(attrStart);
      if (attrEnd === attrStart) this.fail(attrStart, `unexpected ${this.shown(attrStart)} in the start tag of \`${this.slice(nameStart, nameEnd)}\``);
      if (afterSpace === i) this.fail(attrStart, `attribute \`${this.slice(attrStart, attrEnd)}\` not separated by whitespace from what precedes it`);
      const attrColon = this.qname(attrStart, attrEnd, 'attribute name');
      this.valueOf = attrStart;
      this.valueOfEnd = attrEnd;
      i = this.spaces(attrEnd);
      if (t.charCodeAt(i) !== 61 /* = */) this.failAt(i >= this.length, attrStart, `attribute \`${this.slice(attrStart, attrEnd)}\` without a value (\`=\` and a quoted value expected)`);
      i = this.spaces(i + 1);
      const quote = t.charCodeAt(i);
      if (quote !== 34 && quote !== 39) this.failAt(i >= this.length, i, `the value of attribute \`${this.slice(attrStart, attrEnd)}\` is not quoted`);
      const valueStart = i + 1;
      i = valueStart;
      for (;;) {
        if (i >= this.length) this.failAt(true, valueStart - 1, `the value of attribute \`${this.slice(attrStart, attrEnd)}\` is not closed by its quote`);
        const v = t.charCodeAt(i);
        if (v >= 0x20 && v < 0xd800) {
          if (v === quote) break;
          if (v === 60) this.fail(i, `\`<\` in the value of attribute \`${this.slice(attrStart, attrEnd)}\` (it must be written \`&lt;\`)`);
          if (v === 38) {
            i = this.reference(i, true);
            continue;
          }
          i++;
        } else i = this.char(i, v, IN_VALUE);
      }
      const a = this.attrs++;
      this.attrName[a] = attrStart;
      this.attrNameEnd[a] = attrEnd;
      this.attrColon[a] = attrColon;
      this.attrValue[a] = valueStart;
      this.attrValueEnd[a] = i;
      i++;
    }
    this.open(start, i, nameStart, nameEnd, colon);
    if (closed) this.close(i);
    return i;
  }

  /** A start tag has been read (`start` to `end`): bounds, namespaces, duplicate attributes; then the element is open. */
  private open(start: number, end: number, nameStart: number, nameEnd: number, colon: number): void {
    const t = this.text;
    const depth = this.openAt.length + 1;
    this.elements++;
    if (!this.limit) {
      if (depth > this.limits.depth) this.limit = { what: 'depth', offset: start };
      else if (this.elements > this.limits.elements) this.limit = { what: 'elements', offset: start };
      else if (this.attrs > this.limits.attributesPerElement) this.limit = { what: 'attributesPerElement', offset: start };
    }
    if (depth === 1) {
      this.rootName = this.slice(nameStart, nameEnd);
      this.root = { name: t.slice(nameStart, nameEnd) };
    }
    this.openAt.push(start);
    const element = this.limit ? -1 : this.tagged++;
    this.openElement.push(element);
    if (element >= 0) {
      this.tagStart[element] = start;
      this.tagStartEnd[element] = end;
      this.tagEndStart[element] = end; // until its end tag is read
    }
    this.openName.push(nameStart);
    this.openNameEnd.push(nameEnd);
    this.openLog.push(this.logPrefix.length);
    const count = this.attrs;
    let prefixed = 0;
    // Declarations first: they apply to the element's own name and attributes, wherever they stand.
    for (let a = 0; a < count; a++) {
      const s = this.attrName[a] as number;
      const c = this.attrColon[a] as number;
      if (!t.startsWith('xmlns', s)) {
        if (c >= 0) prefixed++;
        continue;
      }
      if (c < 0 ? (this.attrNameEnd[a] as number) !== s + 5 : c !== s + 5) {
        if (c >= 0) prefixed++;
        continue;
      }
      this.declare(a, c);
    }
    if (colon >= 0) {
      const prefix = t.slice(nameStart, colon);
      if (prefix === 'xmlns') this.fail(nameStart, `element name \`${this.slice(nameStart, nameEnd)}\` uses the reserved prefix \`xmlns\``);
      if (!this.bindings.has(prefix)) this.unbound(nameStart, prefix);
    }
    if (count < 2 && prefixed === 0) return;
    // Attribute names are unique (XML 1.0 §3.1) …
    if (count <= PAIRWISE) {
      for (let a = 1; a < count; a++) {
        for (let b = 0; b < a; b++) {
          if (this.sameName(a, b)) this.duplicate(a, nameStart, nameEnd);
        }
      }
    } else {
      this.seen.clear();
      for (let a = 0; a < count; a++) {
        const key = t.slice(this.attrName[a], this.attrNameEnd[a]);
        if (this.seen.has(key)) this.duplicate(a, nameStart, nameEnd);
        this.seen.add(key);
      }
    }
    if (prefixed === 0) return;
    // … and so are their expanded names: `a:x` and `b:x` with a and b bound to one namespace clash
    // (Namespaces in XML §6.3). Every prefix must be bound.
    if (prefixed > 1) this.seen.clear();
    for (let a = 0; a < count; a++) {
      const c = this.attrColon[a] as number;
      const s = this.attrName[a] as number;
      if (c < 0 || c === s + 5 && t.startsWith('xmlns', s)) continue;
      const prefix = t.slice(s, c);
      const uri = this.bindings.get(prefix);
      if (uri === undefined) this.unbound(s, prefix);
      if (prefixed < 2) return;
      const key = `${t.slice(c + 1, this.attrNameEnd[a])}\u0000${uri}`;
      if (this.seen.has(key)) {
        const local = t.slice(c + 1, this.attrNameEnd[a]);
        this.fail(s, `attribute \`${this.slice(s, this.attrNameEnd[a] as number)}\` on \`${this.slice(nameStart, nameEnd)}\` is a second \`${local}\` in namespace \`${uri.length > 80 ? `${uri.slice(0, 80)}…` : uri}\` (another prefix bound to the same namespace already names it)`);
      }
      this.seen.add(key);
    }
  }

  private sameName(a: number, b: number): boolean {
    const sa = this.attrName[a] as number;
    const sb = this.attrName[b] as number;
    const length = (this.attrNameEnd[a] as number) - sa;
    if ((this.attrNameEnd[b] as number) - sb !== length) return false;
    const t = this.text;
    for (let k = 0; k < length; k++) if (t.charCodeAt(sa + k) !== t.charCodeAt(sb + k)) return false;
    return true;
  }

  private duplicate(a: number, nameStart: number, nameEnd: number): never {
    const s = this.attrName[a] as number;
    return this.fail(s, `attribute \`${this.slice(s, this.attrNameEnd[a] as number)}\` appears twice on \`${this.slice(nameStart, nameEnd)}\``);
  }

  /** `xmlns` or `xmlns:p` (attribute `a`): Namespaces in XML §3 and its reserved names. */
  private declare(a: number, colon: number): void {
    const s = this.attrName[a] as number;
    const uri = this.attributeValue(this.attrValue[a] as number, this.attrValueEnd[a] as number);
    const name = this.slice(s, this.attrNameEnd[a] as number);
    if (uri === XMLNS_NS) this.fail(s, `\`${name}\` declares the reserved namespace ${XMLNS_NS}`);
    if (colon < 0) {
      if (uri === XML_NS) this.fail(s, `the xml namespace ${XML_NS} cannot be the default namespace`);
      return; // the default namespace never makes a name unbound
    }
    const prefix = this.text.slice(colon + 1, this.attrNameEnd[a]);
    if (prefix === 'xmlns') this.fail(s, 'the prefix `xmlns` cannot be declared');
    if (prefix === 'xml' ? uri !== XML_NS : uri === XML_NS) {
      this.fail(s, prefix === 'xml' ? `the prefix \`xml\` can only be bound to ${XML_NS}` : `\`${name}\` binds ${XML_NS}, which belongs to the prefix \`xml\` alone`);
    }
    if (uri === '') this.fail(s, `\`${name}=""\` undeclares a prefix, which XML 1.0 namespaces do not allow`);
    this.logPrefix.push(prefix);
    this.logPrevious.push(this.bindings.get(prefix));
    this.bindings.set(prefix, uri);
  }

  /** An attribute's normalised value (XML 1.0 §3.3.3), for namespace names only: references and whitespace. */
  private attributeValue(start: number, end: number): string {
    const t = this.text;
    let plain = true;
    for (let k = start; k < end && plain; k++) {
      const c = t.charCodeAt(k);
      if (c === 38 || c === 9 || c === 10 || c === 13) plain = false;
    }
    if (plain) return t.slice(start, end);
    let value = '';
    let from = start;
    for (let k = start; k < end; ) {
      const c = t.charCodeAt(k);
      if (c === 9 || c === 10 || c === 13) {
        value += `${t.slice(from, k)} `;
        k += c === 13 && t.charCodeAt(k + 1) === 10 ? 2 : 1;
        from = k;
      } else if (c === 38) {
        const semicolon = t.indexOf(';', k);
        const ref = t.slice(k + 1, semicolon);
        const code = ref.charCodeAt(0) === 35 ? (ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)) : undefined;
        const named = { amp: '&', lt: '<', gt: '>', apos: "'", quot: '"' }[ref as 'amp'];
        value += t.slice(from, k) + (code !== undefined ? String.fromCodePoint(code) : named);
        k = semicolon + 1;
        from = k;
      } else k++;
    }
    return value + t.slice(from, end);
  }

  private endTag(start: number): number {
    const t = this.text;
    const nameStart = start + 2;
    const nameEnd = this.name(nameStart);
    if (nameEnd === nameStart) this.failAt(nameStart >= this.length, start, `\`</\` not followed by an element name${nameStart < this.length ? ` (${this.shown(nameStart)})` : ''}`);
    const top = this.openAt.length - 1;
    const openStart = this.openName[top] as number;
    const openEnd = this.openNameEnd[top] as number;
    let same = openEnd - openStart === nameEnd - nameStart;
    for (let k = 0; same && k < nameEnd - nameStart; k++) same = t.charCodeAt(openStart + k) === t.charCodeAt(nameStart + k);
    if (!same) {
      this.failAt(nameEnd >= this.length, start, `end tag \`</${this.slice(nameStart, nameEnd)}>\` does not match the start tag \`<${this.slice(openStart, openEnd)}>\` at ${this.at(this.openAt[top] as number)}`);
    }
    const i = this.spaces(nameEnd);
    if (t.charCodeAt(i) !== 62) {
      this.failAt(i >= this.length, i < this.length ? i : start, i < this.length ? `unexpected ${this.shown(i)} in the end tag \`</${this.slice(nameStart, nameEnd)}>\`` : `end tag \`</${this.slice(nameStart, nameEnd)}\` not closed by \`>\``);
    }
    this.close(start);
    return i + 1;
  }

  /** The open element ends at `endTagStart` (the `<` of its end tag, or the end of its empty-element tag). */
  private close(endTagStart: number): void {
    this.openAt.pop();
    this.openName.pop();
    this.openNameEnd.pop();
    const element = this.openElement.pop() as number;
    if (element >= 0) this.tagEndStart[element] = endTagStart;
    const log = this.openLog.pop() as number;
    while (this.logPrefix.length > log) {
      const prefix = this.logPrefix.pop() as string;
      const previous = this.logPrevious.pop();
      if (previous === undefined) this.bindings.delete(prefix);
      else this.bindings.set(prefix, previous);
    }
  }
}
