import { describe, expect, it } from 'vitest';
import { MANIFEST, loadVector } from '../../../test-vectors/manifest.js';
import {
  RULES,
  SYMPTOMS,
  SYMPTOM_GUIDE,
  lint,
  recogniseMessage,
  why,
  type Finding,
  type LintResult,
  type Rule,
  type SymptomId,
  type WhyCapture,
} from '../src/index.js';

/** The messages of facts §12's two tables, exactly as written there (suffixes included). */
const FACTS_MESSAGES: [string, SymptomId[]][] = [
  ['Your request included an invalid SAML response. To logout, click here.', ['invalid-saml-response']],
  [
    'RoleSessionName is required in AuthnResponse (service: AWSSecurityTokenService; status code: 400; error code: InvalidIdentityToken)',
    ['role-session-name-required'],
  ],
  ['RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64} (… 400 … InvalidIdentityToken)', ['role-session-name-must-match']],
  [
    'Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:" (… 400 … InvalidIdentityToken)',
    ['source-identity-must-match'],
  ],
  [
    'Not authorized to perform sts:AssumeRoleWithSAML (service: AWSSecurityTokenService; status code: 403; error code: AccessDenied)',
    ['not-authorized-assume-role'],
  ],
  ['Response signature invalid (… 400 … InvalidIdentityToken)', ['signature-invalid']],
  [
    'Failed to assume role: Issuer not present in specified provider (service: AWSOpenIdDiscoveryService; status code: 400; error code: AuthSamlInvalidSamlResponseException)',
    ['issuer-not-present'],
  ],
  ['Could not parse metadata.', ['could-not-parse-metadata']],
  ['Unable to parse metadata', ['could-not-parse-metadata']],
  ["Specified provider doesn't exist.", ['provider-does-not-exist']],
  ['Requested DurationSeconds exceeds MaxSessionDuration set for this role.', ['duration-exceeds-max']],
  ['Response does not contain the required audience.', ['required-audience']],
  ['ExpiredTokenException: Response has expired', ['response-expired']],
  ['ValidationError: Request ARN is invalid', ['request-arn-invalid']],
  [
    'Invalid base64 SAMLResponse (Service: AWSOpenIdDiscoveryService; Status Code: 400; Error Code: AuthSamlInvalidSamlResponseException)',
    ['invalid-base64'],
  ],
  ['Access Denied. Your account has been authenticated, but has not been onboarded to this application.', ['connect-not-onboarded']],
  ['Access denied, Please contact your AWS account administrator for assistance.', ['connect-access-denied']],
  ['Session Expired', ['session-expired']],
  ['UserNotOnboardedException', ['gr-user-not-onboarded']],
  ['ResourceNotFoundException', ['gr-resource-not-found']],
];

const ACCESS_DENIED: SymptomId[] = ['not-authorized-assume-role', 'connect-not-onboarded', 'connect-access-denied'];

/** A vector linted as the manifest says, or without its context. */
function capture(file: string, context = true): WhyCapture {
  const entry = MANIFEST.find((v) => v.file === file);
  if (!entry) throw new Error(`no vector ${file}`);
  const { text, options } = loadVector(entry);
  return { source: file, result: lint(text, context ? options : {}) };
}

const codes = (list: { code: string }[]) => list.map((r) => r.code);
const found = (list: { finding: Finding }[]) => list.map((f) => f.finding.code);

