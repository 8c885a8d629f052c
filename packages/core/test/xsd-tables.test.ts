import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// The validator reads tables compiled from packages/core/schemas/saml/ (decision 0007): they must be
// what scripts/compile-schemas.mjs makes of the bundled schemas today.
it('the generated schema tables are up to date with the bundled schemas', () => {
  const script = fileURLToPath(new URL('../../../scripts/compile-schemas.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});
