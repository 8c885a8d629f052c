// Wraps signed responses the way browsers and SAML-tracer save them: a HAR 1.2 file as Chrome's DevTools
// exports it, and a SAML-tracer export (current and legacy, with each export profile). Plain templating
// after the published formats (HAR 1.2; simplesamlphp/SAML-tracer SAMLTraceIO.js and filters.js);
// nothing here reads samlint. Used by ../generate.mjs and by the unit tests.
import { createHash } from 'node:crypto';
import { ACS, NOW, RELAY_STATE, toBase64 } from './response.mjs';

const IDP_SSO = 'https://example.okta.com/app/amazon_aws/exk1a2b3c4d5e6f7g8h9/sso/saml';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** `Fri, 27 Nov 2026 09:00:30 GMT` for an ISO time, as HTTP writes dates. */
const httpDate = (iso) => new Date(iso).toUTCString();
const later = (iso, ms) => new Date(new Date(iso).getTime() + ms).toISOString();

function harEntry({ method, url, headers = [], postData, status, responseHeaders, started }) {
  const query = url.includes('?') ? [...new URL(url).searchParams].map(([name, value]) => ({ name, value })) : [];
  return {
    _initiator: { type: method === 'POST' ? 'other' : 'parser' },
    _priority: 'VeryHigh',
    _resourceType: 'document',
    cache: {},
    connection: '443',
    pageref: 'page_1',
    request: {
      method,
      url,
      httpVersion: 'http/2.0',
      headers: [
        { name: ':authority', value: new URL(url).host },
        { name: ':method', value: method },
        { name: 'accept', value: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
        { name: 'user-agent', value: USER_AGENT },
        ...headers,
      ],
      queryString: query,
      cookies: [],
      headersSize: -1,
      bodySize: postData?.text?.length ?? 0,
      ...(postData ? { postData } : {}),
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: responseHeaders,
      cookies: [],
      content: { size: 0, mimeType: 'text/html' },
      redirectURL: responseHeaders.find((h) => h.name === 'location')?.value ?? '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: 512,
      _error: null,
    },
    serverIPAddress: '192.0.2.10',
    startedDateTime: started,
    time: 85.2,
    timings: { blocked: 1.1, dns: -1, ssl: -1, connect: -1, send: 0.2, wait: 80.4, receive: 3.5, _blocked_queueing: 0.6 },
  };
}

/**
 * A HAR 1.2 file as Chrome exports it, one IdP page, POST to AWS and console page per login. Each login:
 * `{ xml, relayState, url, date, postData }` where `postData` is `'text+params'` (Chrome's default),
 * `'params'`, `'text'` or `'none'` (a browser that left the body out), and `body` replaces the form body.
 */
export function toHar(logins) {
  const entries = [];
  for (const login of logins) {
    const date = login.date ?? NOW;
    const url = login.url ?? ACS;
    const body = login.body ?? new URLSearchParams({ SAMLResponse: toBase64(login.xml), RelayState: login.relayState ?? RELAY_STATE }).toString();
    const params = body.split('&').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) }));
    const form = login.postData ?? 'text+params';
    const postData = {
      mimeType: 'application/x-www-form-urlencoded',
      ...(form.includes('text') ? { text: body } : {}),
      ...(form.includes('params') ? { params } : {}),
    };
    entries.push(
      harEntry({
        method: 'GET',
        url: IDP_SSO,
        status: 200,
        started: later(date, -1200),
        responseHeaders: [
          { name: 'date', value: httpDate(later(date, -1200)) },
          { name: 'content-type', value: 'text/html;charset=utf-8' },
        ],
      }),
      harEntry({
        method: 'POST',
        url,
        headers: [
          { name: 'content-type', value: 'application/x-www-form-urlencoded' },
          { name: 'origin', value: 'https://example.okta.com' },
          { name: 'referer', value: 'https://example.okta.com/' },
        ],
        postData: form === 'none' ? undefined : postData,
        status: 302,
        started: later(date, -90),
        responseHeaders: [
          { name: 'cache-control', value: 'no-cache, no-store' },
          { name: 'date', value: httpDate(date) },
          { name: 'location', value: login.relayState ?? RELAY_STATE },
        ],
      }),
      harEntry({
        method: 'GET',
        url: login.relayState ?? RELAY_STATE,
        status: 200,
        started: later(date, 200),
        responseHeaders: [{ name: 'date', value: httpDate(later(date, 1000)) }],
      }),
    );
  }
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [{ startedDateTime: entries[0]?.startedDateTime ?? NOW, id: 'page_1', title: IDP_SSO, pageTimings: { onContentLoad: 310.4, onLoad: 402.9 } }],
      entries,
    },
  };
  return `${JSON.stringify(har, null, 2)}\n`;
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/**
 * A SAML-tracer export of the logins (each `{ xml, relayState, url, date }`): `profile` is the export
 * dialog's choice, `'none'`, `'mask'` (hashes) or `'remove'` (`{obf:…}`); `legacy` writes the
 * pre-WebExtension shape (no requestId, header pairs, raw postData, epoch-ms timestamp, Latin-1 `saml`).
 */
