import { describe, expect, it } from 'vitest';
import { RELAY_STATE, buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { IN016 } from '../../src/rules/in/IN016-parameter-repeated.js';
import { decodeCapture } from '../../src/capture/decode.js';
import { editJson, lineColumn, toHar, toSamlTracer } from '../capture-fixtures.js';
import { runRule, ruleTester } from '../rule-tester.js';
import { SIGNED_BOTH } from '../sig-fixtures.js';

const signed = toBase64(SIGNED_BOTH);
const forged = toBase64(buildResponse({ nameId: 'admin@example.com' }));
const field = (name: string, value: string) => `${name}=${encodeURIComponent(value)}`;
const relay = field('RelayState', RELAY_STATE);
const twoResponses = [field('SAMLResponse', signed), relay, field('SAMLResponse', forged)].join('&');
const secondAt = twoResponses.lastIndexOf('SAMLResponse=');
const twoRelays = [field('SAMLResponse', signed), relay, field('RelayState', 'https://evil.example/')].join('&');
const harParams = toHar([{ xml: SIGNED_BOTH, postData: 'params', body: twoResponses }]);
const tracerTwice = editJson(toSamlTracer([{ xml: SIGNED_BOTH }]), (trace) => {
  for (const request of trace.requests) {
    if (Array.isArray(request.post) && request.post.some(([name]: [string]) => name === 'SAMLResponse')) request.post.push(['SAMLResponse', forged]);
  }
});

ruleTester(IN016, {
  valid: [
    { name: 'one SAMLResponse and one RelayState', input: [field('SAMLResponse', signed), relay].join('&') },
    { name: 'bare base64', input: signed },
    { name: 'a SAMLRequest beside the SAMLResponse is another field', input: [field('SAMLRequest', signed), field('SAMLResponse', signed)].join('&') },
    { name: 'a field whose name only contains SAMLResponse', input: [field('SAMLResponse', signed), field('xSAMLResponse', forged)].join('&') },
    { name: 'a HAR file posting each field once', input: toHar([{ xml: SIGNED_BOTH, postData: 'params' }]) },
    { name: 'a SAML-tracer export posting each field once', input: toSamlTracer([{ xml: SIGNED_BOTH }]) },
  ],
  invalid: [
    {
      name: 'two SAMLResponse fields, at the second',
      input: twoResponses,
      errors: [{ messageId: 'response', data: { times: 'twice', positions: 'fields 1 and 3' }, ...lineColumn(twoResponses, secondAt) }],
    },
    {
      name: 'two RelayState fields',
      input: twoRelays,
      errors: [{ messageId: 'relayState', data: { times: 'twice', positions: 'fields 2 and 3' } }],
    },
    {
      name: 'three SAMLResponse fields and two RelayState fields',
      input: [twoResponses, field('SAMLResponse', signed), relay].join('&'),
      errors: [
        { messageId: 'response', data: { times: '3 times', positions: 'fields 1, 3 and 4' } },
        { messageId: 'relayState', data: { times: 'twice', positions: 'fields 2 and 5' } },
      ],
    },
    {
      name: 'the same value posted twice',
      input: [field('SAMLResponse', signed), field('SAMLResponse', signed)].join('&'),
      errors: [{ messageId: 'response' }],
    },
    {
      name: 'a whole body URL-encoded twice',
      input: encodeURIComponent(twoResponses),
      errors: [{ messageId: 'response', data: { positions: 'fields 1 and 3' }, ...lineColumn(encodeURIComponent(twoResponses), encodeURIComponent(twoResponses).lastIndexOf('SAMLResponse%3D')) }],
    },
    {
      name: 'a HAR entry whose postData.params holds SAMLResponse twice',
      input: harParams,
      errors: [{ messageId: 'response', data: { positions: 'fields 1 and 3' } }],
    },
    {
      name: 'a HAR entry whose postData.text holds SAMLResponse twice',
      input: toHar([{ xml: SIGNED_BOTH, postData: 'text', body: twoResponses }]),
      errors: [{ messageId: 'response' }],
    },
    {
      name: 'a SAML-tracer request whose post holds SAMLResponse twice',
      input: tracerTwice,
      errors: [{ messageId: 'response', data: { positions: 'fields 1 and 3' } }],
    },
  ],
});

describe('IN016 locations', () => {
  it('points at the second field’s name and labels the others', () => {
    const input = [twoResponses, field('SAMLResponse', signed)].join('&');
    const { result } = runRule(IN016, input);
    const [finding] = result.findings;
    const at = (offset: number) => lineColumn(input, offset);
    expect(finding?.location?.span).toMatchObject({ ...at(secondAt), endColumn: at(secondAt).column + 'SAMLResponse'.length });
    expect(finding?.labels?.map((l) => [l.message, l.location.span.column])).toEqual([
      ['first `SAMLResponse`', 1],
      ['third `SAMLResponse`', at(input.lastIndexOf('SAMLResponse=')).column],
    ]);
    expect(finding?.notes?.[0]).toMatch(/values differ/);
  });

  it('points into the HAR file at the repeated param’s name', () => {
    const { result } = runRule(IN016, harParams);
    const [finding] = result.findings;
    const names = [...harParams.matchAll(/"name": "SAMLResponse"/g)].map((m) => (m.index ?? 0) + '"name": "'.length);
    expect(names).toHaveLength(2);
    expect(finding?.location?.span).toMatchObject(lineColumn(harParams, names[1] as number));
    expect(finding?.labels?.[0]?.location.span).toMatchObject(lineColumn(harParams, names[0] as number));
  });

  it('lints the first SAMLResponse, as before', () => {
    const capture = decodeCapture(twoResponses);
    expect(capture.xml).toBe(SIGNED_BOTH);
    expect(capture.relayState?.value).toBe(RELAY_STATE);
  });

  it('keeps exact ranges in a body URL-encoded twice', () => {
    const once = [field('SAMLResponse', signed), relay].join('&');
    const twice = encodeURIComponent(once);
    const capture = decodeCapture(twice);
    expect(capture.xml).toBe(SIGNED_BOTH);
    expect(capture.relayState?.value).toBe(RELAY_STATE);
    expect(twice.slice(capture.relayState?.range.start, capture.relayState?.range.end)).toBe(encodeURIComponent(encodeURIComponent(RELAY_STATE)));
    expect(twice.slice(capture.value?.start, capture.value?.end)).toBe(encodeURIComponent(encodeURIComponent(signed)));
  });
});
