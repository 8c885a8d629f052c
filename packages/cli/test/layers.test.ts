import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC = 'packages/cli/src';

// packages/core/test/layers.test.ts checks the core's layers; the CLI is thin, so only cycles here.
it('packages/cli/src has no import cycle, type-only imports included', async () => {
  const { output } = await cruise([SRC], {
    baseDir: ROOT,
    tsPreCompilationDeps: true,
    includeOnly: `^${SRC}/`,
    validate: true,
    ruleSet: { forbidden: [{ name: 'no-cycle', from: {}, to: { circular: true } }] },
  });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  const sources = readdirSync(join(ROOT, SRC), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  expect(output.modules.map((m) => m.source).sort()).toEqual(sources.map((file) => `${SRC}/${file}`).sort());
  const cycles = output.summary.violations.map((v) => [v.from, ...(v.cycle ?? []).map((step) => step.name)].join(' → '));
  expect(cycles).toEqual([]);
}, 60_000);
