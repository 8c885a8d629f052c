import { isMalformedMetadataRoot } from '../../saml/metadata.js';
import { faultOf, isFault, readSoapEnvelope } from '../../saml/soap.js';
import { NS, attribute, isMetadataRoot } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

const SAML1_PROTOCOL = 'urn:oasis:names:tc:SAML:1.0:protocol';

export const SAML001 = defineRule({
  meta: {
    code: 'SAML001',
    name: 'not-a-response',
    family: 'SAML',
    stage: 'xml',
    severity: 'error',
    summary: 'The root element is not a SAML 2.0 `samlp:Response`',
    facts: [],
    symptoms: ['invalid-saml-response'],
    messages: {
      notResponse: {
        message: 'root element is `{{found}}`, not a SAML 2.0 `samlp:Response`',
        help: 'AWS accepts only a SAML 2.0 Response posted by the IdP; capture the `SAMLResponse` field of the POST to the AWS sign-in endpoint',
        profiles: { generic: { help: 'a service provider accepts only a SAML 2.0 Response posted by the IdP; capture the `SAMLResponse` field of the POST to the service provider’s ACS URL' } },
      },
      noNamespace: {
        message: 'root element `{{found}}` has no namespace, so it is not the SAML 2.0 protocol’s `Response`',
        help: 'the SAML protocol namespace declaration is missing: the root must be `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" …>` (or carry that URI as its default `xmlns`), and the Assertion inside needs `urn:oasis:names:tc:SAML:2.0:assertion`; a custom IdP template, or a copy that stripped the prefixes, dropped them',
      },
      soapNotResponse: {
        message: 'the SOAP envelope’s Body holds `{{found}}`, not a SAML 2.0 `samlp:Response`',
        help: 'an ECP client receives the IdP’s `samlp:Response` in the Body of the SOAP envelope; a PAOS `AuthnRequest` there is the service provider’s request to the client: capture the IdP’s answer to it',
      },
      soapFault: {
        message: 'the SOAP envelope holds a Fault (`{{code}}`: {{reason}}), not a SAML Response',
        help: 'the IdP refused the ECP request: read its Fault, and the IdP’s log at that time (for Shibboleth, idp-process.log), then fix what it names (the credentials, the service provider’s metadata, the ECP profile being enabled for it) and sign in again',
      },
      soapEmpty: {
        message: 'the SOAP envelope has no element in its Body',
        help: 'an ECP client receives the IdP’s `samlp:Response` in the Body of the SOAP envelope: capture the whole answer of the IdP’s ECP endpoint',
      },
      saml1: {
        message: 'root element is a SAML {{version}} `Response`, not SAML 2.0',
        help: 'AWS and SAML 2.0 service providers accept only SAML 2.0 Responses; configure the IdP application for SAML 2.0 (not SAML 1.1, Shibboleth 1.x or CAS SAML 1.1 validation)',
        profiles: { generic: { help: 'SAML 2.0 service providers accept only SAML 2.0 Responses; configure the IdP application for SAML 2.0 (not SAML 1.1, Shibboleth 1.x or CAS SAML 1.1 validation)' } },
      },
    },
  },
  check(ctx) {
    const document = ctx.xml?.root;
    if (!document) return;
    // An ECP client's SOAP envelope: its Body holds the message.
    const envelope = readSoapEnvelope(document);
    const root = envelope ? envelope.payload : document;
    if (!root) {
      ctx.report({ messageId: 'soapEmpty', location: ctx.at.element(envelope?.body ?? document) });
      return;
    }
    if (root.namespaceURI === NS.samlp && root.localName === 'Response') return;
    // Metadata is a document samlint reads too; the MD rules take it from here, malformed roots included.
    if (!envelope && (isMetadataRoot(root) || isMalformedMetadataRoot(root))) return;
    if (envelope && isFault(root, document.namespaceURI as string)) {
      const { code, reason } = faultOf(root, envelope.version);
      ctx.report({ messageId: 'soapFault', data: { code: code || 'no code', reason: reason || 'no reason given' }, location: ctx.at.element(root) });
      return;
    }
    if (root.namespaceURI === SAML1_PROTOCOL && root.localName === 'Response') {
      const major = attribute(root, 'MajorVersion') ?? '1';
      const minor = attribute(root, 'MinorVersion');
      ctx.report({ messageId: 'saml1', data: { version: minor === undefined ? `${major}.x` : `${major}.${minor}` }, location: ctx.at.element(root) });
      return;
    }
    const found = root.namespaceURI ? `{${root.namespaceURI}}${root.localName}` : (root.localName ?? root.tagName);
    const namespaceMissing = !envelope && !root.namespaceURI && root.localName === 'Response';
    ctx.report({ messageId: envelope ? 'soapNotResponse' : namespaceMissing ? 'noNamespace' : 'notResponse', data: { found }, location: ctx.at.element(root) });
  },
});
