import type { Artifact } from './finding.js';

/**
 * The context options: what the caller knows about the login (the region, the user list, the trusted
 * certificates…). This table is the only place an option is defined. Core's `LintOptions`, the rules'
 * `needs` and the flags naming them come from it here; the CLI derives its flags, samlint.config.json's
 * schema (and so the editor settings) and the reading of both from it; the tests map the vectors'
 * options to flags and config with it.
 *
 * An option's key is its name everywhere but on the command line: the core option (inside `group`
 * when it has one), the config key and the editor setting `samlint.<key>`; `flag` is its flag.
 */

/** An AWS Region code: eu-west-2, us-gov-west-1. */
export const AWS_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
/** ISO 8601 with a date and a time and a zone; a bare date or a local time would make the check depend on the machine. */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** What ISO_TIME accepts, in words. */
export const ISO_TIME_EXPECTED = 'an ISO 8601 time with a zone, e.g. 2026-11-27T09:00:30Z';

export interface ContextOptionSpec {
  /** The command-line flag. */
  flag: `--${string}`;
  /**
   * - `text`: a string, which matches `pattern` when there is one;
   * - `time`: an ISO 8601 time with a zone (ISO_TIME), or `now` for the caller's clock; core also takes a Date;
   * - `seconds`: a number of seconds, 0 or more;
   * - `choice`: one of `choices`;
   * - `file`: the path of a file; core takes the file's text.
   */
  type: 'text' | 'time' | 'seconds' | 'choice' | 'file';
  /** One sentence for `--help`, the schema and the editor settings (which add the flag, the default, and for a file what its path is relative to). */
  description: string;
  pattern?: { regex: RegExp; expected: string };
  choices?: readonly string[];
  /** What core assumes when the option is absent. */
  default?: string | number;
  /** A file option given once per file: the flag is repeated, the config key holds a list, core takes a list of texts. */
  repeatable?: boolean;
  /** A file that may be binary (a DER certificate): read as bytes, passed on as base64 unless it is text. */
  binary?: boolean;
  /** A document findings point into: the artifact their locations name. */
  artifact?: Artifact;
  /** The core object holding the option: `sp` for what a generic service provider expects. */
  group?: 'sp';
  /** A former name of the core option, still accepted (when both are given, the key wins). */
  coreAlias?: string;
}

