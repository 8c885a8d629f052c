import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MANIFEST } from '../../../../test-vectors/manifest.js';
import { readIdpConfig } from '../../src/idp-config/read.js';

// Behaviour for every other input is unchanged because no other input is taken for a configuration.
it('no vector but the IdP configuration ones, and no context file, is read as an IdP configuration', () => {
  const root = join(__dirname, '../../../../test-vectors');
  const files = [...new Set(MANIFEST.flatMap((v) => [v.file, ...Object.values(v.options).flat().filter((o): o is string => typeof o === 'string' && /\.(json|csv|xml|crt|pem)$/.test(o))]))];
  const read = files.filter((file) => readIdpConfig(readFileSync(join(root, file), 'utf8')) !== undefined);
  // The signed response beside the Entra configuration is a response, not a configuration.
  expect(read.sort()).toEqual(MANIFEST.filter((v) => v.file.startsWith('idp-config/') && v.signed === 'none').map((v) => v.file).sort());
});
