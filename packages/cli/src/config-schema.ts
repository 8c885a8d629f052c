import { CONTEXT_OPTION_IDS, ISO_TIME, contextOption, type ContextOptionSpec } from '@samlint/core';

const text = (description: string) => ({ type: 'string', minLength: 1, description }) as const;
const RELATIVE = 'relative to this file';

/** A context option's property: its value's schema, described with its flag and default. */
function contextProperty(option: ContextOptionSpec): object {
  const source = `${option.flag}${option.repeatable ? ', repeated' : ''}${option.default === undefined ? '' : `; default ${option.default}`}`;
  const description = `${option.description} (${source})`;
  switch (option.type) {
    case 'text':
      return option.pattern ? { type: 'string', pattern: option.pattern.regex.source, description } : text(description);
    case 'time':
      return { type: 'string', pattern: `^now$|${ISO_TIME.source}`, description };
    case 'seconds':
      return { type: 'number', minimum: 0, description };
    case 'choice':
      return { enum: option.choices, description };
    case 'file':
      return option.repeatable ? { type: 'array', items: text(`A path ${RELATIVE}`), description } : text(`${description}; a path ${RELATIVE}`);
  }
}

/** The context options' properties, from core's table. */
const CONTEXT_PROPERTIES: Record<string, object> = Object.fromEntries(CONTEXT_OPTION_IDS.map((id) => [id, contextProperty(contextOption(id))]));

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
    ...CONTEXT_PROPERTIES,
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
