import { describe, expect, it } from 'vitest';
import { AWS, buildResponse, withAttributes } from '../../../test-vectors/lib/response.mjs';
import { Redaction, lint, redactResult, type LintResult, type PersonalValue } from '../src/index.js';

const SESSION = 'jane.doe@example.com';
const USERS = 'first name,last name,user login\nJane,Doe,Jane.Doe@example.com\nAl,Bo,al';

/** A response whose personal values are known: a NameID, the identity attributes, a PrincipalTag, configuration. */
const RESPONSE = buildResponse({
  nameId: '00u9z8y7x6w5',
  attributes: withAttributes({
    [AWS.roleSessionName]: [SESSION],
    [AWS.sourceIdentity]: ['jdoe'],
    [AWS.principalTag('CostCenter')]: ['CC-4711'],
    [AWS.transitiveTagKeys]: ['CostCenter'],
  }),
});

function redactor(personal: PersonalValue[], redaction = new Redaction()) {
  return redaction.for(personal);
}

describe('the personal values a lint saw', () => {
  const personal = lint(RESPONSE, { users: USERS }).personal ?? [];
  const of = (kind: string) => personal.filter((p) => p.kind === kind).map((p) => p.value);

  it('are the NameID, the identity attributes, other attribute values, account ids and the user list', () => {
    expect(of('user')).toEqual(['00u9z8y7x6w5', SESSION, 'jdoe']);
    expect(of('attribute')).toEqual(['CC-4711']);
    expect(of('account')).toEqual(['123456789012']);
    expect(of('listed-user')).toEqual(['Jane.Doe@example.com', 'al']);
  });

  it('leave out configuration: SessionDuration, TransitiveTagKeys, the Role’s names', () => {
    const values = personal.map((p) => p.value);
    expect(values).not.toContain('43200');
    expect(values).not.toContain('CostCenter');
    expect(values.join(' ')).not.toContain('ConnectAgent');
  });
});

describe('Redaction', () => {
  it('gives each value one placeholder, numbered by kind, the same in every result redacted with it', () => {
    const redaction = new Redaction();
    const first = redactor([{ kind: 'user', value: 'jane.doe' }, { kind: 'account', value: '123456789012' }], redaction);
    expect(first.text('`jane.doe` assumes arn:aws:iam::123456789012:role/A, and jane.doe again')).toBe(
      '`«user-1»` assumes arn:aws:iam::«account-1»:role/A, and «user-1» again',
    );
    const second = redactor([{ kind: 'user', value: 'raj.patel' }], redaction);
    expect(second.text('raj.patel, then jane.doe@example.com and 210987654321 in arn:aws:iam::210987654321:role/B')).toBe(
      '«user-2», then «email-1» and 210987654321 in arn:aws:iam::«account-2»:role/B',
    );
  });

  it('keeps a case mismatch readable: another spelling of the same value is another case of its placeholder', () => {
    const text = redactor([{ kind: 'user', value: 'Jane.Doe@example.com' }, { kind: 'listed-user', value: 'jane.doe@example.com' }]).text(
      'no Connect user `Jane.Doe@example.com`; user `jane.doe@example.com` exists with different case; JANE.DOE@EXAMPLE.COM',
    );
    expect(text).toBe('no Connect user `«email-1»`; user `«email-1, case 2»` exists with different case; «email-1, case 3»');
  });

  it('replaces a short value, an attribute value or a listed user only where a message quotes it whole', () => {
    const r = redactor([
      { kind: 'user', value: 'al' },
      { kind: 'attribute', value: 'sales' },
      { kind: 'listed-user', value: 'operator' },
    ]);
    expect(r.text('RoleSessionName `al` is too short; the sales team; `sales`; `operator` vs operator')).toBe(
      'RoleSessionName `«user-1»` is too short; the sales team; `«attribute-1»`; `«user-2»` vs operator',
    );
  });

  it('replaces a long value only where it stands alone, not inside a longer word', () => {
    const r = redactor([{ kind: 'user', value: 'jdoe1' }]);
    expect(r.text('jdoe1 jdoe12 xjdoe1 https://idp/jdoe1/x')).toBe('«user-1» jdoe12 xjdoe1 https://idp/«user-1»/x');
  });

  it('names a base64 value the same wrapped or not, and an account id standing alone once seen in an ARN', () => {
    const r = redactor([{ kind: 'signature', value: 'QUJD\nREVG\nR0hJ' }]);
    expect(r.text('supplies QUJDREVGR0hJ; as sent QUJD\nREVG\nR0hJ')).toBe('supplies «signature-1»; as sent «signature-1»');
    const result = r.result(resultWith({ message: 'in arn:aws:iam::123456789012:saml-provider/X', help: 'account `123456789012`' }));
    expect(result.findings[0]?.help).toBe('account `«account-1»`');
  });

  it('leaves an instance id whole though its last group is 12 digits', () => {
    const r = redactor([{ kind: 'account', value: '123456789012' }]);
    expect(r.text('instance 0b8e2f7c-3d4a-4e5f-9a6b-123456789012')).toBe('instance 0b8e2f7c-3d4a-4e5f-9a6b-123456789012');
  });
});

