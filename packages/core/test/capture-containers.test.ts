import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MANIFEST, loadVector } from '../../../test-vectors/manifest.js';
import { NOW, RELAY_STATE, buildResponse, toBase64 } from '../../../test-vectors/lib/response.mjs';
import { lint, lintFile, SourceText, type Finding, type LintResult } from '../src/index.js';
import { readContainer } from '../src/capture/container.js';
import { NON_ASCII_SIGNED, editJson, toHar, toSamlTracer } from './capture-fixtures.js';
import { SIGNED_BOTH, trusting } from './sig-fixtures.js';

/** The text a finding's input location covers in `file`. */
function textAt(file: string, finding: Finding): string {
  const source = new SourceText(file);
  const span = finding.location?.span;
  if (!span) throw new Error(`${finding.code} has no location`);
  return file.slice(source.offsetOf(span.line, span.column), source.offsetOf(span.endLine, span.endColumn));
}

/** What must not depend on how the login was captured: everything but where `input` findings point. */
function comparable(result: LintResult) {
  return {
    signatures: result.signatures,
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      help: f.help,
      location: f.location?.artifact === 'input' ? 'input' : f.location,
      labels: f.labels,
      notes: f.notes,
    })),
  };
}

function only<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

describe('A HAR and a SAML-tracer export of the same login give the same findings (codes, messages, xml locations) as the pasted base64', () => {
  const vectors = ['sig/xsw3-evil-assertion-before.xml', 'cx/destination-http.xml', 'saml/assertion-id-missing.xml', 'cx/user-name-plus-addressing.xml'];
  for (const file of vectors) {
    it(file, () => {
      const entry = MANIFEST.find((e) => e.file === file);
      if (!entry) throw new Error(`no vector ${file}`);
      const { text: xml, options } = loadVector(entry);
      const { relayState, ...withoutRelay } = options;
      expect(relayState).toBeDefined();
      const pasted = lint(toBase64(xml), options);
      expect(pasted.findings.length).toBeGreaterThan(0);
      const login = { xml, relayState };
      const captures = {
        'HAR (text and params)': toHar([login]),
        'HAR (params only)': toHar([{ ...login, postData: 'params' }]),
        'SAML-tracer': toSamlTracer([login]),
        'legacy SAML-tracer': toSamlTracer([login], { legacy: true }),
      };
      for (const [what, capture] of Object.entries(captures)) {
        // The relay state comes from the capture, as it came from --relay-state for the paste.
        const result = only(lintFile(capture, withoutRelay));
        expect(comparable(result), what).toEqual(comparable(pasted));
        expect(result.relayState).toBe(relayState);
      }
      // Masked: SAML-tracer's decoded copy gives the same findings, and says it read the copy.
      const masked = only(lintFile(toSamlTracer([login], { profile: 'mask' }), options));
      const withoutIn014 = { ...masked, findings: masked.findings.filter((f) => f.code !== 'IN014') };
      expect(comparable(withoutIn014)).toEqual(comparable(pasted));
      expect(masked.findings.filter((f) => f.code === 'IN014').map((f) => f.severity)).toEqual(['info']);
    });
  }
});

