import { AWS_ATTRIBUTE } from '../aws/attributes.js';
import { readResponse } from '../saml/response.js';
import { readSoapEnvelope } from '../saml/soap.js';
import type { LintResult } from '../engine.js';
import { NS, descendants, isElement } from '../xml/dom.js';
import type { PersonalKind, PersonalValue } from './personal.js';

// The lookbehind stops a match from starting inside a run of local-part characters, so a long run
// with no `@` is scanned once, not once per position (found by pnpm fuzz).
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** 12-digit AWS account ids, as they stand in ARNs (`arn:aws:iam::123456789012:role/…`). */
const ACCOUNT_ID = /(?<=arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:)\d{12}(?=:)/g;

export const REDACTED = {
  nameId: '[redacted NameID]',
  roleSessionName: '[redacted RoleSessionName]',
  sourceIdentity: '[redacted SourceIdentity]',
  email: '[redacted email]',
  account: '************',
} as const;

/** Attributes whose whole value is personal, and what replaces it. */
const PERSONAL_ATTRIBUTES = new Map<string, string>([
  [AWS_ATTRIBUTE.roleSessionName, REDACTED.roleSessionName],
  [AWS_ATTRIBUTE.sourceIdentity, REDACTED.sourceIdentity],
]);

/** Masks emails and account ids inside free text (messages, attribute values). */
export function redactText(text: string): string {
  return text.replace(EMAIL, REDACTED.email).replace(ACCOUNT_ID, REDACTED.account);
}

/**
 * Masks personal values in a parsed document, in place: NameID, RoleSessionName and SourceIdentity
 * values whole, emails and account ids wherever they stand. Used on a private copy for display.
 * `decrypted`, the Assertion decrypted from the response's EncryptedAssertion, is masked too: its
 * attributes are known as the response's only when read with it.
 */
export function redactDocument(root: Element, decrypted?: Element): void {
  // In an ECP client's SOAP envelope, the Response is the Body's.
  const view = readResponse(readSoapEnvelope(root)?.payload ?? root, decrypted);
  const roots = decrypted ? [root, decrypted] : [root];
  const whole = new Map<Element, string>();
  for (const nameId of roots.flatMap((r) => descendants(r, NS.saml, 'NameID'))) whole.set(nameId, REDACTED.nameId);
  for (const attribute of view.attributes) {
    const mask = PERSONAL_ATTRIBUTES.get(attribute.name);
    if (mask) attribute.values.forEach((v) => whole.set(v, mask));
  }
  const stack: Element[] = [...roots];
  while (stack.length) {
    const element = stack.pop() as Element;
    const mask = whole.get(element);
    if (mask) {
      element.textContent = mask;
      continue;
    }
    for (const attr of Array.from(element.attributes)) attr.value = redactText(attr.value);
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (isElement(child)) stack.push(child);
      else if (child.nodeValue) child.nodeValue = redactText(child.nodeValue);
    }
  }
}

/** Where a placeholder's name comes from: the value's kind, or `email` for any value shaped like one. */
const LABEL: Record<PersonalKind, string> = {
  user: 'user',
  'listed-user': 'user',
  attribute: 'attribute',
  account: 'account',
  signature: 'signature',
  digest: 'digest',
  certificate: 'certificate',
};

/** Values people type: the same value in another case is one value, spelled differently (CX003). */
const SPELLED = new Set(['user', 'email', 'attribute']);

/** Base64 values: one value however it is wrapped, and never the same in another case. */
const WRAPPED = new Set<PersonalKind>(['signature', 'digest', 'certificate']);

/**
 * Values shorter than this (`jdoe`, `a`) are replaced only where a message quotes them whole (`` `jdoe` ``):
 * anywhere else they would eat words of the messages themselves.
 */
const ANYWHERE_MIN_LENGTH = 5;

/**
 * The values of one result looked for anywhere in its texts: each at most this long, at most this many
 * characters in all, so the pattern stays small and fast on a hostile input (V8 refuses one of about
 * 100,000 characters). Every value is still replaced where a message quotes it whole.
 */
const ANYWHERE_MAX_LENGTH = 4096;
const ANYWHERE_MAX_CHARACTERS = 65_536;