describe('recogniseMessage', () => {
  it.each(FACTS_MESSAGES)('knows %s', (message, symptoms) => {
    expect(recogniseMessage(message)).toEqual({ match: 'exact', symptoms });
  });

  it('has a facts message for every symptom', () => {
    expect(new Set(FACTS_MESSAGES.flatMap(([, ids]) => ids))).toEqual(new Set(Object.keys(SYMPTOMS)));
  });

  it('knows the canonical text of every symptom as exactly that symptom', () => {
    for (const [id, message] of Object.entries(SYMPTOMS)) expect(recogniseMessage(message), id).toEqual({ match: 'exact', symptoms: [id] });
  });

  it.each<[string, SymptomId]>([
    ['Error: RoleSessionName is required in AuthnResponse', 'role-session-name-required'],
    ['error:\n  roleSESSIONname in authnresponse\n must match', 'role-session-name-must-match'],
    ['RoleSessionName in AuthnResponse must match…', 'role-session-name-must-match'],
    ['An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithSAML operation: Response signature invalid', 'signature-invalid'],
    ['invalid SAML response', 'invalid-saml-response'],
    ['YOUR REQUEST INCLUDED AN INVALID SAML RESPONSE.', 'invalid-saml-response'],
    ['session expired', 'session-expired'],
    ['User: arn:aws:sts::123456789012:assumed-role/x/y is not authorized to perform: sts:AssumeRoleWithSAML', 'not-authorized-assume-role'],
    ['“Specified provider doesn’t exist.”', 'provider-does-not-exist'],
    ['unable to parse metadata', 'could-not-parse-metadata'],
    ['  ExpiredTokenException  ', 'response-expired'],
    ['Error Code: UserNotOnboardedException', 'gr-user-not-onboarded'],
    ['Access Denied.\r\nYour account has been authenticated, but has not been\r\nonboarded to this application.', 'connect-not-onboarded'],
  ])('knows the messy %j', (message, symptom) => {
    expect(recogniseMessage(message)).toEqual({ match: 'exact', symptoms: [symptom] });
  });

  it.each<[string, SymptomId[]]>([
    ['Access denied', ACCESS_DENIED],
    ['ACCESS DENIED', ACCESS_DENIED],
    ['error code: AccessDenied', ACCESS_DENIED],
    ['InvalidIdentityToken', ['role-session-name-required', 'role-session-name-must-match', 'source-identity-must-match', 'signature-invalid']],
    ['RoleSessionName', ['role-session-name-required', 'role-session-name-must-match']],
    ['expired', ['response-expired', 'session-expired']],
    ['AuthSamlInvalidSamlResponseException', ['issuer-not-present', 'invalid-base64']],
  ])('calls %j ambiguous and lists every message it may be', (message, symptoms) => {
    const recognition = recogniseMessage(message);
    expect(recognition.match).toBe('ambiguous');
    expect(new Set(recognition.symptoms)).toEqual(new Set(symptoms));
  });

  it('names every message of a paste that holds several', () => {
    expect(recogniseMessage('`UserNotOnboardedException` / `ResourceNotFoundException`')).toEqual({
      match: 'several',
      symptoms: ['gr-user-not-onboarded', 'gr-resource-not-found'],
    });
  });

  it('does not read an error code that contains the words of another message as that message', () => {
    // AuthSamlInvalidSamlResponseException holds "invalid saml response" without spaces.
    expect(recogniseMessage('Invalid base64 SAMLResponse (Error Code: AuthSamlInvalidSamlResponseException)').symptoms).toEqual(['invalid-base64']);
  });

  it.each(['hello world', '', '   \n ', '\u0000\uffff', 'x'.repeat(200_000)])('knows no message in %#', (text) => {
    expect(recogniseMessage(text)).toEqual({ match: 'unknown', symptoms: [] });
  });
});

describe('why: an unknown message', () => {
  it('lists every message samlint knows and still shows what is wrong in the capture', () => {
    const report = why('the printer is on fire', [capture('sig/digest-mismatch.xml')]);
    expect(report.diagnoses).toEqual([]);
    expect(report.known?.map((k) => k.symptom)).toEqual(Object.keys(SYMPTOMS));
    expect(report.known?.[0]?.message).toBe(SYMPTOMS['invalid-saml-response']);
    expect(found(report.alsoWrong)).toEqual(['SIG004']);
  });

  it('has no list of known messages when it knew one', () => {
    expect(why('Session expired').known).toBeUndefined();
  });
});

