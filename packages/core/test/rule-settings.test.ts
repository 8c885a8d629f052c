import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyRuleSettings, lint, type LintResult } from '../src/index.js';

const vector = (file: string) => readFileSync(new URL(`../../../test-vectors/${file}`, import.meta.url), 'utf8');
const OKTA = 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9';

/** A failed Connect login: CX003 error, CX006 and CX007 warnings; SIG006 (among others) not checked. */
const denied = (): LintResult =>
  lint(vector('samples/agent-access-denied.txt'), { users: vector('users/connect-users.csv'), now: new Date('2026-11-27T09:00:30Z') });

const codes = (result: LintResult) => result.findings.map((f) => `${f.code}:${f.severity}`);

describe('applyRuleSettings', () => {
  it('changes nothing without settings', () => {
    const result = denied();
    const settled = applyRuleSettings(result, {});
    expect(settled.findings).toEqual(result.findings);
    expect(settled.unchecked).toEqual(result.unchecked);
    expect(settled.suppressed).toBe(0);
  });

  it('overrides a rule’s severity, by code or by name, and keeps the order deterministic', () => {
    expect(codes(denied()).sort()).toEqual(['CX003:error', 'CX006:warning', 'CX007:warning']);
    const settled = applyRuleSettings(denied(), { rules: { cx003: 'warning', 'region-mismatch': 'error' } });
    expect(codes(settled).sort()).toEqual(['CX003:warning', 'CX006:error', 'CX007:warning']);
    expect(settled.findings.map((f) => f.code)).toEqual(denied().findings.map((f) => f.code));
  });

  it('drops an `off` rule’s findings and its "not checked" entry, without counting them as suppressed', () => {
    const unchecked = denied().unchecked.map((u) => u.code);
    expect(unchecked).toContain('SIG006');
    const settled = applyRuleSettings(denied(), { rules: { CX003: 'off', SIG006: 'off' } });
    expect(codes(settled).sort()).toEqual(['CX006:warning', 'CX007:warning']);
    expect(settled.unchecked.map((u) => u.code)).toEqual(unchecked.filter((code) => code !== 'SIG006'));
    expect(settled.suppressed).toBe(0);
  });

  it('does not count an `off` or ignored rule among the rules that ran (`why` would call it ruled out)', () => {
    expect(denied().checked).toEqual(expect.arrayContaining(['CX003', 'CX007']));
    const settled = applyRuleSettings(denied(), { rules: { CX007: 'off' }, ignores: [{ code: 'CX003', issuer: OKTA }] });
    expect(settled.checked).not.toContain('CX007');
    expect(settled.checked).not.toContain('CX003');
    expect(settled.checked).toContain('CX006');
  });

  it('drops an ignored rule’s findings only for the issuer named, and counts them', () => {
    const forOkta = applyRuleSettings(denied(), { ignores: [{ code: 'user-not-found', issuer: OKTA }] });
    expect(codes(forOkta).sort()).toEqual(['CX006:warning', 'CX007:warning']);
    expect(forOkta.suppressed).toBe(1);
    const forOther = applyRuleSettings(denied(), { ignores: [{ code: 'CX003', issuer: 'https://sts.windows.net/other/' }] });
    expect(codes(forOther)).toContain('CX003:error');
    expect(forOther.suppressed).toBe(0);
  });

  it('drops an ignore without issuer everywhere, also for a result with no issuer', () => {
    const truncated = lint(vector('capture/truncated.b64'));
    expect(truncated.issuer).toBeUndefined();
    const settled = applyRuleSettings(truncated, { ignores: [{ code: 'IN003' }] });
    expect(settled.findings.map((f) => f.code)).toEqual(['XML001']);
    expect(settled.suppressed).toBe(1);
    expect(applyRuleSettings(truncated, { ignores: [{ code: 'IN003', issuer: OKTA }] }).suppressed).toBe(0);
  });

  it('drops the "not checked" entry of a rule ignored for this issuer', () => {
    const unchecked = lint(vector('clean/clean-form-body.txt'));
    expect(unchecked.unchecked.map((u) => u.code)).toContain('CX003');
    const settled = applyRuleSettings(unchecked, { ignores: [{ code: 'CX003', issuer: OKTA }] });
    expect(settled.unchecked.map((u) => u.code)).not.toContain('CX003');
    expect(settled.suppressed).toBe(0);
  });

  it('leaves the result it was given unchanged', () => {
    const result = denied();
    const before = JSON.stringify(result);
    applyRuleSettings(result, { rules: { CX006: 'info', CX007: 'off' }, ignores: [{ code: 'CX003' }] });
    expect(JSON.stringify(result)).toBe(before);
  });
});
