import { decodeCapture } from './capture/decode.js';
import { resolveEnvironment, type LintOptions } from './environment.js';
import type { Capture } from './model/capture.js';
import type { Environment, Inferred, Profile } from './model/environment.js';
import type { JsonDocument } from './model/json.js';
import type { ResponseView } from './model/response.js';
import type { SignatureInfo, SignatureReport } from './model/signature.js';
import type { ParsedXml, XmlDocument } from './model/xml.js';
import { SEVERITY_RANK, type Artifact, type Finding, type Fix, type Location, type Span } from './model/finding.js';
import type { ConfigContext, Locate, MessageTemplate, MetadataContext, Report, Rule, RuleContext, Stage, Wording } from './model/rule.js';
import { CONTEXT_NEEDS, NEED_FLAGS, type ContextNeed, type ContextOptionId, type ServiceProvider } from './model/context-options.js';
import { jsonLocation, parseJson } from './json/tree.js';
import { isPolicy, policyKind, type PolicyKind } from './iam/policy.js';
import { FAMILY_PROFILES } from './model/rule.js';
import { isMetadataRoot, textOf } from './xml/dom.js';
import { entityDescriptors, entityIdOf, isAwsSpMetadata, isIdentityProvider } from './saml/metadata.js';
import { analyseSignatures } from './sig/signatures.js';
import { describeSigning, proving, reportSignatures, signaturesCovering } from './sig/coverage.js';
import { SourceText } from './model/source-text.js';
import { RULES } from './rules/index.js';
import { readResponse } from './saml/response.js';
import { describeEnvelope, readSoapEnvelope } from './saml/soap.js';
import { parseXml } from './xml/parse.js';
import { decryptAssertion, type DecryptionResult } from './saml/decrypt.js';
import { attributeSpan, contentSpan, elementSpan } from './xml/spans.js';
import { personalValues, type PersonalValue } from './decode/personal.js';

export const RESULT_SCHEMA_VERSION = 2;
export const DOCS_BASE_URL = 'https://github.com/samlint/samlint/blob/main/docs/rules/';

export function docsUrl(code: string): string {
  return `${DOCS_BASE_URL}${code}.md`;
}

export interface Unchecked {
  code: string;
  name: string;
  needs: ContextNeed[];
  flags: string[];
}

/** Why a stage's rules did not run: what the lint did not have. */
export type StageSkip =
  /** The input decoded to no XML text (the capture findings say why). */
  | 'no-xml'
  /** The XML text is not well-formed (the XML findings say why). */
  | 'xml-unreadable'
  /** The XML is not a `samlp:Response`. */
  | 'not-a-response'
  /** Neither the input nor --metadata is SAML metadata. */
  | 'no-metadata'
  /** The input is not AWS's own SP metadata. */
  | 'not-aws-sp-metadata'
  /** Neither the input nor --trust-policy or --permission-policy is an IAM policy. */
  | 'no-policy'
  /** The input is no IdP configuration file. */
  | 'no-config';

/** Whether a stage was reached, so that its rules ran (those of the profile, with their context); if not, why. */
export type StageRun = { ran: true } | { ran: false; skipped: StageSkip };

export interface LintResult {
  /** What samlint recognised in the input. */
  detected: string;
  findings: Finding[];
  /** Rules that could not run for lack of context, and the flags that would let them. */
  unchecked: Unchecked[];
  /** Codes of the rules that ran, found something or not: `why` says which causes are ruled out. */
  checked?: string[];
  /** Which stages the lint reached: `why` tells a rule left out of a reached stage from one whose input was missing. */
  stages: Record<Stage, StageRun>;
  inferred: Inferred[];
  /** Which elements are signed and how they verified, in words (responses only). */
  signatures?: string;
  /** Each ds:Signature of the response: where, how it verified, with which certificate, what it covers (with `signatures`). */
  signing?: SignatureReport[];
  /** Who issued what was linted: the Response's Issuer or the metadata's entityID (config ignores are keyed by it). */
  issuer?: string;
  /** The decoded XML, for `decode` and for mapping spans; never printed by the formatters. */
  xml?: string;
  relayState?: string;
  /** Which login of a HAR file or SAML-tracer export this result is about (lintFile). */
  entry?: { index: number; label: string };
  /** The personal values the input and its context hold, for `redactResult`; never printed by the formatters. */
  personal?: PersonalValue[];
  /**
   * Where the decoded XML sits in the input, so reports that name files can point there: `verbatim`
   * when the input is the XML itself (raw XML: an `xml` span maps into the input line for line), else
   * the SAMLResponse value it was decoded from. Absent when there is no XML or no single place for it.
   */
  origin?: { span: Span; verbatim: boolean };
  /** Where the RelayState value sits in the input, when it was read from it (a form body, a HAR or SAML-tracer login) and not given by flag. */
  relayStateOrigin?: Span;
}

