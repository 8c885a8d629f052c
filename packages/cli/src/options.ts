import type { LintOptions } from '@samlint/core';
import { DEFAULT_CLOCK_SKEW_SECONDS } from '@samlint/core';
import type { Options } from 'yargs';
import type { Io } from './io.js';

export class UsageError extends Error {}

/** The context flags shared by every command that lints. */
export const CONTEXT_OPTIONS = {
  region: { type: 'string', describe: 'AWS Region of the Amazon Connect instance (inferred from the relay state or Recipient when omitted)' },
  'instance-id': { type: 'string', describe: 'Amazon Connect instance id (inferred from the relay state when omitted)' },
  'relay-state': { type: 'string', describe: 'The RelayState the IdP sends (taken from a form body when present)' },
  users: { type: 'string', describe: 'Connect users: the SAML bulk-upload CSV or `aws connect list-users` JSON', normalize: true },
  now: { type: 'string', describe: 'The moment to check validity windows against: an ISO 8601 time, or `now` for this machine’s clock' },
  // No yargs defaults: a flag left out must not override samlint.config.json (core applies the same defaults).
  'clock-skew': { type: 'number', defaultDescription: String(DEFAULT_CLOCK_SKEW_SECONDS), describe: 'Tolerated clock difference between the IdP and AWS, in seconds' },
  cert: { type: 'string', array: true, describe: 'A trusted IdP signing certificate (PEM, DER or base64); repeat for rotation', normalize: true },
  metadata: { type: 'string', describe: 'The IdP metadata: its signing certificates are trusted, its entityID is the expected Issuer', normalize: true },
  'trust-policy': { type: 'string', describe: 'The IAM role’s trust policy (JSON): checked, and checked against the response', normalize: true },
  'permission-policy': { type: 'string', describe: 'The IAM role’s permission policy (JSON) that grants connect:GetFederationToken', normalize: true },
  'decryption-key': { type: 'string', describe: 'The SP private key (PEM) to decrypt an EncryptedAssertion', normalize: true },
  profile: { choices: ['aws', 'generic'] as const, defaultDescription: 'aws', describe: 'aws: AWS sign-in and Amazon Connect; generic: any SP, described by the flags below' },
  audience: { type: 'string', describe: 'generic profile: the SP entity id expected as Audience' },
  acs: { type: 'string', describe: 'generic profile: the ACS URL expected as Recipient and Destination' },
  issuer: { type: 'string', describe: 'The IdP entity id expected as Issuer' },
  'in-response-to': { type: 'string', describe: 'generic profile: the AuthnRequest ID the response must answer' },
} as const satisfies Record<string, Options>;

export interface ContextArgs {
  profile?: 'aws' | 'generic';
  audience?: string;
  acs?: string;
  issuer?: string;
  inResponseTo?: string;
  cert?: string[];
  metadata?: string;
  decryptionKey?: string;
  trustPolicy?: string;
  permissionPolicy?: string;
  region?: string;
  instanceId?: string;
  relayState?: string;
  users?: string;
  now?: string;
  clockSkew?: number;
}

export const AWS_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
/** ISO 8601 with a date and a time and a zone; a bare date or a local time would make the check depend on this machine. */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Turns the flags into core options; reads the user list (the only file a context flag names). */
export function toLintOptions(args: ContextArgs, io: Io): LintOptions {
  const options: LintOptions = {};
  if (args.region !== undefined) {
    if (!AWS_REGION.test(args.region)) throw new UsageError(`--region \`${args.region}\` is not an AWS Region code such as eu-west-2`);
    options.region = args.region;
  }
  if (args.instanceId !== undefined) options.instanceId = args.instanceId;
  if (args.relayState !== undefined) options.relayState = args.relayState;
  if (args.now !== undefined) options.now = parseNow(args.now, io);
  if (args.clockSkew !== undefined) {
    if (!Number.isFinite(args.clockSkew) || args.clockSkew < 0) throw new UsageError('--clock-skew takes a number of seconds, 0 or more');
    options.clockSkewSeconds = args.clockSkew;
  }
  if (args.users !== undefined) options.users = io.readFile(args.users);
  if (args.profile !== undefined) options.profile = args.profile;
  const sp = { audience: args.audience, acs: args.acs, issuer: args.issuer, inResponseTo: args.inResponseTo };
  if (Object.values(sp).some((value) => value !== undefined)) {
    options.sp = Object.fromEntries(Object.entries(sp).filter(([, value]) => value !== undefined));
  }
  if (args.cert?.length) options.certificates = args.cert.map((path) => certificateText(io.readBytes(path)));
  if (args.metadata !== undefined) options.metadata = io.readFile(args.metadata);
  if (args.decryptionKey !== undefined) options.decryptionKey = io.readFile(args.decryptionKey);
  if (args.trustPolicy !== undefined) options.trustPolicy = io.readFile(args.trustPolicy);
  if (args.permissionPolicy !== undefined) options.permissionPolicy = io.readFile(args.permissionPolicy);
  return options;
}

/** PEM and base64 files are text already; a DER file is binary and travels as base64. */
function certificateText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8');
  return /^[\sA-Za-z0-9+/=-]*$/.test(text) || text.includes('-----BEGIN') ? text : Buffer.from(bytes).toString('base64');
}

function parseNow(value: string, io: Io): Date {
  if (value === 'now') return io.clock();
  if (!ISO_TIME.test(value)) {
    throw new UsageError(`--now \`${value}\` is not an ISO 8601 time with a zone, e.g. 2026-11-27T09:00:30Z`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now \`${value}\` is not a valid time`);
  return date;
}