export const CONTEXT_OPTIONS = {
  region: {
    flag: '--region',
    type: 'text',
    pattern: { regex: AWS_REGION, expected: 'an AWS Region code such as eu-west-2' },
    description: 'The AWS Region of the Amazon Connect instance, such as eu-west-2; inferred from the relay state or Recipient when omitted',
  },
  instanceId: {
    flag: '--instance-id',
    type: 'text',
    description: 'The Amazon Connect instance id; inferred from the relay state when omitted',
  },
  relayState: {
    flag: '--relay-state',
    type: 'text',
    description: 'The RelayState the IdP sends; taken from the capture (a form body, a HAR login) when omitted',
  },
  users: {
    flag: '--users',
    type: 'file',
    artifact: 'users',
    description: 'The Connect user list: the SAML bulk-upload CSV or `aws connect list-users` JSON',
  },
  now: {
    flag: '--now',
    type: 'time',
    description: 'The moment validity windows are checked against: an ISO 8601 time with a zone, or `now` for this machine’s clock',
  },
  clockSkew: {
    flag: '--clock-skew',
    type: 'seconds',
    default: 60,
    coreAlias: 'clockSkewSeconds',
    description: 'The clock difference tolerated between the IdP and AWS, in seconds',
  },
  // The flag names one certificate and is repeated; the key holds them all.
  certificates: {
    flag: '--cert',
    type: 'file',
    repeatable: true,
    binary: true,
    description: 'Trusted IdP signing certificates (PEM, DER or base64), one file each; several for a rotation',
  },
  metadata: {
    flag: '--metadata',
    type: 'file',
    artifact: 'metadata',
    description: 'The IdP metadata: its signing certificates are trusted, its entityID is the expected Issuer',
  },
  trustPolicy: {
    flag: '--trust-policy',
    type: 'file',
    artifact: 'trust-policy',
    description: 'The IAM role’s trust policy (JSON): checked, and checked against the response',
  },
  permissionPolicy: {
    flag: '--permission-policy',
    type: 'file',
    artifact: 'permission-policy',
    description: 'The IAM role’s permission policy (JSON) that grants connect:GetFederationToken',
  },
  decryptionKey: {
    flag: '--decryption-key',
    type: 'file',
    description: 'The SP private key (PEM) that decrypts an EncryptedAssertion',
  },
  profile: {
    flag: '--profile',
    type: 'choice',
    choices: ['aws', 'generic'],
    default: 'aws',
    description: 'aws: AWS sign-in and Amazon Connect; generic: any SP, described by its audience, ACS URL, issuer and request ID',
  },
  audience: {
    flag: '--audience',
    type: 'text',
    group: 'sp',
    description: 'generic profile: the SP entity id expected as Audience',
  },
  acs: {
    flag: '--acs',
    type: 'text',
    group: 'sp',
    description: 'generic profile: the ACS URL expected as Recipient and Destination',
  },
  issuer: {
    flag: '--issuer',
    type: 'text',
    group: 'sp',
    description: 'The IdP entity id expected as Issuer',
  },
  inResponseTo: {
    flag: '--in-response-to',
    type: 'text',
    group: 'sp',
    description: 'generic profile: the AuthnRequest ID the response must answer',
  },
} as const satisfies Record<string, ContextOptionSpec>;

type Options = typeof CONTEXT_OPTIONS;
export type ContextOptionId = keyof Options;

/** The options in the table's order (the order of --help and of the schema). */
export const CONTEXT_OPTION_IDS = Object.keys(CONTEXT_OPTIONS) as ContextOptionId[];

/** An option's entry, typed as any entry (for code that handles every option alike). */
export function contextOption(id: ContextOptionId): ContextOptionSpec {
  return CONTEXT_OPTIONS[id];
}

/** What core takes for a value, or why it takes none: `problem` completes "`<value>` is …". */
export type CheckedValue = { value: unknown } | { problem: string };

/**
 * A value of an option that is not a file, as a flag, a config key or a form field gives it, checked as
 * core would take it; `now` is the caller's clock, for a time given as `now`. Every host checks with this,
 * and phrases the problem for its user (the CLI refuses the flag, the browser page marks the field).
 */
export function checkContextValue(option: ContextOptionSpec, value: unknown, now: () => Date): CheckedValue {
  switch (option.type) {
    case 'text':
      return option.pattern && !option.pattern.regex.test(String(value)) ? { problem: `not ${option.pattern.expected}` } : { value };
    case 'time': {
      if (value === 'now') return { value: now() };
      if (!ISO_TIME.test(String(value))) return { problem: `not ${ISO_TIME_EXPECTED}` };
      const date = new Date(String(value));
      return Number.isNaN(date.getTime()) ? { problem: 'not a valid time' } : { value: date };
    }
    case 'seconds':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? { value } : { problem: 'not a number of seconds, 0 or more' };
    default:
      return { value };
  }
}

/** The value core takes for an option: a file's text (a list of texts for a repeatable one), a time, a number, a choice. */
type CoreValue<O> = O extends { type: 'file' }
  ? O extends { repeatable: true }
    ? string[]
    : string
  : O extends { type: 'time' }
    ? Date | string
    : O extends { type: 'seconds' }
      ? number
      : O extends { choices: readonly (infer C)[] }
        ? C
        : string;