describe('why: ranking over real captures', () => {
  it('puts the RoleSessionName rule that fired first, with its finding', () => {
    const report = why('RoleSessionName in AuthnResponse must match …', [capture('aws/role-session-name-display-name.xml')]);
    const [diagnosis] = report.diagnoses;
    expect(diagnosis?.symptom).toBe('role-session-name-must-match');
    expect(diagnosis?.message).toBe(SYMPTOMS['role-session-name-must-match']);
    const first = diagnosis?.likely[0];
    expect(first?.source).toBe('aws/role-session-name-display-name.xml');
    expect(first?.finding).toMatchObject({ code: 'AWS007', severity: 'error', location: { artifact: 'xml' } });
    expect(first?.finding.help).not.toBe('');
    expect(report.alsoWrong).toEqual([]);
  });

  it('rules out the rules that ran and found nothing, and names those that could not run', () => {
    const [diagnosis] = why('RoleSessionName is required in AuthnResponse', [capture('aws/role-session-name-missing.xml')]).diagnoses;
    expect(found(diagnosis?.likely ?? [])).toEqual(['AWS006']);
    expect(codes(diagnosis?.ruledOut ?? [])).toContain('AWS016');
    expect(diagnosis?.unchecked).toEqual([]);
  });

  it('orders the causes of an ambiguous message by what the capture shows, and keeps other findings apart', () => {
    const report = why('Access denied', [capture('samples/agent-access-denied.txt')]);
    expect(report.recognition.match).toBe('ambiguous');
    const [first, ...rest] = report.diagnoses;
    expect(first?.symptom).toBe('connect-not-onboarded');
    expect(found(first?.likely ?? [])).toEqual(['CX003']);
    expect(codes(first?.ruledOut ?? [])).toEqual(expect.arrayContaining(['CX001', 'CX002']));
    expect(rest.map((d) => d.symptom).sort()).toEqual(['connect-access-denied', 'not-authorized-assume-role']);
    // The relay-state warnings cause no Access denied: they are shown apart, not as causes.
    expect(found(report.alsoWrong).sort()).toEqual(['CX006', 'CX007']);
  });

  it('shows findings of unrelated rules as also wrong', () => {
    const report = why('Access denied', [capture('sig/digest-mismatch.xml')]);
    expect(found(report.alsoWrong)).toEqual(['SIG004']);
    expect(report.diagnoses.flatMap((d) => found(d.likely))).toEqual([]);
  });

  it('asks for the flag a rule needs when the capture lacks it', () => {
    const diagnosis = why('has not been onboarded', [capture('clean/clean-signed-both.xml', false)]).diagnoses[0];
    expect(diagnosis?.unchecked.find((u) => u.code === 'CX003')).toMatchObject({ needsCapture: false, flags: ['--users'] });
    expect(codes(diagnosis?.ruledOut ?? [])).toEqual(expect.arrayContaining(['CX001', 'CX002', 'CX014']));
    expect(diagnosis?.likely).toEqual([]);
  });

  it('asks for a SAMLResponse when the capture is metadata', () => {
    const [diagnosis] = why('Response signature invalid', [capture('md/metadata-idp-clean.xml')]).diagnoses;
    const sig004 = diagnosis?.unchecked.find((u) => u.code === 'SIG004');
    expect(sig004).toMatchObject({ needsCapture: true, flags: [] });
    // The metadata is XML, so only the capture and XML rules ran.
    expect(codes(diagnosis?.ruledOut ?? [])).toEqual(['IN016', 'XML001']);
  });

  it('leaves out the rules of another profile', () => {
    const [diagnosis] = why('RoleSessionName is required', [capture('generic/generic-sp-clean.xml')]).diagnoses;
    expect(diagnosis).toMatchObject({ likely: [], unchecked: [], ruledOut: [] });
  });

  it('lets a finding anywhere outrank a clean run elsewhere', () => {
    const report = why('RoleSessionName in AuthnResponse must match', [capture('clean/clean-signed-both.xml'), capture('aws/role-session-name-display-name.xml')]);
    expect(report.diagnoses[0]?.likely.map((f) => [f.source, f.finding.code])).toEqual([['aws/role-session-name-display-name.xml', 'AWS007']]);
    expect(report.diagnoses[0]?.ruledOut).toEqual([]);
  });
});