const EMAIL_SHAPE = new RegExp(EMAIL.source);
const QUOTED = /`([^`\n]*)`/g;

/** Finding and result fields that are the linter's own words and structure, never the input's. */
const STRUCTURAL = new Set(['code', 'name', 'messageId', 'severity', 'docsUrl', 'facts', 'artifact', 'needs', 'flags', 'checked', 'stages', 'what']);
/**
 * Fields that hold the input itself: a redacted result has none. A fix's replacement is text to put
 * in the user's document, which a placeholder would corrupt: a redacted finding offers no fix.
 */
const DROPPED = new Set(['xml', 'relayState', 'personal', 'fix']);

interface Known {
  label: string;
  key: string;
}

function isEmail(value: string): boolean {
  const match = EMAIL_SHAPE.exec(value);
  return match?.index === 0 && match[0].length === value.length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Placeholders for personal values (`samlint check --redact`), shared by the results redacted with it
 * (the CLI uses one per file) so that `«email-1»` is the same person in each of them. A value gets its
 * number the first time it is written; a value seen again in another case is `«email-1, case 2»`, so
 * CX003's case mismatch can still be read. Pure: only what it is given decides the output.
 */
export class Redaction {
  private readonly numbers = new Map<string, number>();
  private readonly values = new Map<string, { number: string; spellings: string[] }>();

  /** A redactor for one result's texts, looking for its personal values (`LintResult.personal`). */
  for(personal: readonly PersonalValue[] = []): Redactor {
    return new Redactor(this, personal);
  }

  /** The placeholder of a value: `«user-1»`; another spelling of a typed value `«user-1, case 2»`. */
  placeholder(label: string, key: string, spelling: string): string {
    let value = this.values.get(`${label}\u0000${key}`);
    if (!value) {
      const number = (this.numbers.get(label) ?? 0) + 1;
      this.numbers.set(label, number);
      value = { number: `${label}-${number}`, spellings: [] };
      this.values.set(`${label}\u0000${key}`, value);
    }
    if (!SPELLED.has(label)) return `«${value.number}»`;
    let index = value.spellings.indexOf(spelling);
    if (index < 0) index = value.spellings.push(spelling) - 1;
    return index === 0 ? `«${value.number}»` : `«${value.number}, case ${index + 1}»`;
  }
}

/** Replaces one result's personal values in its texts (see `Redaction`). */
export class Redactor {
  /** By spelling in lower case: what a value is and which value it is. */
  private readonly known = new Map<string, Known>();
  /** Spellings looked for anywhere, by their lower case (the pattern ignores case); account ids apart. */
  private readonly anywhere = new Map<string, string>();
  private readonly accounts = new Map<string, string>();
  private characters = 0;
  private pattern?: RegExp;

  constructor(
    private readonly redaction: Redaction,
    personal: readonly PersonalValue[],
  ) {
    for (const { kind, value } of personal) this.add(kind, value);
  }

  private add(kind: PersonalKind, value: string): void {
    const key = WRAPPED.has(kind) ? value.replace(/\s+/g, '') : value.toLowerCase();
    const known = { label: isEmail(value) ? 'email' : LABEL[kind], key };
    // A wrapped base64 value is written as it stands or unwrapped: both spellings name it.
    for (const spelling of new Set([value, key])) {
      const lower = spelling.toLowerCase();
      // The first kind names the value; any kind may still have it looked for anywhere.
      if (!this.known.has(lower)) this.known.set(lower, known);
      const quotedOnly = kind === 'listed-user' || kind === 'attribute' || spelling.length < ANYWHERE_MIN_LENGTH || spelling.length > ANYWHERE_MAX_LENGTH;
      const list = kind === 'account' ? this.accounts : this.anywhere;
      if (!quotedOnly && !list.has(lower) && this.characters + spelling.length <= ANYWHERE_MAX_CHARACTERS) {
        list.set(lower, spelling);
        this.characters += spelling.length;
        this.pattern = undefined;
      }
    }
  }

  /** Registers the account ids of ARNs in these texts, so the same id standing alone is replaced too. */
  private accountsIn(texts: Iterable<string>): void {
    for (const text of texts) for (const [account] of text.matchAll(ACCOUNT_ID)) this.add('account', account);
  }

  /**
   * Known values standing alone (longest first, so a value beats a shorter one inside it; an account id
   * not as the last group of a UUID, an instance id), then e-mails and ARN account ids anywhere.
   */
  private anywherePattern(): RegExp {
    if (this.pattern) return this.pattern;
    const alternation = (values: Map<string, string>) => [...values.values()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    const known = [
      ...(this.anywhere.size ? [`(?<![A-Za-z0-9])(?:${alternation(this.anywhere)})(?![A-Za-z0-9])`] : []),
      ...(this.accounts.size ? [`(?<![A-Za-z0-9-])(?:${alternation(this.accounts)})(?![A-Za-z0-9-])`] : []),
    ];
    this.pattern = new RegExp([...known, `(${EMAIL.source})`, `(${ACCOUNT_ID.source})`].join('|'), 'gi');
    return this.pattern;
  }

  private replace(match: string, email: string | undefined, account: string | undefined): string {
    const known = this.known.get(match.toLowerCase());
    if (known) return this.redaction.placeholder(known.label, known.key, match);
    if (email !== undefined) return this.redaction.placeholder('email', match.toLowerCase(), match);
    if (account !== undefined) return this.redaction.placeholder('account', match, match);
    return match;
  }

  private replaceAnywhere(text: string): string {
    return text.replace(this.anywherePattern(), (match, email?: string, account?: string) => this.replace(match, email, account));
  }

  /** Text with every personal value replaced: a quoted value whole, known values, e-mails and ARN account ids anywhere. */
  text(text: string): string {
    let out = '';
    let last = 0;
    for (const quoted of text.matchAll(QUOTED)) {
      // In the order they are written, so placeholders are numbered as a reader meets them.
      out += this.replaceAnywhere(text.slice(last, quoted.index));
      out += `\`${this.quoted(quoted[1] as string)}\``;
      last = quoted.index + quoted[0].length;
    }
    return out + this.replaceAnywhere(text.slice(last));
  }

  /** What a message quotes: a known value whole (spaces around it kept), else as any text. */
  private quoted(inner: string): string {
    const value = inner.trim();
    const known = value ? this.known.get(value.toLowerCase()) : undefined;
    if (!known) return this.replaceAnywhere(inner);
    const start = inner.indexOf(value);
    return `${inner.slice(0, start)}${this.redaction.placeholder(known.label, known.key, value)}${inner.slice(start + value.length)}`;
  }

  /** A finding's `data`: each value is what its message shows, quoted or not, so a known value is replaced whole. */
  private data(data: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(data).map(([name, value]) => {
        if (typeof value !== 'string') return [name, value];
        return [name, this.known.has(value.trim().toLowerCase()) ? this.quoted(value) : this.text(value)];
      }),
    );
  }

  /**
   * The result with every text the input could have put there redacted (messages, help, data, labels,
   * notes, what was detected and inferred, the signatures line, the HAR entry's label; a field added
   * later too), and without the input itself (`xml`, `relayState`) and its `personal` values.
   */
  result(result: LintResult): LintResult {
    this.accountsIn(strings(result));
    return this.walk(result) as LintResult;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !DROPPED.has(key))
        .map(([key, field]) => [key, STRUCTURAL.has(key) ? field : key === 'data' ? this.data(field as Record<string, unknown>) : this.walk(field)]),
    );
  }
}

/** Every string of a result but those it drops when redacted. */
function* strings(value: unknown, key = ''): Generator<string> {
  if (DROPPED.has(key) || STRUCTURAL.has(key)) return;
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value !== null && typeof value === 'object') for (const [name, field] of Object.entries(value)) yield* strings(field, name);
}

/**
 * `result` with placeholders for the personal values it holds (its `personal` list, e-mails and
 * account ids anywhere): what `samlint check --redact` formats. Give one `Redaction` to several
 * results (the logins of one file) to keep their placeholders consistent.
 */
export function redactResult(result: LintResult, redaction: Redaction = new Redaction()): LintResult {
  return redaction.for(result.personal).result(result);
}