describe('findings about the value point into the file', () => {
  it('a stray character is found where it sits in a SAML-tracer value; in a HAR body, the value is marked', () => {
    const base64 = toBase64(SIGNED_BOTH);
    const damaged = `${base64.slice(0, 300)}*${base64.slice(300)}`;
    const trace = editJson(toSamlTracer([{ xml: SIGNED_BOTH }]), (t) => {
      t.requests[1].post[0][1] = damaged;
    });
    const inTrace = only(only(lintFile(trace, { now: NOW })).findings.filter((f) => f.code === 'IN002'));
    expect(inTrace.location?.artifact).toBe('input');
    expect(textAt(trace, inTrace)).toBe('*');
    // A form field's problems mark its whole value, in a paste and in a HAR file alike.
    const body = `SAMLResponse=${encodeURIComponent(damaged)}&RelayState=${encodeURIComponent(RELAY_STATE)}`;
    for (const postData of ['text+params', 'params'] as const) {
      const har = toHar([{ xml: SIGNED_BOTH, body, postData }]);
      const inHar = only(only(lintFile(har, { now: NOW })).findings.filter((f) => f.code === 'IN002'));
      expect(textAt(har, inHar), postData).toBe(encodeURIComponent(damaged));
    }
  });

  it('a value encoded twice is marked in the body text of the HAR file', () => {
    const once = new URLSearchParams({ SAMLResponse: toBase64(SIGNED_BOTH) }).toString().slice('SAMLResponse='.length);
    const har = toHar([{ xml: SIGNED_BOTH, body: `SAMLResponse=${encodeURIComponent(once)}` }]);
    const finding = only(only(lintFile(har, { now: NOW })).findings.filter((f) => f.code === 'IN005'));
    expect(textAt(har, finding)).toBe(encodeURIComponent(once));
  });

  it('a SAML-tracer value is marked in its post pair; a masked one where the mask is', () => {
    const trace = toSamlTracer([{ xml: buildResponse().replace('<saml:Issuer>', '<saml:Issuer>\u0000') }]);
    const truncated = editJson(trace, (t) => {
      t.requests[1].post[0][1] = t.requests[1].post[0][1].slice(0, 999);
    });
    const finding = only(only(lintFile(truncated, { now: NOW })).findings.filter((f) => f.code === 'IN003'));
    expect(textAt(truncated, finding)).toBe(JSON.parse(truncated).requests[1].post[0][1]);
    const masked = toSamlTracer([{ xml: SIGNED_BOTH }], { profile: 'mask' });
    const [response, relay] = only(lintFile(masked, { now: NOW })).findings.filter((f) => f.code === 'IN014');
    expect(textAt(masked, response as Finding)).toMatch(/^\{hash:[0-9a-f]{64}\}$/);
    expect(textAt(masked, relay as Finding)).toBe(JSON.parse(masked).requests[1].post[1][1]);
  });

  it('a value the file escapes is marked as a whole JSON string', () => {
    // A writer may escape any character (`\u003d` for `=`): the body is no verbatim slice of the file any more.
    const body = `SAMLResponse=${toBase64(SIGNED_BOTH).slice(0, 2001)}`;
    const har = toHar([{ xml: SIGNED_BOTH, body, postData: 'text' }]).replace('"SAMLResponse=', '"SAMLResponse\\u003d');
    const finding = only(only(lintFile(har, { now: NOW })).findings.filter((f) => f.code === 'IN003'));
    expect(textAt(har, finding)).toBe(`SAMLResponse\\u003d${body.slice('SAMLResponse='.length)}`);
  });
});