describe('why: without a capture', () => {
  it('lists every rule behind "Access denied" as unchecked, with what it needs, and the causes samlint cannot see', () => {
    const report = why('Access denied');
    expect(report.recognition.match).toBe('ambiguous');
    const notOnboarded = report.diagnoses.find((d) => d.symptom === 'connect-not-onboarded');
    const rules = RULES.filter((r) => r.meta.symptoms.includes('connect-not-onboarded')).map((r) => r.meta.code);
    expect(codes(notOnboarded?.unchecked ?? [])).toEqual(rules);
    expect(notOnboarded?.unchecked.every((u) => u.needsCapture)).toBe(true);
    expect(notOnboarded?.unchecked.find((u) => u.code === 'CX003')?.flags).toEqual(['--users']);
    expect(notOnboarded?.otherCauses.map((c) => c.source)).toEqual(['facts §2, §12 (CX-TS)']);
    const notAuthorized = report.diagnoses.find((d) => d.symptom === 'not-authorized-assume-role');
    expect(codes(notAuthorized?.unchecked ?? [])).toContain('SAML007');
    expect(notAuthorized?.otherCauses.length).toBeGreaterThan(0);
    for (const diagnosis of report.diagnoses) {
      expect(diagnosis.likely).toEqual([]);
      expect(diagnosis.ruledOut).toEqual([]);
    }
  });

  it('gives Session expired its causes outside the capture', () => {
    const [diagnosis] = why('Session expired').diagnoses;
    const causes = diagnosis?.otherCauses.map((c) => c.cause).join('\n');
    expect(causes).toMatch(/reverse federation/);
    expect(causes).toMatch(/12-hour/);
  });
});