/**
 * Lints one input: a SAMLResponse in any form a paste takes (base64, form body, XML), IdP or AWS SP
 * metadata, or an IAM policy. Pure: the same text and options always give the same result. A file
 * that may hold many logins (a HAR file, a SAML-tracer export) is lintFile's.
 */
export function lint(text: string, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintResult {
  return lintCapture(text, decodeCapture(text), options, rules).result;
}

/**
 * The engine behind lint and lintFile, for the core only: lints `capture`, decoded from `text` (a
 * paste, or a login of a HAR file or SAML-tracer export), and hands back the parsed document and what
 * decryption gave too, so that decodeForDisplay never parses or decrypts the same XML twice.
 */
export function lintCapture(
  text: string,
  capture: Capture,
  options: LintOptions,
  rules: readonly Rule[],
  config?: ConfigContext,
): { result: LintResult; parsed?: ParsedXml; decryption?: DecryptionResult } {
  const policy = capture.detected === 'json' ? readPolicyInput(capture) : undefined;
  const parsed = capture.parsed ?? (capture.xml !== undefined ? parseXml(capture.xml) : undefined);
  const xml = parsed?.doc;
  // An ECP client's SOAP envelope: the Response in its Body is the message, in the same document.
  const envelope = xml && readSoapEnvelope(xml.root);
  const message = envelope ? (envelope.payload ?? xml.root) : xml?.root;
  const encrypted = message ? readResponse(message) : undefined;
  const decryption = decryptIfAsked(encrypted, options.decryptionKey);
  const decrypted = decryption?.ok ? decryption.parsed.doc : undefined;
  let response = message && decrypted ? readResponse(message, decrypted.root) : encrypted;
  let env = resolveEnvironment(options, capture, response);
  let verified: SignatureInfo[] | undefined;
  const signatures = () =>
    (verified ??= [xml, decrypted].flatMap((doc) => (doc ? analyseSignatures(doc, env.trusted) : [])));
  // Once a signature verifies, rules read only an Assertion it covers (decision 0002); the others
  // are SIG011's. Only a wrapped response reads differently, and then its context is derived again.
  const verifying = rules.some((rule) => rule.meta.family === 'SIG' && servesProfile(rule, env.profile));
  const valid = xml && response?.isResponse && verifying ? proving(signatures()) : [];
  if (message && response && valid.length) {
    const signed = readResponse(message, decrypted?.root, (assertion) => signaturesCovering(assertion, valid).length > 0);
    if (signed.assertion !== response.assertion) env = resolveEnvironment(options, capture, signed);
    response = signed;
  }
  if (decryption && !decryption.ok) env.decryptionProblem = decryption.failure;
  // A policy given as the input is the one its rules read, whatever the flags named.
  if (policy?.kind === 'trust') env.trustPolicy = policy.doc;
  else if (policy?.kind === 'permission') env.permissionPolicy = policy.doc;
  // Raw XML is the document as given; XML decoded from base64 has lost its byte order mark.
  const metadata = metadataContext(xml, env, capture.detected === 'xml' ? text : undefined, options.metadata);
  const findings: Finding[] = [];
  const unchecked: Unchecked[] = [];
  const checked: string[] = [];
  let checkedSignatures = false;
  const stages: Record<Stage, StageRun> = {
    capture: RAN,
    xml: parsed ? RAN : skipped('no-xml'),
    response: response?.isResponse ? RAN : skipped(!parsed ? 'no-xml' : !xml ? 'xml-unreadable' : 'not-a-response'),
    metadata: metadata ? RAN : skipped('no-metadata'),
    'sp-metadata': metadata?.artifact === 'xml' && isAwsSpMetadata(metadata.doc.root) ? RAN : skipped('not-aws-sp-metadata'),
    policy: env.trustPolicy !== undefined || env.permissionPolicy !== undefined ? RAN : skipped('no-policy'),
    config: config ? RAN : skipped('no-config'),
  };
  const relaySource = env.relayState ? new SourceText(env.relayState.raw) : undefined;
  const at = locator(capture, parsed, decrypted, relaySource, env.metadataDocument);
  const origin = xmlOrigin(capture, text);
  const fixable = (fix: Fix) => editable(fix, capture, parsed, origin, env.relayStateSource);
  for (const rule of rules) {
    if (!stages[rule.meta.stage].ran || !servesProfile(rule, env.profile)) continue;
    const missing = (rule.meta.needs ?? []).filter((need) => !has(env, need));
    // Global Resiliency sign-in needs no relay state (facts §7, CX-GR): those rules do not apply.
    if (missing.includes('relayState') && env.recipientEndpoint?.kind === 'global-resiliency') continue;
    if (missing.length) {
      unchecked.push({ code: rule.meta.code, name: rule.meta.name, needs: missing, flags: missing.map((n) => NEED_FLAGS[n]) });
      continue;
    }
    const ctx: RuleContext<Report> = {
      capture,
      parsed,
      xml,
      response,
      metadata,
      config,
      env,
      signatures,
      at,
      report: (report) => findings.push(toFinding(rule, report, env.profile, fixable)),
    };
    checked.push(rule.meta.code);
    if (rule.meta.family === 'SIG') checkedSignatures = true;
    rule.check(ctx);
  }
  const result: LintResult = {
    detected: envelope ? `${capture.description}, ${describeEnvelope(envelope)}` : capture.description,
    findings: sortFindings(dedupe(findings)),
    unchecked,
    checked,
    stages,
    inferred: env.inferred,
    // Only a lint whose signature rules ran describes signatures: decoding for display verifies nothing,
    // and a verdict no rule stands behind could end in "no problems".
    signatures:
      response && checkedSignatures
        ? describeSigning(response, signatures(), env.trusted.length, env.decryptionProblem !== undefined)
        : undefined,
    xml: capture.xml,
    relayState: env.relayState?.raw,
  };
  definePersonal(result, () => personalValues([xml, decrypted, env.metadataDocument], env));
  if (result.signatures !== undefined) result.signing = reportSignatures(signatures(), at);
  if (origin) result.origin = origin;
  if (env.relayStateSource === 'capture' && capture.relayState) {
    result.relayStateOrigin = capture.input.span(capture.relayState.range.start, capture.relayState.range.end);
  }
  const issuer = issuerOf(response, metadata);
  if (issuer !== undefined) result.issuer = issuer;
  return { result, parsed, decryption };
}

/**
 * `result.personal`, worked out when first read: only redaction reads it, and walking every element of a
 * large document for its values cost a lint (and each keystroke in the editor) more than most rules.
 * An ordinary enumerable property once read, so copies and `JSON.stringify` see the list. The
 * documents it reads are the lint's own and nothing changes them after it: decodeForDisplay redacts its
 * parse in place, but never reads or hands out that lint's result.
 */
function definePersonal(result: LintResult, compute: () => PersonalValue[]): void {
  Object.defineProperty(result, 'personal', {
    configurable: true,
    enumerable: true,
    get() {
      const personal = compute();
      Object.defineProperty(result, 'personal', { value: personal, configurable: true, enumerable: true, writable: true });
      return personal;
    },
    set(personal: PersonalValue[] | undefined) {
      Object.defineProperty(result, 'personal', { value: personal, configurable: true, enumerable: true, writable: true });
    },
  });
}

const RAN: StageRun = Object.freeze({ ran: true });

function skipped(reason: StageSkip): StageRun {
  return { ran: false, skipped: reason };
}

function xmlOrigin(capture: Capture, text: string): LintResult['origin'] {
  if (capture.xml === undefined) return undefined;
  // Raw XML given as the input (not a login's text inside a HAR file) is the input from its first `<`.
  if (capture.detected === 'xml' && capture.input.text === text) {
    return { span: capture.input.span(text.length - capture.xml.length, text.length), verbatim: true };
  }
  return capture.value && { span: capture.input.span(capture.value.start, capture.value.end), verbatim: false };
}

/** The input read as JSON: an IAM policy, or a problem IN001 reports (HAR and SAML-tracer files go through lintFile). */
function readPolicyInput(capture: Capture): { kind: PolicyKind; doc: JsonDocument } | undefined {
  const doc = parseJson(capture.input.text, 'input');
  const whole = { start: 0, end: capture.input.text.length };
  const problem = doc.problems[0];
  if (problem) {
    const detail = problem.kind === 'syntax' ? `${problem.detail} at offset ${problem.offset}` : problem.detail;
    const start = Math.min(problem.offset, whole.end);
    capture.problems.push({ kind: 'json-invalid', range: { start, end: start + 1 }, detail });
    return undefined;
  }
  if (!isPolicy(doc.root) || !doc.root) {
    capture.problems.push({ kind: 'json-unrecognized', range: whole });
    return undefined;
  }
  const kind = policyKind(doc.root);
  capture.description = `IAM ${kind} policy`;
  return { kind, doc };
}

function issuerOf(response: ResponseView | undefined, metadata: MetadataContext | undefined): string | undefined {
  if (response?.issuer) return textOf(response.issuer).trim() || undefined;
  if (metadata?.artifact !== 'xml') return undefined;
  const idp = entityDescriptors(metadata.doc.root).find(isIdentityProvider);
  return idp ? entityIdOf(idp) : undefined;
}

/** The metadata `metadata` rules read: the input when it is metadata, else the --metadata document. */
function metadataContext(
  xml: XmlDocument | undefined,
  env: Environment,
  inputText: string | undefined,
  metadataText: string | undefined,
): MetadataContext | undefined {
  if (xml && isMetadataRoot(xml.root)) return { doc: xml, artifact: 'xml', text: inputText };
  return env.metadataDocument ? { doc: env.metadataDocument, artifact: 'metadata', text: metadataText } : undefined;
}

/** The plaintext of the response's only EncryptedAssertion, when a key was given and there is one. */
function decryptIfAsked(view: ResponseView | undefined, key: string | undefined): DecryptionResult | undefined {
  const only = view?.encryptedAssertions.length === 1 && view.assertions.length === 0 ? view.encryptedAssertions[0] : undefined;
  return only && key !== undefined ? decryptAssertion(only, key) : undefined;
}

function servesProfile(rule: Rule, profile: Profile): boolean {
  return (rule.meta.profiles ?? FAMILY_PROFILES[rule.meta.family]).includes(profile);
}

/** The Environment fields CONTEXT_NEEDS' `heldBy` may name; a name that is no field fails to compile in has(). */
type EnvironmentField = Exclude<keyof Environment, 'sp' | 'given'> | `sp.${keyof ServiceProvider}` | `given.${ContextOptionId}`;

function has(env: Environment, need: ContextNeed): boolean {
  const entry = CONTEXT_NEEDS[need];
  const fields: readonly EnvironmentField[] = 'heldBy' in entry ? entry.heldBy : entry.options.map((id) => `given.${id}` as const);
  return fields.some((field) => {
    const [key, inner] = field.split('.') as [keyof Environment, string | undefined];
    const value: unknown = inner === undefined ? env[key] : (env[key] as Record<string, unknown>)[inner];
    return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
  });
}

function locator(
  capture: Capture,
  parsed: ParsedXml | undefined,
  decrypted: XmlDocument | undefined,
  relay: SourceText | undefined,
  metadata: XmlDocument | undefined,
): Locate {
  const xmlSource = parsed?.source ?? new SourceText('');
  // An element's span is in the text it was parsed from: the response, a decrypted assertion, or --metadata.
  const place = (element: Element): { source: SourceText; artifact: Artifact } => {
    if (decrypted && element.ownerDocument === decrypted.document) return { source: decrypted.source, artifact: 'decrypted' };
    if (metadata && element.ownerDocument === metadata.document) return { source: metadata.source, artifact: 'metadata' };
    return { source: xmlSource, artifact: 'xml' };
  };
  const inPlace = (element: Element, span: (source: SourceText, element: Element) => Span): Location => {
    const { source, artifact } = place(element);
    return { artifact, span: span(source, element) };
  };
  return {
    input: (range) => ({ artifact: 'input', span: capture.input.span(range.start, range.end) }),
    element: (element: Element) => inPlace(element, elementSpan),
    attribute: (element: Element, name: string) => inPlace(element, (source, e) => attributeSpan(source, e, name)),
    content: (element: Element) => inPlace(element, contentSpan),
    xmlSpan: (span: Span) => ({ artifact: 'xml', span }),
    relayState: (start, end) => ({ artifact: 'relay-state', span: (relay ?? new SourceText('')).span(start, end) }),
    json: jsonLocation,
  };
}

/** `{{name}}`, as the types of model/rule.ts read placeholders. */
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

function interpolate(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => (key in data ? visible(String(data[key])) : whole));
}

