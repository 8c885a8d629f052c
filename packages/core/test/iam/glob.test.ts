import { describe, expect, it } from 'vitest';
import { globMatch, hasWildcard } from '../../src/iam/glob.js';

describe('globMatch (IAM wildcards)', () => {
  it.each([
    ['sts:*', 'sts:AssumeRoleWithSAML', true],
    ['sts:AssumeRoleWith*', 'sts:AssumeRoleWithSAML', true],
    ['sts:AssumeRoleWith*', 'sts:AssumeRole', false],
    ['*', '', true],
    ['sts:AssumeRole?ithSAML', 'sts:AssumeRoleWithSAML', true],
    ['sts:AssumeRole?ithSAML', 'sts:AssumeRoleithSAML', false],
    ['arn:aws:connect:*:instance/*', 'arn:aws:connect:eu-west-2:123456789012:instance/x/user/y', true],
    ['https://signin.aws.amazon.com/saml', 'https://signin.aws.amazon.com/saml/', false],
    ['*saml*saml', 'samlsamlsaml', true],
  ])('%s against %s: %s', (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });

  it('compares case-sensitively unless asked not to', () => {
    expect(globMatch('sts:AssumeRoleWithSAML', 'STS:assumerolewithsaml')).toBe(false);
    expect(globMatch('sts:AssumeRoleWithSAML', 'STS:assumerolewithsaml', { ignoreCase: true })).toBe(true);
  });

  it('reads policy variables only when asked', () => {
    const pattern = 'instance/i/user/${aws:userid}';
    expect(globMatch(pattern, 'instance/i/user/AROA123:jane', { variables: true })).toBe(true);
    expect(globMatch(pattern, 'instance/i/user/AROA123:jane')).toBe(false);
    expect(globMatch(pattern, pattern)).toBe(true);
  });

  it('reads `${*}`, `${?}` and `${$}` as the literal characters', () => {
    expect(globMatch('a${*}b', 'a*b', { variables: true })).toBe(true);
    expect(globMatch('a${*}b', 'axxb', { variables: true })).toBe(false);
    expect(globMatch('a${?}${$}', 'a?$', { variables: true })).toBe(true);
  });

  it('stays fast on a hostile pattern', () => {
    const pattern = `${'*a'.repeat(2000)}b`;
    const started = performance.now();
    expect(globMatch(pattern, 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('says whether a value has a wildcard', () => {
    expect(hasWildcard('https://x/saml*')).toBe(true);
    expect(hasWildcard('https://x/saml')).toBe(false);
    expect(hasWildcard('${aws:userid}')).toBe(false);
    expect(hasWildcard('${aws:userid}', { variables: true })).toBe(true);
  });
});