type Group = NonNullable<ContextOptionSpec['group']>;
type Ungrouped = { [K in ContextOptionId as Options[K] extends { group: Group } ? never : K]?: CoreValue<Options[K]> };
type InGroup<G extends Group> = { [K in ContextOptionId as Options[K] extends { group: G } ? K : never]?: CoreValue<Options[K]> };
type FormerNames = { [K in ContextOptionId as Options[K] extends { coreAlias: infer A extends string } ? A : never]?: CoreValue<Options[K]> };

/** What a generic service provider expects (`--profile generic`): the options of group `sp`. */
export type ServiceProvider = InGroup<'sp'>;

/** The context options as core takes them (`LintOptions` adds what lintFile passes on). */
export type ContextOptionValues = Ungrouped & { [G in Group]?: InGroup<G> } & FormerNames;

/** Which service provider the response is meant for (--profile). */
export type Profile = (typeof CONTEXT_OPTIONS.profile.choices)[number];

/** The context options' values by option, flat: `ContextOptionValues` puts some in a group. */
export type ContextValues = { [K in ContextOptionId]?: CoreValue<Options[K]> };

/** An option's value in core options: inside its group, under its key or else its former name. */
export function contextValue<K extends ContextOptionId>(options: ContextOptionValues, id: K): ContextValues[K] {
  const option = contextOption(id);
  const holder = (option.group ? options[option.group] : options) as Record<string, unknown> | undefined;
  const value = holder?.[id] ?? (option.coreAlias === undefined ? undefined : (options as Record<string, unknown>)[option.coreAlias]);
  return value as ContextValues[K];
}

/** Core options holding the values given: each under its key, inside its group when it has one. */
export function contextOptionValues(values: ContextValues): ContextOptionValues {
  const options: Record<string, unknown> = {};
  for (const id of CONTEXT_OPTION_IDS) {
    const value = values[id];
    if (value === undefined) continue;
    const { group } = contextOption(id);
    if (group) ((options[group] ??= {}) as Record<string, unknown>)[id] = value;
    else options[id] = value;
  }
  return options as ContextOptionValues;
}

/**
 * Context a rule cannot check without (`RuleMeta.needs`); the engine says so instead of skipping
 * silently. `options` give it, in the order messages name them. A need is met when the resolved
 * Environment holds it: by default when one of its options was given (`env.given`); `heldBy` names
 * the Environment fields that hold it instead, when it may come from elsewhere (the region inferred
 * from the relay state, the issuer from the metadata's entityID, a policy given as the input) or may
 * be refused (a time that is no time, a certificate that cannot be read).
 */
export const CONTEXT_NEEDS = {
  now: { options: ['now'], heldBy: ['now'] },
  users: { options: ['users'] },
  relayState: { options: ['relayState'], heldBy: ['relayState'] },
  region: { options: ['region'], heldBy: ['region'] },
  trust: { options: ['certificates', 'metadata'], heldBy: ['trusted'] },
  audience: { options: ['audience'] },
  acs: { options: ['acs'] },
  issuer: { options: ['issuer', 'metadata'], heldBy: ['sp.issuer'] },
  inResponseTo: { options: ['inResponseTo'] },
  decryptionKey: { options: ['decryptionKey'] },
  trustPolicy: { options: ['trustPolicy'], heldBy: ['trustPolicy'] },
  permissionPolicy: { options: ['permissionPolicy'], heldBy: ['permissionPolicy'] },
} as const satisfies Record<string, { options: readonly ContextOptionId[]; heldBy?: readonly string[] }>;

export type ContextNeed = keyof typeof CONTEXT_NEEDS;

/** Whether an option can meet a need. */
export function meetsNeed(option: ContextOptionId, need: ContextNeed): boolean {
  return (CONTEXT_NEEDS[need].options as readonly ContextOptionId[]).includes(option);
}

/** The flags that meet each need, as messages name them: `--cert or --metadata`. */
export const NEED_FLAGS = Object.fromEntries(
  Object.entries(CONTEXT_NEEDS).map(([need, { options }]) => [need, options.map((id) => CONTEXT_OPTIONS[id].flag).join(' or ')]),
) as Record<ContextNeed, string>;
