import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { CONTEXT_OPTION_IDS, contextOption } from '@samlint/core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { CONFIG_SCHEMA } from '../src/config-schema.js';
import { ROOT } from './memory-io.js';

const PUBLISHED = JSON.parse(readFileSync(join(ROOT, 'schema/samlint.config.schema.json'), 'utf8'));
const DOC = readFileSync(join(ROOT, 'docs/configuration.md'), 'utf8');
const EXAMPLES = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] as string);

describe('the published config schema and its documentation', () => {
  it('publishes the schema samlint validates with', () => {
    // On a change to config-schema.ts, write it out again: JSON.stringify(CONFIG_SCHEMA, null, 2) plus a newline.
    expect(PUBLISHED).toEqual(CONFIG_SCHEMA);
  });

  it('is a valid draft 2020-12 schema', () => {
    expect(() => new Ajv2020({ strict: true }).compile(PUBLISHED)).not.toThrow();
  });

  it('documents every field', () => {
    for (const field of Object.keys(CONFIG_SCHEMA.properties)) expect(DOC, field).toContain(`| \`${field}\` |`);
    for (const field of Object.keys(CONFIG_SCHEMA.properties.ignores.items.properties)) expect(DOC, field).toContain(`| \`${field}\` |`);
  });

  it('gives each context field the flag core’s table gives it', () => {
    for (const id of CONTEXT_OPTION_IDS) {
      const row = DOC.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
      expect(row?.split(' | ')[2], id).toMatch(new RegExp(`^\`${contextOption(id).flag}\``));
    }
  });

  it('gives examples that samlint accepts: the schema and every rule code', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(2);
    for (const example of EXAMPLES) {
      expect(() => parseConfig(example, 'docs/configuration.md', '/project'), example).not.toThrow();
      expect(new Ajv2020().validate(PUBLISHED, JSON.parse(example)), example).toBe(true);
    }
  });
});
