import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTEXT_NEEDS,
  CONTEXT_OPTION_IDS,
  NEED_FLAGS,
  RULES,
  checkContextValue,
  contextOption,
  contextOptionValues,
  contextValue,
  lint,
  type Rule,
} from '../src/index.js';

const vector = (file: string) => readFileSync(new URL(`../../../test-vectors/${file}`, import.meta.url), 'utf8');
const kebab = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

describe('the table of context options', () => {
  it('spells each flag as its key in kebab case, but for --cert, which names one of the certificates', () => {
    const exceptions = CONTEXT_OPTION_IDS.filter((id) => contextOption(id).flag !== `--${kebab(id)}`);
    expect(exceptions.map((id) => `${id}: ${contextOption(id).flag}`)).toEqual(['certificates: --cert']);
  });

  it('names the flags that meet a need, in the order messages give them', () => {
    expect(NEED_FLAGS).toMatchObject({ trust: '--cert or --metadata', issuer: '--issuer or --metadata', users: '--users', inResponseTo: '--in-response-to' });
    expect(Object.keys(NEED_FLAGS)).toEqual(Object.keys(CONTEXT_NEEDS));
  });

  it('puts a value in its group and reads it back from there, or from its former name', () => {
    const options = contextOptionValues({ audience: 'https://sp.example.com', clockSkew: 30, certificates: ['PEM'] });
    expect(options).toEqual({ sp: { audience: 'https://sp.example.com' }, clockSkew: 30, certificates: ['PEM'] });
    expect(contextValue(options, 'audience')).toBe('https://sp.example.com');
    expect(contextValue({ clockSkewSeconds: 45 }, 'clockSkew')).toBe(45);
    expect(contextValue({ clockSkew: 5, clockSkewSeconds: 45 }, 'clockSkew')).toBe(5);
    expect(contextValue({ audience: 'not in its group' } as never, 'audience')).toBeUndefined();
  });
});

describe('lint options named as in the table', () => {
  // Expired at 09:05:00; --now is 09:10:12, so 600 s of skew still accepts it.
  const expired = vector('saml/assertion-expired.xml');
  const codes = (options: Parameters<typeof lint>[1]) => lint(expired, { now: '2026-11-27T09:10:12Z', ...options }).findings.map((f) => f.code);

  it('take the clock skew as clockSkew, and still as its former name clockSkewSeconds', () => {
    expect(codes({})).toContain('SAML012');
    expect(codes({ clockSkew: 600 })).not.toContain('SAML012');
    expect(codes({ clockSkewSeconds: 600 })).toEqual(codes({ clockSkew: 600 }));
  });

  it('meet a need with what the environment holds, whichever option gave it', () => {
    const unchecked = (options: Parameters<typeof lint>[1]) => lint(vector('clean/clean-signed-both.xml'), options).unchecked.map((u) => u.code);
    // SIG rules that need trust: no certificate, an unreadable one (not trusted), the metadata's.
    const needingTrust = RULES.filter((rule) => rule.meta.needs?.includes('trust')).map((rule) => rule.meta.code);
    expect(needingTrust.length).toBeGreaterThan(0);
    expect(unchecked({})).toEqual(expect.arrayContaining(needingTrust));
    expect(unchecked({ certificates: ['not a certificate'] })).toEqual(expect.arrayContaining(needingTrust));
    expect(unchecked({ certificates: [vector('keys/idp.crt')] })).not.toEqual(expect.arrayContaining(needingTrust));
  });
});

describe('a value checked against its option, as every host checks it', () => {
  const clock = () => new Date('2026-11-27T09:00:30Z');
  const check = (id: Parameters<typeof contextOption>[0], value: unknown) => checkContextValue(contextOption(id), value, clock);

  it('takes a text that matches its pattern, and says what was expected of one that does not', () => {
    expect(check('region', 'eu-west-2')).toEqual({ value: 'eu-west-2' });
    expect(check('region', 'London')).toEqual({ problem: 'not an AWS Region code such as eu-west-2' });
    expect(check('instanceId', 'anything')).toEqual({ value: 'anything' });
  });

  it('reads a time with a zone as a Date, `now` as the caller’s clock, and refuses a local time or an impossible one', () => {
    expect(check('now', '2026-11-27T10:00:00+01:00')).toEqual({ value: new Date('2026-11-27T09:00:00Z') });
    expect(check('now', 'now')).toEqual({ value: clock() });
    expect(check('now', '2026-11-27T09:00:30')).toEqual({ problem: 'not an ISO 8601 time with a zone, e.g. 2026-11-27T09:00:30Z' });
    expect(check('now', '2026-13-40T09:00:30Z')).toEqual({ problem: 'not a valid time' });
  });

  it('takes a number of seconds, 0 or more, and nothing else', () => {
    expect(check('clockSkew', 0)).toEqual({ value: 0 });
    expect(check('clockSkew', 90)).toEqual({ value: 90 });
    for (const wrong of [-1, Number.NaN, Number.POSITIVE_INFINITY, '90']) expect(check('clockSkew', wrong)).toEqual({ problem: 'not a number of seconds, 0 or more' });
  });
});