const LINE_BREAKS_AND_TABS: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value as one line: a message quotes what the document holds, and a raw line break would split the finding. */
function visible(value: string): string {
  return value.replace(/[\n\r\t]/g, (c) => LINE_BREAKS_AND_TABS[c] as string);
}

/**
 * The values of a report's data that its template shows, under any profile, in the order it shows
 * them: a report may carry values only its rule's other messages use.
 */
function shownData(template: MessageTemplate, data: Readonly<Record<string, string | number>> = {}): Record<string, string | number> {
  const wordings: Partial<Wording>[] = [template, ...Object.values(template.profiles ?? {})];
  const shown: Record<string, string | number> = {};
  for (const text of wordings.flatMap((wording) => [wording.message ?? '', wording.help ?? ''])) {
    for (const [, name = ''] of text.matchAll(PLACEHOLDER)) {
      const value = data[name];
      if (value !== undefined) shown[name] = value;
    }
  }
  return shown;
}

/** Texts that are documents the user edits; decoded and decrypted texts are not. */
const EDITABLE = new Set<Artifact>(['input', 'metadata', 'trust-policy', 'permission-policy']);

/**
 * A fix as an edit of a document the user has, or nothing: one in the decoded XML is an edit of the
 * input only when the input is that XML as given (raw XML, not base64 or a HAR file); one in the relay
 * state only when the caller gave it (--relay-state, a config file), not when a capture carried it: a
 * capture records what the IdP sent, and an edit there would fix nothing.
 */
