// libxml2's xmllint as an independent oracle (well-formedness, canonicalisation). CI must have it
// (.ci/run installs libxml2-utils); elsewhere its comparisons skip and say why.
import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';

/**
 * Whether xmllint can be run. When it cannot, registers what stands in for the comparison in the
 * current describe block: a failing test in CI, a skipped one with the reason elsewhere.
 */
export function requireXmllint(): boolean {
  if (!probe.error && probe.status === 0) return true;
  if (inCi) {
    it('has xmllint to compare with', () => {
      throw new Error(`xmllint (libxml2-utils) is not installed, and CI must run this comparison: .ci/run installs it (${probe.error?.message ?? `exit ${probe.status}`})`);
    });
  } else {
    it.skip('skipped: xmllint (apt-get install libxml2-utils) is not installed on this machine; CI installs it and runs this test', () => undefined);
  }
  return false;
}