describe('why: ranking', () => {
  const finding = (code: string, severity: Finding['severity']): Finding => ({
    code,
    name: code.toLowerCase(),
    severity,
    message: `${code} message`,
    help: `${code} help`,
    docsUrl: '',
    facts: [],
  });
  const rule = (code: string, symptoms: SymptomId[], facts: string[] = [], more: Partial<Rule['meta']> = {}): Rule => ({
    meta: { code, name: code.toLowerCase(), family: 'AWS', stage: 'response', severity: 'error', summary: code, facts, symptoms, messages: {}, ...more },
    check: () => undefined,
  });
  /** The stages of a lint of a Response given as XML, with no context files. */
  const RESPONSE_STAGES: LintResult['stages'] = {
    capture: { ran: true },
    xml: { ran: true },
    response: { ran: true },
    metadata: { ran: false, skipped: 'no-metadata' },
    'sp-metadata': { ran: false, skipped: 'not-aws-sp-metadata' },
    policy: { ran: false, skipped: 'no-policy' },
  };
  const result = (findings: Finding[], checked: string[]): LintResult => ({ detected: 'test', findings, unchecked: [], checked, stages: RESPONSE_STAGES, inferred: [] });

  it('puts errors first, then warnings, then infos, keeping rule order within a severity', () => {
    const rules = [rule('AWS901', ['session-expired']), rule('AWS902', ['session-expired']), rule('AWS903', ['session-expired'])];
    const findings = [finding('AWS901', 'info'), finding('AWS902', 'warning'), finding('AWS903', 'error'), finding('AWS901', 'error')];
    const [diagnosis] = why('Session expired', [{ source: 'a', result: result(findings, ['AWS901', 'AWS902', 'AWS903']) }], rules).diagnoses;
    expect(diagnosis?.likely.map((f) => `${f.finding.code} ${f.finding.severity}`)).toEqual([
      'AWS901 error',
      'AWS903 error',
      'AWS902 warning',
      'AWS901 info',
    ]);
  });

  it('says what a rule whose stage was not reached needs: the SAMLResponse, the metadata or a policy, and its flags', () => {
    const rules = [
      rule('MD901', ['session-expired'], [], { family: 'MD', stage: 'metadata', needs: ['now'] }),
      rule('IAM901', ['session-expired'], [], { family: 'IAM', stage: 'policy' }),
      rule('IAM902', ['session-expired'], [], { family: 'IAM', stage: 'policy', needs: ['permissionPolicy'] }),
      rule('AWS901', ['session-expired'], [], { needs: ['users'] }),
    ];
    const [diagnosis] = why('Session expired', [], rules).diagnoses;
    expect(diagnosis?.unchecked.map(({ code, needsCapture, flags }) => [code, needsCapture, flags])).toEqual([
      ['MD901', false, ['--metadata', '--now']],
      ['IAM901', false, ['--trust-policy', '--permission-policy']],
      ['IAM902', false, ['--permission-policy']],
      ['AWS901', true, ['--users']],
    ]);
  });

  it('takes from the lint which stages it reached: a rule left out of a reached stage is no cause, one whose stage was not reached says what it needs', () => {
    // AWS901's stage (response) was reached but the rule did not run (as for another profile); no metadata was given.
    const rules = [rule('AWS901', ['session-expired']), rule('MD901', ['session-expired'], [], { family: 'MD', stage: 'metadata' })];
    const [diagnosis] = why('Session expired', [{ source: 'a', result: result([], []) }], rules).diagnoses;
    expect(diagnosis?.unchecked.map(({ code, needsCapture, flags }) => [code, needsCapture, flags])).toEqual([['MD901', false, ['--metadata']]]);
    expect(diagnosis?.ruledOut).toEqual([]);
  });

  it('leaves info findings of unrelated rules out of "also wrong"', () => {
    const rules = [rule('AWS901', []), rule('AWS902', [])];
    const report = why('Session expired', [{ source: 'a', result: result([finding('AWS901', 'info'), finding('AWS902', 'warning')], ['AWS901', 'AWS902']) }], rules);
    expect(found(report.alsoWrong)).toEqual(['AWS902']);
  });

  it('drops a cause samlint cannot see once a rule that causes the message cites the fact it rests on', () => {
    const hidden = SYMPTOM_GUIDE['connect-access-denied'].causes.find((c) => c.coveredBy === 'CX-PERM-001');
    expect(hidden).toBeDefined();
    // A rule citing the fact for another message does not speak for this one.
    const without = why('Please contact your AWS account administrator', [], [rule('AWS901', ['session-expired'], ['CX-PERM-001'])]).diagnoses[0];
    expect(without?.otherCauses).toContain(hidden);
    const covering = rule('AWS902', ['connect-access-denied'], ['CX-PERM-001']);
    const withRule = why('Please contact your AWS account administrator', [], [covering]).diagnoses[0];
    expect(withRule?.otherCauses).not.toContain(hidden);
    expect(codes(withRule?.unchecked ?? [])).toEqual(['AWS902']);
  });
});

describe('symptoms and rules (meta)', () => {
  it('every symptom is caused by at least one rule or has causes samlint cannot see', () => {
    for (const id of Object.keys(SYMPTOMS) as SymptomId[]) {
      const rules = RULES.filter((r) => r.meta.symptoms.includes(id));
      expect(rules.length + SYMPTOM_GUIDE[id].causes.length, id).toBeGreaterThan(0);
    }
  });

  it('every cause samlint cannot see says what to do and where the facts say so', () => {
    for (const [id, guide] of Object.entries(SYMPTOM_GUIDE)) {
      expect(guide.shownBy, id).not.toBe('');
      for (const cause of guide.causes) {
        expect(cause.fix, id).not.toBe('');
        expect(cause.source, id).toMatch(/^facts §\d+/);
      }
    }
  });
});
