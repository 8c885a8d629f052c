import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, type SignatureReport } from '../src/index.js';

const vector = (file: string) => readFileSync(new URL(`../../../test-vectors/${file}`, import.meta.url), 'utf8');
const IDP_CERT = vector('keys/idp.crt');
const NOW = new Date('2026-11-27T09:00:30Z');
const signing = (file: string, certificates = [IDP_CERT]): SignatureReport[] => lint(vector(file), { certificates, now: NOW }).signing ?? [];
// `openssl x509 -in test-vectors/keys/idp.crt -noout -fingerprint -sha256`
const IDP_FINGERPRINT = 'F9:F9:0B:AD:B0:F3:F3:9A:B5:19:CA:FD:B1:08:A6:40:0D:EC:2E:A9:6F:E2:82:1A:7B:C1:E1:0E:56:B4:0E:EF';

describe('the signatures of a response, as a reader is shown them (result.signing)', () => {
  it('gives each Signature its place, parent, status, the trusted certificate and the element it covers', () => {
    const [response, assertion] = signing('clean/clean-signed-both.xml');
    expect(response).toMatchObject({
      parent: 'samlp:Response',
      status: 'valid',
      signatureMethod: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      verifiedWith: { source: '--cert #1', fingerprint256: IDP_FINGERPRINT },
      covers: [{ element: 'samlp:Response', id: '_r7f3c2a9e41b04d5c8f6e01' }],
    });
    expect(assertion).toMatchObject({ parent: 'saml:Assertion', status: 'valid', covers: [{ element: 'saml:Assertion', id: '_a2b8d4e6f0a1c4e3b9d7f02' }] });
    // Places in the decoded XML: the Signature inside its parent, the covered element's start tag.
    const xml = lint(vector('clean/clean-signed-both.xml'), { certificates: [IDP_CERT], now: NOW }).xml as string;
    const lines = xml.split('\n');
    const { span } = assertion!.location;
    expect(lines[span.line - 1]!.slice(span.column - 1)).toMatch(/^<ds:Signature\b/);
    const cover = assertion!.covers[0]!.location.span;
    expect(lines[cover.line - 1]!.slice(cover.column - 1)).toMatch(/^<saml:Assertion\b/);
  });

  it('names no certificate for a signature intact against its own KeyInfo, with nothing trusted', () => {
    const reports = signing('clean/clean-signed-both.xml', []);
    expect(reports.map((report) => report.status)).toEqual(['intact', 'intact']);
    expect(reports.every((report) => report.verifiedWith === undefined && report.covers.length === 1)).toBe(true);
  });

  it('covers nothing when the content changed after signing', () => {
    const [report] = signing('sig/digest-mismatch.xml');
    expect(report).toMatchObject({ status: 'digest-mismatch', covers: [] });
    expect(report!.verifiedWith).toBeUndefined();
  });

  it('is absent when no signature rule ran: the page and the JSON describe only verdicts a rule stands behind', () => {
    const result = lint(vector('clean/clean-signed-both.xml'), { certificates: [IDP_CERT], now: NOW }, []);
    expect(result.signatures).toBeUndefined();
    expect(result.signing).toBeUndefined();
  });
});
