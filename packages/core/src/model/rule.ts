import type { Capture, InputRange } from './capture.js';
import type { Environment, Profile } from './environment.js';
import type { ResponseView } from './response.js';
import type { ParsedXml, XmlDocument } from './xml.js';
import type { SignatureInfo } from './signature.js';
import type { Fix, Label, Location, Severity, Span } from './finding.js';
import type { SymptomId } from './symptoms.js';
import type { JsonDocument, JsonNode } from './json.js';
import type { ContextNeed } from './context-options.js';
import type { SamlAppConfig } from './idp-config.js';

export type Family = 'IN' | 'XML' | 'XSD' | 'SIG' | 'SAML' | 'AWS' | 'CX' | 'MD' | 'IAM' | 'IDP';

/**
 * What a rule reads, which is also when it runs: `capture` rules see the decoding, `xml` rules the
 * parse, `response` rules the typed view of a parsed `samlp:Response`, `metadata` rules a SAML
 * metadata document (`md:EntityDescriptor` or `md:EntitiesDescriptor`; the input or --metadata),
 * `sp-metadata` rules AWS's own SP metadata (`urn:amazon:webservices`) when it is the input,
 * `policy` rules an IAM trust or permission policy (the input, --trust-policy or --permission-policy),
 * `config` rules a SAML app's configuration read from an IdP export or a Terraform plan (decision 0008).
 */
export type Stage = 'capture' | 'xml' | 'response' | 'metadata' | 'sp-metadata' | 'policy' | 'config';

/** The profiles a family's rules serve unless a rule says otherwise. */
export const FAMILY_PROFILES: Record<Family, readonly Profile[]> = {
  IN: ['aws', 'generic'],
  XML: ['aws', 'generic'],
  XSD: ['aws', 'generic'],
  SIG: ['aws', 'generic'],
  SAML: ['aws', 'generic'],
  AWS: ['aws'],
  CX: ['aws'],
  MD: ['aws', 'generic'],
  IAM: ['aws'],
  IDP: ['aws'],
};

export interface Wording {
  /** Terse, lowercase, no full stop; `{{name}}` placeholders. */
  message: string;
  /** What to change, and where. */
  help: string;
}

export interface MessageTemplate extends Wording {
  /**
   * Other words under a profile (`generic` without AWS's), chosen by the engine from `env.profile`;
   * what an override leaves out is worded as above. Its placeholders are the report's to fill too.
   */
  profiles?: Partial<Record<Profile, Partial<Wording>>>;
}

/** A rule's messages by id: the ids and placeholders its reports must use. */
export type Messages = Readonly<Record<string, MessageTemplate>>;

/** The `{{name}}` placeholders of a text: `'{{a}} and {{b}}'` gives `'a' | 'b'`. */
export type Placeholders<Text extends string> = Text extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** Every text a template can render, under any profile. */
type TemplateTexts<Template extends MessageTemplate> =
  | Template['message']
  | Template['help']
  | (Template extends { profiles: infer Overrides } ? OverrideTexts<Overrides[keyof Overrides]> : never);
type OverrideTexts<Override> =
  | (Override extends { message: infer Text extends string } ? Text : never)
  | (Override extends { help: infer Text extends string } ? Text : never);

/** The values a template is rendered from: one for each placeholder of its message and help, under any profile. */
export type MessageData<Template extends MessageTemplate> = { [Name in Placeholders<TemplateTexts<Template>>]: string | number };

/**
 * The messages of a rule as `defineRule` requires them: each text a string literal (or a `const` or
 * template literal made of them), whose placeholders the compiler can read; a text typed `string`
 * (built with `+`, say) would let a report leave one unfilled.
 */
export type LiteralMessages<M extends Messages> = {
  [Id in keyof M]: string extends TemplateTexts<M[Id]> ? { 'each text a string literal, so that its placeholders are checked': never } : unknown;
};

export interface RuleMeta<M extends Messages = Messages> {
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
  messages: M;
}

/** What every report may say besides its message. */
export interface ReportDetails {
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

type Values = Readonly<Record<string, string | number>>;

/**
 * A report of a rule with messages `M`: one of its message ids, with `data` holding every placeholder
 * of that message (optional when it has none; values for the rule's other messages may come along,
 * so one `data` can serve several ids). For `Messages`, any rule's report.
 */
export type Report<M extends Messages = Messages> = {
  [Id in keyof M & string]: ReportDetails & { messageId: Id } & DataOf<MessageData<M[Id]>>;
}[keyof M & string];
type DataOf<Data> = keyof Data extends never ? { data?: Values } : { data: Readonly<Data> & Values };

/** The reports of a rule made with `defineRule`, for helpers that build them apart from `check`. */
export type ReportOf<R extends { meta: { messages: Messages } }> = Report<R['meta']['messages']>;

/** The context of a rule made with `defineRule`, for helpers that report on their own. */
export type ContextOf<R extends { meta: { messages: Messages } }> = RuleContext<ReportOf<R>>;

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

/** The SAML app a `config` rule reads, and where a range of the configuration file is. */
export interface ConfigContext {
  app: SamlAppConfig;
  locate(range: InputRange): Location;
}

/**
 * What a rule reads, and `report`, which takes the reports `R` of that rule (a helper that reports
 * takes `ContextOf<typeof RULE>`). A plain `RuleContext`, as helpers that only read take it, reports nothing.
 */
export interface RuleContext<R extends Report = never> {
  capture: Capture;
  parsed?: ParsedXml;
  xml?: XmlDocument;
  response?: ResponseView;
  /** For `metadata` rules. */
  metadata?: MetadataContext;
  /** For `config` rules: the app of an IdP configuration file. */
  config?: ConfigContext;
  env: Environment;
  /** Every ds:Signature in the document, verified once per lint (on first use). */
  signatures(): SignatureInfo[];
  at: Locate;
  report(report: R): void;
}

/**
 * A rule with messages `M`. `R` is only ever `Report<M>`: naming it as a parameter lets a rule with
 * its own messages be used where any rule is, which TypeScript cannot work out through `Report<M>`.
 */
export interface Rule<M extends Messages = Messages, R extends Report = Report<M>> {
  meta: RuleMeta<M>;
  check(ctx: RuleContext<R>): void;
}
