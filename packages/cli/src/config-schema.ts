import { AWS_REGION, ISO_TIME } from './options.js';

const text = (description: string) => ({ type: 'string', minLength: 1, description }) as const;
const file = (description: string) => text(`${description}; a path relative to this file`);

/**
 * The JSON Schema of samlint.config.json (draft 2020-12), published as schema/samlint.config.schema.json
 * (a test keeps the two equal). Rule codes are checked against the registry after the schema, so the
 * schema need not change when a rule is added.
 */
export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://raw.githubusercontent.com/samlint/samlint/main/schema/samlint.config.schema.json',
  title: 'samlint.config.json',
  description: 'Context and rule settings for samlint; command-line flags override them. See docs/configuration.md.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'This schema’s address, for editors' },
    region: { type: 'string', pattern: AWS_REGION.source, description: 'The AWS Region of the Amazon Connect instance, such as eu-west-2 (--region)' },
    instanceId: text('The Amazon Connect instance id (--instance-id)'),
    relayState: text('The RelayState the IdP sends (--relay-state)'),
    users: file('The Connect user list: the SAML bulk-upload CSV or `aws connect list-users` JSON (--users)'),
    metadata: file('The IdP metadata (--metadata)'),
    certificates: {
      type: 'array',
      items: file('A trusted IdP signing certificate: PEM, DER or base64'),
      description: 'Trusted IdP signing certificates (--cert, repeated)',
    },
    decryptionKey: file('The SP private key (PEM) that decrypts an EncryptedAssertion (--decryption-key)'),
    trustPolicy: file('The IAM role’s trust policy (--trust-policy)'),
    permissionPolicy: file('The IAM role’s permission policy (--permission-policy)'),
    profile: { enum: ['aws', 'generic'], description: 'aws (default) or generic (--profile)' },
    audience: text('generic profile: the SP entity id expected as Audience (--audience)'),
    acs: text('generic profile: the ACS URL expected as Recipient and Destination (--acs)'),
    issuer: text('The IdP entity id expected as Issuer (--issuer)'),
    inResponseTo: text('generic profile: the AuthnRequest ID the response must answer (--in-response-to)'),
    now: {
      type: 'string',
      pattern: `^now$|${ISO_TIME.source}`,
      description: 'The moment validity windows are checked against: an ISO 8601 time with a zone, or `now` (--now)',
    },
    clockSkew: { type: 'number', minimum: 0, description: 'Tolerated clock difference in seconds (--clock-skew; default 60)' },
    redact: {
      type: 'boolean',
      description: 'Replace personal values (NameID, RoleSessionName, emails, account ids, signature values) with placeholders in every output (--redact; --no-redact overrides)',
    },
    rules: {
      type: 'object',
      description: 'Severity per rule, keyed by code (CX003) or name (user-not-found); `off` drops its findings',
      additionalProperties: { enum: ['error', 'warning', 'info', 'off'] },
    },
    ignores: {
      type: 'array',
      description: 'Findings to drop for what one IdP sent; they are counted as suppressed',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'reason'],
        properties: {
          code: text('A rule code or name'),
          issuer: text('The Response Issuer or metadata entityID it applies to; absent: every issuer'),
          reason: text('Why these findings are accepted'),
        },
      },
    },
  },
} as const;
