import { defineRule } from '../define-rule.js';
import { RSA_1_5, keyCandidates } from '../../saml/xenc.js';
import { NS, attribute, childElements, firstChild } from '../../xml/dom.js';

/** The EncryptedKeys of an encrypted element: in its EncryptedData's KeyInfo, named by it, or beside it. */
function encryptedKeys(encrypted: Element): Element[] {
  const data = firstChild(encrypted, NS.xenc, 'EncryptedData');
  return data ? keyCandidates(encrypted, data).keys : childElements(encrypted, NS.xenc, 'EncryptedKey');
}

export const SAML030 = defineRule({
  meta: {
    code: 'SAML030',
    name: 'weak-key-transport',
    family: 'SAML',
    stage: 'response',
    severity: 'warning',
    summary: 'The IdP encrypts the content key with RSA PKCS#1 v1.5 (`rsa-1_5`), a deprecated key transport',
    facts: [],
    symptoms: [],
    messages: {
      rsa15: {
        message: 'the `{{element}}`’s content key is encrypted with RSA PKCS#1 v1.5 (`rsa-1_5`), a deprecated key transport',
        help: 'set the IdP’s key transport for this application to RSA-OAEP (Okta: the app’s SAML settings, advanced, “Key Transport Algorithm”; PingFederate: the connection’s “Key Transport Algorithm”; Shibboleth: list `rsa-oaep-mgf1p` as the SP metadata’s `EncryptionMethod`); AWS lists RSA-OAEP as the only key transport for encrypted assertions',
        profiles: { generic: { help: 'set the IdP’s key transport for this application to RSA-OAEP (Okta: the app’s SAML settings, advanced, “Key Transport Algorithm”; PingFederate: the connection’s “Key Transport Algorithm”; Shibboleth: list `rsa-oaep-mgf1p` as the SP metadata’s `EncryptionMethod`), if the service provider supports it' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    for (const encrypted of view.encryptedElements) {
      for (const key of encryptedKeys(encrypted)) {
        const method = firstChild(key, NS.xenc, 'EncryptionMethod');
        if (method && attribute(method, 'Algorithm') === RSA_1_5) {
          ctx.report({ messageId: 'rsa15', data: { element: encrypted.localName }, location: ctx.at.attribute(method, 'Algorithm') });
        }
      }
    }
  },
});
