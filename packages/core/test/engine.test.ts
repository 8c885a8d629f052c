import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';

const vector = (file: string) => readFileSync(new URL(`../../../test-vectors/${file}`, import.meta.url), 'utf8');
const cert = vector('keys/idp.crt');

describe('what the engine says besides findings', () => {
  it('lists the relay-state rules as not checked when a relay state would help', () => {
    const unchecked = lint(vector('clean/clean-signed-both.xml')).unchecked.map((u) => u.code);
    expect(unchecked).toContain('CX004');
  });

  it('does not ask for a relay state on a Global Resiliency login, which needs none', () => {
    const unchecked = lint(vector('cx/global-resiliency-instance-mismatch.xml')).unchecked.map((u) => u.code);
    expect(unchecked).not.toContain('CX004');
    expect(unchecked).toContain('CX003');
  });

  it('says which elements are signed and how they verified', () => {
    expect(lint(vector('clean/clean-signed-both.xml'), { certificates: [cert] }).signatures).toMatch(
      /^Response and Assertion signed, verified with --cert #1 \(SHA-256 /,
    );
    expect(lint(vector('clean/clean-signed-both.xml')).signatures).toBe(
      'Response and Assertion signed; intact, but not checked against a trusted certificate (--cert or --metadata)',
    );
    expect(lint(vector('sig/xsw3-evil-assertion-before.xml'), { certificates: [cert] }).signatures).toMatch(/^1 of 2 Assertions signed/);
    expect(lint(vector('xml/not-well-formed.xml')).signatures).toBeUndefined();
  });
});