function resultWith(finding: { message: string; help: string; data?: Record<string, string | number> }, extra: Partial<LintResult> = {}): LintResult {
  return {
    detected: 'raw XML',
    findings: [{ code: 'CX003', name: 'user-not-found', messageId: 'notFound', severity: 'error', docsUrl: 'https://x/CX003.md', facts: [], data: {}, ...finding }],
    unchecked: [],
    stages: lint('<x/>').stages,
    inferred: [],
    ...extra,
  };
}

describe('redactResult', () => {
  const linted = lint(RESPONSE, { users: USERS });

  it('redacts every text, leaves the linter’s own fields alone, and drops the input itself', () => {
    const personal: PersonalValue[] = [{ kind: 'user', value: 'error' }, ...(linted.personal ?? [])];
    const result = resultWith(
      { message: `no Connect user \`${SESSION}\``, help: 'map it from jane.doe@example.com' },
      {
        xml: RESPONSE,
        relayState: 'https://x/?u=jane.doe@example.com',
        personal,
        signatures: 'Assertion signed by jane.doe@example.com',
        entry: { index: 2, label: 'entry 2: POST https://idp/jane.doe@example.com' },
        inferred: [{ what: 'issuer', value: 'jane.doe@example.com', from: 'the `error` field' }],
      },
    );
    const redacted = redactResult({ ...result, future: { note: SESSION } } as LintResult);
    const text = JSON.stringify(redacted);
    expect(text).not.toContain(SESSION);
    expect(redacted).not.toHaveProperty('xml');
    expect(redacted).not.toHaveProperty('relayState');
    expect(redacted).not.toHaveProperty('personal');
    expect(redacted.findings[0]).toMatchObject({ code: 'CX003', severity: 'error', message: 'no Connect user `«email-1»`' });
    expect(redacted.inferred[0]).toEqual({ what: 'issuer', value: '«email-1»', from: 'the `«user-1»` field' });
    expect(redacted.entry).toEqual({ index: 2, label: 'entry 2: POST https://idp/«email-1»' });
    expect(result.findings[0]?.message).toContain(SESSION); // the result given is not changed
  });

  it('redacts the values of data as its message quotes them, however short, and keeps message ids', () => {
    const r = redactor([{ kind: 'user', value: 'jdoe' }]);
    const data = { value: 'jdoe', count: 3, where: 'the list of jdoe', email: 'jane.doe@example.com' };
    const redacted = r.result(resultWith({ message: 'no Connect user `jdoe` among 3 users', help: 'add it', data }));
    expect(redacted.findings[0]).toMatchObject({ messageId: 'notFound', message: 'no Connect user `«user-1»` among 3 users' });
    // A short value is replaced where it is the whole value, as where a message quotes it; inside other words it is left.
    expect(redacted.findings[0]?.data).toEqual({ value: '«user-1»', count: 3, where: 'the list of jdoe', email: '«email-1»' });
  });

  it('stays fast on hostile text and values: long runs, many quotes, many and huge values', () => {
    const huge = 'x'.repeat(1_000_000);
    const certificate = (i: number) => `${'A'.repeat(4000)}${i}`;
    const values: PersonalValue[] = [
      ...Array.from({ length: 100 }, (_, i) => ({ kind: 'certificate' as const, value: certificate(i) })),
      ...Array.from({ length: 20_000 }, (_, i) => ({ kind: 'user' as const, value: `user${i}.name` })),
      { kind: 'user', value: huge },
    ];
    const hostile = ['a'.repeat(200_000), '`x'.repeat(50_000), 'arn:aws:'.repeat(20_000), '1'.repeat(100_000), 'a@'.repeat(50_000)].join(' ');
    const start = performance.now();
    const text = redactor(values).text(`${hostile} ${certificate(0)} user19999.name \`user19999.name\` \`${huge}\``);
    // Past the budget of values looked for anywhere, a value is still replaced where it is quoted whole.
    expect(text.endsWith(' «certificate-1» user19999.name `«user-1»` `«user-2»`')).toBe(true);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