describe('logins, labels and clocks', () => {
  it('lints each login of a HAR file on its own, labelled by entry', () => {
    const plus = SIGNED_BOTH.replace('>jane.doe@example.com<', '>jane.doe+agent@example.com<');
    const results = lintFile(toHar([{ xml: SIGNED_BOTH }, { xml: plus }, { xml: SIGNED_BOTH, url: 'https://signin.aws.amazon.com/saml' }]), { now: NOW });
    expect(results.map((r) => r.entry)).toEqual([
      { index: 2, label: 'entry 2: POST https://eu-west-2.signin.aws.amazon.com/saml' },
      { index: 5, label: 'entry 5: POST https://eu-west-2.signin.aws.amazon.com/saml' },
      { index: 8, label: 'entry 8: POST https://signin.aws.amazon.com/saml' },
    ]);
    expect(results.map((r) => r.findings.some((f) => f.code === 'CX001'))).toEqual([false, true, false]);
    expect(results[1]?.detected).toBe('HAR 1.2 file (WebInspector 537.36), form body with SAMLResponse and RelayState');
  });

  it('judges time by the Date header of AWS’s answer, unless --now is given', () => {
    const late = toHar([{ xml: SIGNED_BOTH, date: '2026-11-27T10:00:00Z' }]);
    const byCapture = only(lintFile(late, {}));
    expect(byCapture.inferred).toContainEqual({ what: 'now', value: '2026-11-27T10:00:00.000Z', from: 'the `Date` header of the response to entry 2' });
    expect(byCapture.findings.map((f) => f.code)).toContain('SAML012');
    // The IdP's clock is quantified against AWS's, and the message says which clock that is.
    expect(byCapture.findings.find((f) => f.code === 'SAML012')).toMatchObject({ messageId: 'expired', data: { clock: 'AWS’s `Date` header' } });
    expect(byCapture.unchecked.flatMap((u) => u.needs)).not.toContain('now');
    const byOption = only(lintFile(late, { now: NOW }));
    expect(byOption.findings.map((f) => f.code)).not.toContain('SAML012');
    expect(byOption.inferred.map((i) => i.what)).not.toContain('now');
    // Legacy SAML-tracer files keep headers as pairs.
    const legacy = only(lintFile(toSamlTracer([{ xml: SIGNED_BOTH, date: '2026-11-27T10:00:00Z' }], { legacy: true }), {}));
    expect(legacy.inferred.find((i) => i.what === 'now')?.value).toBe('2026-11-27T10:00:00.000Z');
  });

  it('takes the caller’s clock (defaultNow) only when neither --now nor the capture gives the time', () => {
    const late = new Date('2026-11-27T10:00:00Z');
    const byDefault = only(lintFile(SIGNED_BOTH, { defaultNow: late }));
    expect(byDefault.findings.find((f) => f.code === 'SAML012')).toMatchObject({ data: { clock: 'this machine’s clock' } });
    expect(byDefault.unchecked.flatMap((u) => u.needs)).not.toContain('now');
    expect(only(lintFile(SIGNED_BOTH, { now: NOW, defaultNow: late })).findings.map((f) => f.code)).not.toContain('SAML012');
    // A capture's own clock comes first: AWS's Date header, at a moment the response was still valid.
    const captured = only(lintFile(toHar([{ xml: SIGNED_BOTH, date: NOW }]), { defaultNow: late }));
    expect(captured.findings.map((f) => f.code)).not.toContain('SAML012');
    expect(captured.inferred.find((i) => i.what === 'now')?.value).toBe(new Date(NOW).toISOString());
  });

  it('without a Date header the time rules wait for --now', () => {
    const har = editJson(toHar([{ xml: SIGNED_BOTH }]), (h) => {
      for (const e of h.log.entries) e.response.headers = [];
    });
    expect(only(lintFile(har, {})).unchecked.flatMap((u) => u.needs)).toContain('now');
  });

  it('takes --relay-state over the captured one', () => {
    const other = 'https://us-east-1.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b';
    const result = only(lintFile(toHar([{ xml: SIGNED_BOTH }]), { now: NOW, relayState: other }));
    expect(result.relayState).toBe(other);
    expect(result.findings.map((f) => f.code)).toContain('CX006');
  });

  it('reads the Redirect binding from a GET query, and another SP’s POST', () => {
    const deflated = deflateRawSync(Buffer.from(SIGNED_BOTH)).toString('base64');
    const get = editJson(toHar([{ xml: SIGNED_BOTH }]), (h) => {
      h.log.entries[1].request.method = 'GET';
      h.log.entries[1].request.url = `https://eu-west-2.signin.aws.amazon.com/saml?SAMLResponse=${encodeURIComponent(deflated)}`;
      delete h.log.entries[1].request.postData;
    });
    const redirect = only(lintFile(get, { now: NOW }));
    expect(redirect.entry?.label).toBe('entry 2: GET https://eu-west-2.signin.aws.amazon.com/saml?…');
    expect(redirect.findings.map((f) => f.code)).toContain('IN004');
    const sp = only(lintFile(toHar([{ xml: SIGNED_BOTH, url: 'https://sp.example.com/acs' }]), { now: NOW }));
    expect(sp.entry?.label).toBe('entry 2: POST https://sp.example.com/acs');
    expect(sp.xml).toBe(SIGNED_BOTH);
  });

  it('says what it saw when there is no login', () => {
    const result = only(lintFile(editJson(toHar([{ xml: SIGNED_BOTH }]), (h) => h.log.entries.splice(1, 1)), {}));
    const finding = only(result.findings);
    expect(finding).toMatchObject({ code: 'IN012', messageId: 'none', data: { format: 'HAR file', requests: '2 requests' } });
    expect(finding.notes).toEqual([
      'seen: entry 1: GET https://example.okta.com/app/amazon_aws/exk1a2b3c4d5e6f7g8h9/sso/saml',
      'seen: entry 2: GET https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b',
    ]);
    expect(result.entry).toBeUndefined();
  });

  it('lints a legacy SAML-tracer export’s raw POST body', () => {
    const legacy = editJson(toSamlTracer([{ xml: SIGNED_BOTH }], { legacy: true }), (t) => delete t.requests[1].post);
    const result = only(lintFile(legacy, trusting('idp')));
    expect(result.detected).toMatch(/^legacy SAML-tracer export \(saved .*\), form body with SAMLResponse and RelayState$/);
    expect(result.relayState).toBe(RELAY_STATE);
    expect(result.signatures).toMatch(/verified/);
  });

  it('verifies signatures on the posted value, never on SAML-tracer’s copy, when both are there', () => {
    const result = only(lintFile(toSamlTracer([{ xml: NON_ASCII_SIGNED }], { legacy: true }), { ...trusting('idp'), now: NOW }));
    expect(result.findings.map((f) => f.code)).not.toContain('IN015');
    expect(result.findings.map((f) => f.code)).not.toContain('SIG004');
    expect(result.xml).toContain('Zoë Müller');
  });

  it('checks the first 100 logins of a file and says how many there were', () => {
    const xml = buildResponse();
    const results = lintFile(toHar(Array.from({ length: 101 }, () => ({ xml }))), { now: NOW });
    expect(results).toHaveLength(100);
    expect(results[0]?.detected).toMatch(/^HAR 1\.2 file \(WebInspector 537\.36\), 101 SAML logins, the first 100 checked, /);
  });

  it('reads a HAR file far larger than a paste may be, as browsers write them with every response body', () => {
    const small = toHar([{ xml: buildResponse() }]);
    const har = JSON.parse(small);
    const body = { size: 5_000_000, mimeType: 'application/javascript', text: 'x'.repeat(5_000_000) };
    const bundles = Array.from({ length: 5 }, (_, i) => ({ ...har.log.entries[0], request: { method: 'GET', url: `https://cdn.example.com/${i}.js`, headers: [] }, response: { status: 200, headers: [], content: body } }));
    har.log.entries.unshift(...bundles);
    const text = JSON.stringify(har);
    expect(text.length).toBeGreaterThan(25_000_000);
    const result = only(lintFile(text, { now: NOW }));
    expect(result.entry?.index).toBe((only(lintFile(small)).entry?.index ?? 0) + 5);
    expect(result.findings.map((f) => f.code)).not.toContain('IN001');
  });

  it('leaves other JSON to lint: policies and broken JSON', () => {
    const policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithSAML"}]}';
    expect(readContainer(policy)).toBeUndefined();
    expect(lintFile(policy)).toEqual([lint(policy)]);
    const broken = '{"log": {"entries": [';
    expect(only(lintFile(broken)).findings.map((f) => f.code)).toEqual(['IN001']);
  });
});

