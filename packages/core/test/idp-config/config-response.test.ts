import { describe, expect, it } from 'vitest';
import { MANIFEST, loadVector } from '../../../../test-vectors/manifest.js';
import { lintFile } from '../../src/index.js';

/** Each finding of a vector as `CODE messageId data`, the rule's verdict without its place. */
function verdicts(file: string): string[] {
  const entry = MANIFEST.find((v) => v.file === file);
  if (!entry) throw new Error(`no vector ${file}`);
  const { text, options } = loadVector(entry);
  return lintFile(text, options).flatMap((r) => r.findings.map((f) => `${f.code} ${f.messageId} ${JSON.stringify(f.data)}`)).sort();
}
const codeOf = (verdict: string) => verdict.split(' ')[0]!;

describe('an Entra configuration and the response it makes (signed by xmlsec1)', () => {
  const config = verdicts('idp-config/entra/graph-defects.json');
  const response = verdicts('idp-config/entra/graph-defects-response.xml');

  it('give the same verdicts, by the same rules, for every defect a setting holds as a value', () => {
    // Only configuration says what it cannot check; only a response has a NameID.
    const shared = (verdicts: string[]) => verdicts.filter((v) => !['IDP001', 'IDP004', 'AWS007', 'SAML009'].includes(codeOf(v)));
    expect(shared(config)).toEqual(shared(response));
    expect(new Set(shared(config).map(codeOf))).toEqual(new Set(['AWS002', 'AWS009', 'AWS014', 'AWS015', 'CX007', 'CX011', 'CX013']));
  });

  it('a RoleSessionName joined with a space is IDP004 in the configuration and AWS007 in the value it gives', () => {
    expect(config.filter((v) => codeOf(v) === 'IDP004')).toEqual(['IDP004 joinedWithSpace {"expression":"Join(user.givenname, user.surname, separator \\" \\")"}']);
    expect(response.filter((v) => codeOf(v) === 'AWS007')).toEqual(['AWS007 characters {"value":"Jane Doe","characters":"a space"}']);
  });
});

describe('an Okta configuration and the response it makes (signed by xmlsec1)', () => {
  const config = verdicts('idp-config/okta/connect-defects.json');
  const response = verdicts('idp-config/okta/connect-defects-response.xml');
  /** What is signed and how: IDP002 and IDP003 of the settings, SIG002 and SIG007 of the signature made with them. */
  const SIGNING = ['IDP002', 'IDP003', 'SIG002', 'SIG007'];

  it('give the same verdicts, by the same rules, for every defect a setting holds as a value', () => {
    // Only configuration says what it cannot check or where it posts; only a response has a NameID.
    const shared = (verdicts: string[]) => verdicts.filter((v) => ![...SIGNING, 'IDP001', 'IDP005', 'SAML009'].includes(codeOf(v)));
    expect(shared(config)).toEqual(shared(response));
    expect(new Set(shared(config).map(codeOf))).toEqual(new Set(['AWS002', 'AWS009', 'CX007', 'CX011', 'CX013']));
  });

  it('an unsigned assertion and SHA-1 are settings in the configuration and the signature in the response', () => {
    const signing = (verdicts: string[]) => verdicts.filter((v) => SIGNING.includes(codeOf(v))).map((v) => v.split(' ').slice(0, 2).join(' '));
    expect(signing(config)).toEqual(['IDP002 assertionUnsigned', 'IDP003 digest', 'IDP003 signature']);
    expect(signing(response)).toEqual(['SIG002 unsigned', 'SIG007 digest', 'SIG007 signature']);
  });
});
