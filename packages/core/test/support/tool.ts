// Programs from Debian that tests compare samlint with or drive (libxml2's xmllint, pre-commit). CI must
// have them (.ci/run installs them); elsewhere their tests skip and say why.
import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';

/**
 * Whether `command` runs (`command ...probeArgs` exits 0). When it does not, registers what stands in
 * for its tests in the current describe block: a failing test in CI, a skipped one with the reason elsewhere.
 */
export function requireTool(command: string, probeArgs: string[], debianPackage: string): boolean {
  const probe = spawnSync(command, probeArgs, { encoding: 'utf8' });
  if (!probe.error && probe.status === 0) return true;
  if (inCi) {
    it(`has ${command} to run these tests with`, () => {
      throw new Error(`${command} (${debianPackage}) is not installed, and CI must run these tests: .ci/run installs it (${probe.error?.message ?? `exit ${probe.status}`})`);
    });
  } else {
    it.skip(`skipped: ${command} (apt-get install ${debianPackage}) is not installed on this machine; CI installs it and runs these tests`, () => undefined);
  }
  return false;
}