export function toSamlTracer(logins, { profile = 'none', legacy = false } = {}) {
  const alternatives = [];
  const obfuscate = (value) => {
    if (!alternatives.includes(value)) alternatives.push(value);
    return `{obf:alternative_${alternatives.indexOf(value)}}`;
  };
  const hide = (value) => (profile === 'mask' ? `{hash:${sha256(value)}}` : profile === 'remove' ? obfuscate(value) : value);
  const headers = (list) => (legacy ? list.map(({ name, value }) => [name, value]) : list);
  const requests = logins.flatMap((login, i) => {
    const date = login.date ?? NOW;
    const relayState = login.relayState ?? RELAY_STATE;
    const base64 = toBase64(login.xml);
    const cookie = `JSESSIONID=${profile === 'none' ? 'node01abc' : hide('node01abc')}`;
    const idpPage = {
      method: 'GET',
      url: IDP_SSO,
      ...(legacy ? {} : { requestId: String(4810 + i * 3) }),
      requestHeaders: headers([{ name: 'Host', value: 'example.okta.com' }, { name: 'User-Agent', value: USER_AGENT }]),
      get: [],
      responseStatus: 200,
      responseStatusText: 'HTTP/1.1 200 OK',
      responseHeaders: headers([{ name: 'Date', value: httpDate(later(date, -1200)) }, { name: 'Content-Type', value: 'text/html;charset=utf-8' }]),
    };
    const form = new URLSearchParams({ SAMLResponse: base64, RelayState: relayState }).toString();
    const post = {
      method: 'POST',
      url: login.url ?? ACS,
      ...(legacy ? {} : { requestId: String(4811 + i * 3) }),
      requestHeaders: headers([
        { name: 'Host', value: new URL(login.url ?? ACS).host },
        { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
        { name: 'Origin', value: 'https://example.okta.com' },
        { name: 'Cookie', value: cookie },
      ]),
      // SAMLTrace.Request: the browser's formData (current) or the raw body (legacy), then its pairs.
      postData: profile !== 'none' ? '{overwritten}' : legacy ? form : { SAMLResponse: [base64], RelayState: [relayState] },
      post: [
        ['SAMLResponse', hide(base64)],
        ['RelayState', hide(relayState)],
      ],
      ...(legacy ? {} : { protocol: 'SAML-P' }),
      // The current version decodes a POST value as UTF-8; legacy versions kept atob's one character per byte.
      saml: legacy ? Buffer.from(login.xml, 'utf8').toString('latin1') : login.xml,
      responseStatus: 302,
      responseStatusText: 'HTTP/1.1 302 Found',
      responseHeaders: headers([{ name: 'Date', value: httpDate(date) }, { name: 'Location', value: relayState }]),
    };
    return [idpPage, post];
  });
  const timestamp = later(logins.at(-1)?.date ?? NOW, 60_000);
  const trace = { requests, timestamp: legacy ? new Date(timestamp).getTime() : timestamp };
  return legacy ? JSON.stringify(trace) : JSON.stringify(trace, null, 2);
}

/**
 * An attribute value as OpenSAML's HTML encoder writes it into Shibboleth's POST page (the OWASP ESAPI
 * attribute rules): letters, digits and `,.-_` as they are, every other character as `&#xHH;`, so a
 * base64 value's `+`, `/` and `=` become `&#x2b;`, `&#x2f;` and `&#x3d;`.
 */
export function encodeForHtmlAttribute(value) {
  return value.replace(/[^A-Za-z0-9,.\-_]/gu, (ch) => `&#x${ch.codePointAt(0).toString(16)};`);
}

/** Minimal escaping for a double-quoted attribute, as a browser serialises one (DevTools' Copy outerHTML, "Save page as"). */
const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page an IdP answers a sign-in with, which the browser auto-submits to the SP, as a user keeps it:
 * - `saved`: the whole page saved with "Save page as" (a `saved from url` mark, a language form before
 *   the SAML form, a script that submits the SAML form by id);
 * - `shibboleth`: Shibboleth's POST-binding page, its values written by `encodeForHtmlAttribute`;
 * - `devtools`: the form alone, as the developer tools' Copy outerHTML gives it;
 * - `no-form`: an IdP error page, which holds no form at all (`xml` is ignored).
 */
export function toHtmlPage(xml, { relayState = RELAY_STATE, url = ACS, style = 'saved' } = {}) {
  const base64 = toBase64(xml);
  if (style === 'shibboleth') {
    const encoded = encodeForHtmlAttribute;
    return `<!DOCTYPE html>
<html>
    <head>
        <meta charset="utf-8" />
    </head>
    <body onload="document.forms[0].submit()">
        <noscript>
            <p>
                <strong>Note:</strong> Since your browser does not support JavaScript,
                you must press the Continue button once to proceed.
            </p>
        </noscript>
        <form action="${encoded(url)}" method="post">
            <div>
                <input type="hidden" name="RelayState" value="${encoded(relayState)}"/>
                <input type="hidden" name="SAMLResponse" value="${encoded(base64)}"/>
            </div>
            <noscript>
                <div>
                    <input type="submit" value="Continue"/>
                </div>
            </noscript>
        </form>
    </body>
</html>
`;
  }
  const form =
    `<form id="appForm" action="${escapeAttribute(url)}" method="POST">` +
    `<input name="SAMLResponse" type="hidden" value="${escapeAttribute(base64)}">` +
    `<input name="RelayState" type="hidden" value="${escapeAttribute(relayState)}">` +
    '</form>';
  if (style === 'devtools') return form;
  if (style === 'no-form') {
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head>
<body><h1>Your session has expired</h1><p>Sign in to <a href="${escapeAttribute(IDP_SSO)}">AWS</a> again.</p></body></html>
`;
  }
  return `<!-- saved from url=(${String(IDP_SSO.length).padStart(4, '0')})${IDP_SSO} -->
<!DOCTYPE html>
<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Signing in…</title></head>
<body>
<form class="language" action="/login/language" method="GET"><select name="locale"><option value="en" selected>English</option></select></form>
${form}
<script>document.getElementById('appForm').submit();</script>
</body></html>
`;
}

/**
 * The SOAP 1.1 envelope in which an IdP answers an ECP client (SAML profiles §4.2.4.3, as Shibboleth's
 * ECP endpoint writes it): an `ecp:Response` header naming the ACS, the Response in the Body.
 */
export function toSoapEnvelope(xml, { url = ACS } = {}) {
  const response = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  return `<?xml version="1.0" encoding="UTF-8"?>
<soap11:Envelope xmlns:soap11="http://schemas.xmlsoap.org/soap/envelope/"><soap11:Header><ecp:Response xmlns:ecp="urn:oasis:names:tc:SAML:2.0:profiles:SSO:ecp" AssertionConsumerServiceURL="${url}" soap11:actor="http://schemas.xmlsoap.org/soap/actor/next" soap11:mustUnderstand="1"/></soap11:Header><soap11:Body>${response}</soap11:Body></soap11:Envelope>
`;
}
