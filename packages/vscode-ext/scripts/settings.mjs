// The extension's settings are samlint.config.json's keys (schema/samlint.config.schema.json) under
// `samlint.`: this writes them into package.json's `contributes.configuration`, where VS Code and the
// marketplace read them. `--check` fails, naming this command, when package.json is stale.
import { readFileSync, writeFileSync } from 'node:fs';

const MANIFEST = new URL('../package.json', import.meta.url);
const SCHEMA = new URL('../../../schema/samlint.config.schema.json', import.meta.url);

/** Config keys that are no editor setting: `$schema` addresses the file, and diagnostics are never redacted (docs/editor.md). */
const NOT_SETTINGS = new Set(['$schema', 'redact']);

/** Paths in the config file are relative to it; in settings, to the workspace folder. */
const relativeToFolder = (text) => text.replace('relative to this file', 'relative to the workspace folder');

function setting(key, property) {
  const { description, ...schema } = property;
  const nested = schema.items?.description ? { ...schema, items: { ...schema.items, description: relativeToFolder(schema.items.description) } } : schema;
  const empty = property.type === 'array' ? [] : property.type === 'object' ? {} : null;
  // null: unset, so samlint.config.json or samlint's own default applies.
  const type = empty === null ? { type: [property.type ?? 'string', 'null'], ...(property.enum && { enum: [...property.enum, null] }) } : {};
  return [
    `samlint.${key}`,
    { ...nested, ...type, default: empty, scope: 'resource', markdownDescription: `${relativeToFolder(description)}. A \`samlint.config.json\` that sets \`${key}\` wins.` },
  ];
}

export function contributedSettings() {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const properties = Object.fromEntries(
    Object.entries(schema.properties)
      .filter(([key]) => !NOT_SETTINGS.has(key))
      .map(([key, property]) => setting(key, property)),
  );
  properties['samlint.trace.server'] = {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    scope: 'window',
    markdownDescription: 'Logs the messages between VS Code and `samlint server` to the samlint output channel.',
  };
  return { title: 'samlint', properties };
}

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const wanted = contributedSettings();
if (JSON.stringify(manifest.contributes.configuration) !== JSON.stringify(wanted)) {
  if (process.argv.includes('--check')) {
    console.error('packages/vscode-ext/package.json: the settings differ from schema/samlint.config.schema.json: run `pnpm --filter ./packages/vscode-ext run settings`');
    process.exit(1);
  }
  manifest.contributes.configuration = wanted;
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
}
