import { IN012 } from '../../src/rules/in/IN012-capture-without-login.js';
import { editJson, lineColumn, toHar, toSamlTracer } from '../capture-fixtures.js';
import { ruleTester } from '../rule-tester.js';
import { SIGNED_BOTH } from '../sig-fixtures.js';

const HAR = toHar([{ xml: SIGNED_BOTH }]);
const withoutPosts = editJson(HAR, (har) => {
  har.log.entries = har.log.entries.filter((e: { request: { method: string } }) => e.request.method !== 'POST');
});
const entriesNotArray = '{"log": {"version": "1.2", "entries": {"0": {}}}}';
// An SP-initiated flow traced up to the IdP: the AuthnRequest is no login.
const authnRequestOnly = JSON.stringify({
  requests: [{ method: 'GET', url: 'https://example.okta.com/app/sso/saml?SAMLRequest=fZJNT8MwDIbv%2FIoq9zZtVyYUbZPGdmASHxMdHLilmdtFNMmIXQb%2FnrRjAiThXJ%2Bvr%2Be1M0HW%2BbBbqx8sV3x%2FYdTX98BW%3D', requestId: '1' }],
  timestamp: '2026-11-27T09:01:30.000Z',
});

ruleTester(IN012, {
  valid: [
    { name: 'a HAR file with the POST to AWS', input: HAR },
    { name: 'a SAML-tracer export with the POST to AWS', input: toSamlTracer([{ xml: SIGNED_BOTH }]) },
    { name: 'a pasted form body is no capture file', input: 'SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D' },
  ],
  invalid: [
    {
      name: 'a HAR file recorded after the login',
      input: withoutPosts,
      errors: [{ messageId: 'none', data: { format: 'HAR file', requests: '2 requests' } }],
    },
    {
      name: 'a HAR file with no entries',
      input: '{"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "133.0"}, "entries": []}}',
      errors: [{ messageId: 'empty', data: { format: 'HAR file' } }],
    },
    {
      name: 'a HAR file whose log.entries is an object',
      input: entriesNotArray,
      errors: [{ messageId: 'malformed', data: { path: '`log.entries`', expected: 'an array' }, ...lineColumn(entriesNotArray, entriesNotArray.indexOf('{"0"')) }],
    },
    {
      name: 'a HAR file whose log is a string',
      input: '{"log": "entries"}',
      errors: [{ messageId: 'malformed', data: { path: '`log`', expected: 'an object' } }],
    },
    {
      name: 'a SAML-tracer export with only the SP’s AuthnRequest',
      input: authnRequestOnly,
      errors: [{ messageId: 'none', data: { format: 'SAML-tracer export', requests: '1 request' } }],
    },
    {
      name: 'a SAML-tracer export whose requests is not a list',
      input: '{"requests": 42, "timestamp": 1795770090000}',
      errors: [{ messageId: 'malformed', data: { format: 'SAML-tracer export', path: '`requests`' } }],
    },
  ],
});
