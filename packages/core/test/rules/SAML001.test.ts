import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { SAML001 } from '../../src/rules/saml/SAML001-not-a-response.js';
import { ruleTester } from '../rule-tester.js';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const envelope = (body: string, namespace = SOAP11, header = '') =>
  `<S:Envelope xmlns:S="${namespace}">${header}<S:Body>${body}</S:Body></S:Envelope>`;
const ECP_HEADER =
  '<S:Header><ecp:Response xmlns:ecp="urn:oasis:names:tc:SAML:2.0:profiles:SSO:ecp" S:mustUnderstand="1" AssertionConsumerServiceURL="https://signin.aws.amazon.com/saml"/></S:Header>';
const RESPONSE = buildResponse().replace(/^<\?xml[^>]*\?>\s*/, '');

ruleTester(SAML001, {
  valid: [
    { name: 'a SAML 2.0 Response', input: buildResponse() },
    { name: 'a base64 Response', input: toBase64(buildResponse()) },
    { name: 'metadata is MD’s', input: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>' },
    { name: 'an ECP envelope around a Response', input: envelope(RESPONSE, SOAP11, ECP_HEADER) },
    { name: 'a SOAP 1.2 envelope around a Response, base64', input: toBase64(envelope(RESPONSE, SOAP12)) },
    { name: 'a malformed metadata root is MD004’s', input: '<md:EntityDescriptor2 xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>' },
  ],
  invalid: [
    {
      name: 'an AuthnRequest',
      input: '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_req1" Version="2.0"/>',
      errors: [{ messageId: 'notResponse', data: { found: '{urn:oasis:names:tc:SAML:2.0:protocol}AuthnRequest' }, line: 1, column: 1 }],
    },
    {
      name: 'a SAML 1.1 Response',
      input: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1" MinorVersion="1"/>',
      errors: [{ messageId: 'saml1', data: { version: '1.1' } }],
    },
    {
      name: 'a SAML 1.x Response without MinorVersion',
      input: '<Response xmlns="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1"/>',
      errors: [{ messageId: 'saml1', data: { version: '1.x' } }],
    },
    {
      name: 'a SOAP 1.1 Fault',
      input: envelope('<S:Fault><faultcode>S:Client</faultcode><faultstring>An error occurred\n   processing the request.</faultstring></S:Fault>'),
      errors: [{ messageId: 'soapFault', data: { code: 'S:Client', reason: 'An error occurred processing the request.' }, line: 1, column: 73 }],
    },
    {
      name: 'a SOAP 1.2 Fault',
      input: envelope('<S:Fault><S:Code><S:Value>S:Sender</S:Value></S:Code><S:Reason><S:Text xml:lang="en">Authentication failed</S:Text></S:Reason></S:Fault>', SOAP12),
      errors: [{ messageId: 'soapFault', data: { code: 'S:Sender', reason: 'Authentication failed' } }],
    },
    {
      name: 'a Fault without code or reason',
      input: envelope('<S:Fault/>'),
      errors: [{ messageId: 'soapFault', data: { code: 'no code', reason: 'no reason given' } }],
    },
    {
      name: 'the SP’s PAOS request in the envelope',
      input: envelope('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_req1" Version="2.0"/>'),
      errors: [{ messageId: 'soapNotResponse', data: { found: '{urn:oasis:names:tc:SAML:2.0:protocol}AuthnRequest' } }],
    },
    {
      name: 'an envelope with an empty Body',
      input: envelope(''),
      errors: [{ messageId: 'soapEmpty', line: 1, column: 65 }],
    },
    {
      name: 'a Response without a namespace',
      input: '<Response ID="_x" Version="2.0"/>',
      errors: [{ messageId: 'noNamespace', data: { found: 'Response' } }],
    },
    {
      name: 'a Response whose default namespace is not SAML’s: the namespace is there, only wrong',
      input: '<Response xmlns="urn:example" ID="_x" Version="2.0"/>',
      errors: [{ messageId: 'notResponse', data: { found: '{urn:example}Response' } }],
    },
  ],
});