describe('hostile files never crash, and always say something', () => {
  // Every file here is broken or carries an unsigned response: each result must report something.
  const check = (text: string) => {
    const results = lintFile(text, { now: NOW });
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.findings.length, result.detected).toBeGreaterThan(0);
      for (const f of result.findings) expect(f.message).not.toMatch(/\{\{/);
    }
    return results;
  };

  it('deep nesting, huge arrays and long strings', () => {
    expect(only(check(`{"log": {"entries": ${'['.repeat(5000)}${']'.repeat(5000)}}}`)).findings.map((f) => f.code)).toEqual(['IN001']);
    const many = `{"log": {"entries": [${Array(200_000).fill('{}').join(',')}]}}`;
    expect(only(check(many)).findings[0]).toMatchObject({ messageId: 'none', data: { requests: '200000 requests' } });
    const long = `{"requests": [{"method": "POST", "url": "https://signin.aws.amazon.com/saml", "requestId": "1", "post": [["SAMLResponse", "${'A'.repeat(3_000_000)}"]]}]}`;
    expect(only(check(long)).findings.map((f) => f.code)).toContain('IN006');
  });

  it('wrong types anywhere in a HAR file or SAML-tracer export', { timeout: 60_000 }, () => {
    const values: unknown[] = [null, 0, -1, true, '', 'x', '{hash:1}', [], {}, [[1, 2]], { name: 1, value: [] }, 'https://signin.aws.amazon.com/saml'];
    // An unsigned response keeps each lint cheap; signatures play no part in reading the file.
    const xml = buildResponse();
    const files = [toHar([{ xml }]), toSamlTracer([{ xml }], { profile: 'mask' }), toSamlTracer([{ xml }], { legacy: true })];
    // Every path into the file, replaced in turn by every odd value (deterministic, no randomness to reproduce).
    const paths = (value: unknown, path: (string | number)[] = []): (string | number)[][] =>
      value && typeof value === 'object'
        ? [path, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...path, Array.isArray(value) ? Number(k) : k]))]
        : [path];
    let cases = 0;
    for (const file of files) {
      const parsed = JSON.parse(file);
      for (const path of paths(parsed).filter((p) => p.length > 0 && p.length <= 6)) {
        const value = values[cases % values.length];
        const edited = editJson(file, (root) => {
          let node = root;
          for (const key of path.slice(0, -1)) node = node[key];
          node[path.at(-1) as string | number] = value;
        });
        check(edited);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(100);
  });
});

describe('A capture with several logins and context files', () => {
  const vector = MANIFEST.find((entry) => entry.file === 'iam/trust-policy-trailing-comma.xml')!;
  const { text: xml, options } = loadVector(vector);

  it('says a context file’s own problem once, with the first login, and a login’s own finding with each', () => {
    // The relay state each login carries has a raw destination (CX007): that is the login's finding.
    const { relayState, ...context } = options;
    const login = { xml, relayState: `${relayState}?destination=/ccp-v2` };
    const results = lintFile(toHar([login, login]), context);
    expect(results).toHaveLength(2);
    const [first, second] = results;
    const codes = (result: LintResult | undefined) => result!.findings.map((f) => f.code).sort();
    expect(codes(first)).toContain('IAM001');
    expect(codes(second)).not.toContain('IAM001');
    // Everything else is the same login's, twice.
    expect(codes(second)).toEqual(codes(first).filter((code) => code !== 'IAM001'));
    expect(codes(second)).toEqual(['CX007']);
  });
});
