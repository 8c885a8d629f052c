import { describe, expect, it } from 'vitest';
import { encodeForHtmlAttribute, toHtmlPage } from '../../../test-vectors/lib/captures.mjs';
import { RELAY_STATE, toBase64 } from '../../../test-vectors/lib/response.mjs';
import { decodeCapture, type InputRange } from '../src/capture/decode.js';
import { lint } from '../src/index.js';
import { SIGNED_BOTH, trusting } from './sig-fixtures.js';

const base64 = toBase64(SIGNED_BOTH);
const NOW = new Date('2026-11-27T09:00:30Z');
const input = (name: string, value: string, extra = '') => `<input type="hidden" name="${name}" value="${value}"${extra}>`;
const form = (...fields: string[]) => `<form method="post" action="https://signin.aws.amazon.com/saml">${fields.join('')}</form>`;
const page = (body: string) => `<!DOCTYPE html>\n<html><head><title>Signing in</title></head><body onload="document.forms[0].submit()">\n${body}\n</body></html>\n`;
const slice = (text: string, range: InputRange | undefined) => (range ? text.slice(range.start, range.end) : undefined);

describe('decodeCapture on an IdP’s HTML page', () => {
  it('reads a saved auto-submit page: the form with the SAMLResponse, after another form, and its RelayState', () => {
    const text = toHtmlPage(SIGNED_BOTH, { style: 'saved' });
    const capture = decodeCapture(text);
    expect(capture.detected).toBe('html');
    expect(capture.description).toBe('HTML form with SAMLResponse and RelayState');
    expect(capture.xml).toBe(SIGNED_BOTH);
    expect(slice(text, capture.value)).toBe(base64);
    expect(capture.relayState?.value).toBe(RELAY_STATE);
    expect(slice(text, capture.relayState?.range)).toBe(RELAY_STATE);
    expect(capture.problems).toEqual([]);
  });

  it('decodes character references as the browser posts them, and the value’s range still covers them', () => {
    const text = toHtmlPage(SIGNED_BOTH, { style: 'shibboleth' });
    expect(text).toContain('&#x2b;');
    const capture = decodeCapture(text);
    expect(capture.xml).toBe(SIGNED_BOTH);
    expect(capture.relayState?.value).toBe(RELAY_STATE);
    expect(slice(text, capture.relayState?.range)).toBe(encodeForHtmlAttribute(RELAY_STATE));
    expect(slice(text, capture.value)).toBe(encodeForHtmlAttribute(base64));
    expect(capture.problems).toEqual([]);
  });

  it('decodes decimal, hex and named references and a value wrapped with `&#13;&#10;` (Java’s MIME base64)', () => {
    const wrapped = base64.replace(/.{76}/g, '$&&#13;&#10;').replace(/\+/g, '&#43;').replace(/=/g, '&#x3D;').replace(/\//g, '&sol;');
    expect(decodeCapture(page(form(input('SAMLResponse', wrapped)))).xml).toBe(SIGNED_BOTH);
  });

  it('points a bad character at the reference it came from, and one after references at itself', () => {
    const encoded = encodeForHtmlAttribute(base64);
    const fromReference = page(form(input('SAMLResponse', encoded.replace('&#x2b;', '&#x2a;'))));
    const [viaReference] = decodeCapture(fromReference).problems;
    expect(viaReference).toMatchObject({ kind: 'invalid-base64', character: '*' });
    expect(slice(fromReference, viaReference?.kind === 'invalid-base64' ? viaReference.range : undefined)).toBe('&#x2a;');
    const last = encoded.lastIndexOf('&#x2b;') + '&#x2b;'.length + 2;
    const literal = page(form(input('SAMLResponse', `${encoded.slice(0, last)}!${encoded.slice(last)}`)));
    const [problem] = decodeCapture(literal).problems;
    expect(problem).toMatchObject({ kind: 'invalid-base64', character: '!' });
    const range = problem?.kind === 'invalid-base64' ? problem.range : undefined;
    expect(range && range.end - range.start).toBe(1);
    expect(slice(literal, range)).toBe('!');
    expect(literal.slice(0, range?.start).endsWith(encoded.slice(0, last))).toBe(true);
  });

  it('reads a form copied from the developer tools, and an input copied on its own', () => {
    const fragment = toHtmlPage(SIGNED_BOTH, { style: 'devtools' });
    expect(fragment.startsWith('<form')).toBe(true);
    expect(decodeCapture(fragment)).toMatchObject({ detected: 'html', xml: SIGNED_BOTH, relayState: { value: RELAY_STATE } });
    const alone = decodeCapture(`  ${input('SAMLResponse', base64)}\n`);
    expect(alone).toMatchObject({ detected: 'html', description: 'HTML form with SAMLResponse', xml: SIGNED_BOTH });
  });

  it('posts what a browser posts: an input its `form` attribute gives the form, not a disabled one or a button', () => {
    const owned = `<form id="saml" method="post"></form>${input('SAMLResponse', base64, ' form="saml"')}`;
    expect(decodeCapture(page(owned)).xml).toBe(SIGNED_BOTH);
    const disabled = page(form(input('SAMLResponse', 'bm90IHRoaXMgb25l', ' disabled'), input('SAMLResponse', base64)));
    expect(decodeCapture(disabled)).toMatchObject({ xml: SIGNED_BOTH, problems: [] });
    const button = page(form('<input type="submit" name="SAMLResponse" value="Continue">', input('SAMLResponse', base64)));
    expect(decodeCapture(button)).toMatchObject({ xml: SIGNED_BOTH, problems: [] });
  });

  it('reports a SAMLResponse field the form posts twice', () => {
    const text = page(form(input('SAMLResponse', base64), input('RelayState', RELAY_STATE), input('SAMLResponse', toBase64('<x/>'))));
    const problem = decodeCapture(text).problems.find((p) => p.kind === 'parameter-repeated');
    expect(problem).toMatchObject({ field: 'SAMLResponse', positions: [1, 3], identical: false });
    expect(problem?.range.start).toBe(text.lastIndexOf('name="SAMLResponse"') + 'name="'.length);
    expect(slice(text, problem?.range)).toBe('SAMLResponse');
  });

  it('reports a value URL-encoded inside the page', () => {
    const text = page(form(input('SAMLResponse', encodeURIComponent(base64))));
    const capture = decodeCapture(text);
    expect(capture.xml).toBe(SIGNED_BOTH);
    expect(capture.problems).toEqual([{ kind: 'double-url-encoded', range: capture.value, what: 'value' }]);
  });

  it('says how many forms a page without a SAMLResponse field has', () => {
    const none = page('<h1>Your session has expired</h1>');
    expect(decodeCapture(none)).toMatchObject({
      detected: 'html',
      description: 'HTML page without a SAMLResponse field',
      problems: [{ kind: 'no-saml-response-field', forms: 0, range: { start: 0, end: none.trimEnd().length } }],
    });
    const login = page(`${form(input('username', ''), input('password', ''))}<form><input name="q"></form>`);
    expect(decodeCapture(login).problems).toMatchObject([{ kind: 'no-saml-response-field', forms: 2 }]);
  });

  it('reports a page that posts a SAMLRequest as one', () => {
    const text = page(form(input('SAMLRequest', base64), input('RelayState', 'token')));
    const capture = decodeCapture(text);
    expect(capture.description).toBe('HTML form with SAMLRequest and RelayState');
    expect(capture.problems[0]).toMatchObject({ kind: 'saml-request' });
    expect(slice(text, capture.problems[0]?.kind === 'saml-request' ? capture.problems[0].range : undefined)).toBe(base64);
  });

  it('does not parse a page with more tags than an IdP’s POST page has', () => {
    const text = page(`${'<p>'.repeat(10_000)}${form(input('SAMLResponse', base64))}`);
    expect(decodeCapture(text)).toMatchObject({ detected: 'html', problems: [{ kind: 'page-too-large', limit: 10_000 }] });
    expect(decodeCapture(text).xml).toBeUndefined();
  });

  it('still reads XML as XML, whatever comes before its root', () => {
    for (const xml of [SIGNED_BOTH, `<!-- exported -->\n${SIGNED_BOTH}`, '<Response xmlns="urn:oasis:names:tc:SAML:2.0:protocol"/>', '<!-- never closed <html>']) {
      expect(decodeCapture(xml).detected, xml.slice(0, 40)).toBe('xml');
    }
    for (const html of ['<!doctype HTML><p>x</p>', '<HTML><BODY></BODY></HTML>', '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html/>']) {
      expect(decodeCapture(html).detected, html).toBe('html');
    }
  });
});

describe('linting an IdP’s HTML page', () => {
  it('lints the response as the base64 value: the same findings, signatures verified', () => {
    const options = { ...trusting('idp'), now: NOW };
    const fromPage = lint(toHtmlPage(SIGNED_BOTH, { style: 'shibboleth' }), options);
    const fromValue = lint(base64, { ...options, relayState: RELAY_STATE });
    expect(fromPage.detected).toBe('HTML form with SAMLResponse and RelayState');
    expect(fromPage.signatures).toBe(fromValue.signatures);
    expect(fromPage.findings).toEqual(fromValue.findings);
    expect(fromPage.relayState).toBe(RELAY_STATE);
  });
});
