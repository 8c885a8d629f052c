// How the MD rules share the work with SAML022, SIG009, SIG010 and IN010 when a response is checked
// with --metadata: every problem is reported once, by one rule, where it is fixed.
import { describe, expect, it } from 'vitest';
import { lint, SYMPTOMS, RULES } from '../src/index.js';
import { buildResponse, NOW } from '../../../test-vectors/lib/response.mjs';
import { SIGNED_BOTH } from './sig-fixtures.js';
import { awsSp, base64Of, idp, idpWith, key, sso } from './metadata-fixtures.js';

const OTHER = 'http://www.okta.com/exk9z8y7x6w5v4u3t2s1';
const symptomOf = (code: string) => RULES.find((r) => r.meta.code === code)?.meta.symptoms ?? [];

describe('a response checked with --metadata', () => {
  it('reports an Issuer that is not the metadata entityID once per Issuer, by SAML022 alone', () => {
    const { findings } = lint(buildResponse({ issuer: OTHER, responseIssuer: OTHER }), { metadata: idp() });
    const issuerFindings = findings.filter((f) => symptomOf(f.code).includes('issuer-not-present'));
    expect(issuerFindings.map((f) => [f.code, f.location?.artifact])).toEqual([
      ['SAML022', 'xml'],
      ['SAML022', 'xml'],
    ]);
    expect(issuerFindings[0]?.notes).toContain(`AWS answers \`Failed to assume role: ${SYMPTOMS['issuer-not-present']}\``);
  });

  it('reports the metadata’s weak and expired certificates in the metadata, not again as trusted certificates', () => {
    const metadata = idpWith(key('idp') + key('weak512') + key('expired') + sso());
    const { findings } = lint(SIGNED_BOTH, { metadata, now: NOW });
    const certificateFindings = findings.filter((f) => ['SIG009', 'SIG010', 'MD011', 'MD012'].includes(f.code));
    expect(certificateFindings.map((f) => [f.code, f.location?.artifact, f.location?.span.line])).toEqual([
      ['MD012', 'metadata', 3],
      ['MD011', 'metadata', 3],
    ]);
  });

  it('keeps SIG009 for a weak certificate that is only in --cert', () => {
    const { findings } = lint(SIGNED_BOTH, { metadata: idp(), certificates: [base64Of('weak512')] });
    expect(findings.filter((f) => f.code === 'SIG009' || f.code === 'MD012').map((f) => f.code)).toEqual(['SIG009']);
  });

  it('reports AWS’s SP metadata as the wrong document (MD005), without linting its ACS', () => {
    const { findings } = lint(buildResponse(), { metadata: awsSp('https://example.com/not-aws') });
    expect(findings.filter((f) => f.code.startsWith('MD')).map((f) => f.code)).toEqual(['MD005']);
  });
});

describe('AWS’s SP metadata as the input', () => {
  it('is linted as AWS’s SP metadata, not reported as the wrong document', () => {
    const { findings } = lint(awsSp('https://example.com/not-aws'), {});
    expect(findings.map((f) => f.code)).toEqual(['MD020']);
  });

  it('gets none of the IdP metadata checks', () => {
    const { findings, unchecked } = lint(awsSp(), { now: NOW, region: 'eu-west-2' });
    expect(findings).toEqual([]);
    expect(unchecked.map((u) => u.code)).toEqual(['MD006']);
  });
});

describe('AWS’s SP metadata rules (stage sp-metadata)', () => {
  const spRules = ['MD020', 'MD021', 'MD022', 'MD023'];
  const considered = (text: string, options = {}) => {
    const result = lint(text, options);
    return [...(result.checked ?? []), ...result.unchecked.map((u) => u.code)].filter((code) => spRules.includes(code));
  };

  it('run on AWS’s SP metadata as the input, and ask for --region there', () => {
    const result = lint(awsSp());
    expect(result.unchecked.map((u) => u.code)).toContain('MD021');
    expect(considered(awsSp()).sort()).toEqual(spRules);
  });

  it('are not even listed as unchecked for IdP metadata, or for AWS’s metadata given as --metadata', () => {
    expect(considered(idp())).toEqual([]);
    expect(considered(buildResponse(), { metadata: awsSp() })).toEqual([]);
  });
});
