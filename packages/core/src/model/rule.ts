import type { Capture, InputRange } from './capture.js';
import type { Environment, Profile } from './environment.js';
import type { ResponseView } from './response.js';
import type { ParsedXml, XmlDocument } from './xml.js';
import type { SignatureInfo } from './signature.js';
import type { Fix, Label, Location, Severity, Span } from './finding.js';
import type { SymptomId } from './symptoms.js';
import type { JsonDocument, JsonNode } from './json.js';
import type { ContextNeed } from './context-options.js';

export type Family = 'IN' | 'XML' | 'SIG' | 'SAML' | 'AWS' | 'CX' | 'MD' | 'IAM';

/**
 * What a rule reads, which is also when it runs: `capture` rules see the decoding, `xml` rules the
 * parse, `response` rules the typed view of a parsed `samlp:Response`, `metadata` rules a SAML
 * metadata document (`md:EntityDescriptor` or `md:EntitiesDescriptor`; the input or --metadata),
 * `sp-metadata` rules AWS's own SP metadata (`urn:amazon:webservices`) when it is the input,
 * `policy` rules an IAM trust or permission policy (the input, --trust-policy or --permission-policy).
 */
export type Stage = 'capture' | 'xml' | 'response' | 'metadata' | 'sp-metadata' | 'policy';

/** The profiles a family's rules serve unless a rule says otherwise. */
export const FAMILY_PROFILES: Record<Family, readonly Profile[]> = {
  IN: ['aws', 'generic'],
  XML: ['aws', 'generic'],
  SIG: ['aws', 'generic'],
  SAML: ['aws', 'generic'],
  AWS: ['aws'],
  CX: ['aws'],
  MD: ['aws', 'generic'],
  IAM: ['aws'],
};

export interface MessageTemplate {
  /** Terse, lowercase, no full stop; `{{name}}` placeholders. */
  message: string;
  /** What to change, and where. */
  help: string;
}

export interface RuleMeta {
  /** Family prefix + 3 digits; stable, never reused. */
  code: string;
  /** Kebab-case name of the bad thing, accepted wherever a code is. */
  name: string;
  family: Family;
  stage: Stage;
  severity: Severity;
  /** One line, shown by `samlint rules`. */
  summary: string;
  /** Rule ids of shared/facts/aws-connect-saml.md; empty where AWS is silent (the rule doc says what we assumed). */
  facts: readonly string[];
  /** The messages users see when this rule is the cause (see symptoms.ts). */
  symptoms: readonly SymptomId[];
  needs?: readonly ContextNeed[];
  /** Overrides FAMILY_PROFILES for this rule. */
  profiles?: readonly Profile[];
  messages: Record<string, MessageTemplate>;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  location?: Location;
  labels?: Label[];
  notes?: string[];
  /** Only for rules whose severity depends on the case (e.g. a warning when AWS would still accept it). */
  severity?: Severity;
  /**
   * An edit that certainly fixes the finding; an `xml` one is kept only when the XML is the input
   * verbatim, a `relay-state` one only when the relay state was given as an option (not by a capture).
   */
  fix?: Fix;
}

export interface Locate {
  input(range: InputRange): Location;
  element(element: Element): Location;
  attribute(element: Element, name: string): Location;
  content(element: Element): Location;
  xmlSpan(span: Span): Location;
  relayState(start: number, end: number): Location;
  /** A value of a JSON document (the input, or a policy given as context). */
  json(doc: JsonDocument, node: JsonNode): Location;
}

/** The SAML metadata the `metadata` stage reads: the input itself, or the --metadata document. */
export interface MetadataContext {
  doc: XmlDocument;
  /** `xml` when the input is the metadata, `metadata` when it came with --metadata. */
  artifact: 'xml' | 'metadata';
  /**
   * The document as the user gave it, byte order mark and leading whitespace included (the parse
   * starts after them); undefined when the input was decoded from base64.
   */
  text?: string;
}

export interface RuleContext {
  capture: Capture;
  parsed?: ParsedXml;
  xml?: XmlDocument;
  response?: ResponseView;
  /** For `metadata` rules. */
  metadata?: MetadataContext;
  env: Environment;
  /** Every ds:Signature in the document, verified once per lint (on first use). */
  signatures(): SignatureInfo[];
  at: Locate;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