function editable(
  fix: Fix,
  capture: Capture,
  parsed: ParsedXml | undefined,
  origin: LintResult['origin'],
  relayStateSource: Environment['relayStateSource'],
): Fix | undefined {
  if (EDITABLE.has(fix.location.artifact)) return fix;
  if (fix.location.artifact === 'relay-state') return relayStateSource === 'option' ? fix : undefined;
  if (fix.location.artifact !== 'xml' || !origin?.verbatim || !parsed) return undefined;
  const { span } = fix.location;
  const shift = capture.input.text.length - parsed.source.text.length;
  const start = shift + parsed.source.offsetOf(span.line, span.column);
  const end = shift + parsed.source.offsetOf(span.endLine, span.endColumn);
  return { ...fix, location: { artifact: 'input', span: capture.input.span(start, end) } };
}

/** Labels kept per finding; the rest are counted in a note. */
const MAX_LABELS = 10;

function toFinding(rule: Rule, report: Report, profile: Profile, fixable: (fix: Fix) => Fix | undefined): Finding {
  const template = rule.meta.messages[report.messageId];
  if (!template) throw new Error(`${rule.meta.code} reported unknown messageId '${report.messageId}'`);
  const wording = wordingFor(template, profile);
  const finding: Omit<Finding, 'data'> = {
    code: rule.meta.code,
    name: rule.meta.name,
    messageId: report.messageId,
    severity: report.severity ?? rule.meta.severity,
    message: interpolate(wording.message, report.data),
    help: interpolate(wording.help, report.data),
    docsUrl: docsUrl(rule.meta.code),
    facts: [...rule.meta.facts],
  };
  if (report.location) finding.location = report.location;
  const notes = [...(report.notes ?? [])];
  if (report.labels?.length) {
    // A hostile document can make one finding point at thousands of places; the first few say enough.
    finding.labels = report.labels.slice(0, MAX_LABELS);
    const more = report.labels.length - MAX_LABELS;
    if (more > 0) notes.push(`and ${more} more ${more === 1 ? 'place' : 'places'} like these`);
  }
  if (notes.length) finding.notes = notes;
  const fix = report.fix && fixable(report.fix);
  if (fix) finding.fix = fix;
  // Last, so that redaction numbers values in the order the message, labels and notes show them.
  return { ...finding, data: shownData(template, report.data) };
}

/** A template's words under a profile: its override where it has one, else the default. */
export function wordingFor(template: MessageTemplate, profile: Profile): Wording {
  const override = template.profiles?.[profile];
  return { message: override?.message ?? template.message, help: override?.help ?? template.help };
}

const ARTIFACT_ORDER: Record<Artifact, number> = {
  input: 0,
  'relay-state': 1,
  xml: 2,
  decrypted: 3,
  users: 4,
  metadata: 5,
  'trust-policy': 6,
  'permission-policy': 7,
};

/** Deterministic order: by artifact, position, then code and message. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const la = a.location;
    const lb = b.location;
    if (!la || !lb) return la ? 1 : lb ? -1 : compareRest(a, b);
    return (
      ARTIFACT_ORDER[la.artifact] - ARTIFACT_ORDER[lb.artifact] ||
      la.span.line - lb.span.line ||
      la.span.column - lb.span.column ||
      compareRest(a, b)
    );
  });
}

function compareRest(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.code, f.messageId, f.data, f.location]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type { ResponseView };
