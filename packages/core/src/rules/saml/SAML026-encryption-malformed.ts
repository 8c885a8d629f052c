import type { ReportOf } from '../../model/rule.js';
import { NS, childElements, firstChild } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

type Defect = ReportOf<typeof SAML026> & {
  /** The element that lacks the part. */
  at: Element;
};

/** What an encrypted element lacks for its recipient to decrypt it, in document order. */
function defects(encrypted: Element, element: string): Defect[] {
  const data = firstChild(encrypted, NS.xenc, 'EncryptedData');
  if (!data) return [{ messageId: 'noEncryptedData', data: { element }, at: encrypted }];
  const found: Defect[] = [];
  if (!firstChild(data, NS.xenc, 'EncryptionMethod')) found.push({ messageId: 'noMethod', data: { element, part: 'EncryptedData' }, at: data });
  if (!firstChild(data, NS.xenc, 'CipherData')) found.push({ messageId: 'noCipherData', data: { element, part: 'EncryptedData' }, at: data });
  const keyInfo = firstChild(data, NS.ds, 'KeyInfo');
  // The key may sit in the KeyInfo or beside the EncryptedData (SAML core §2.2.4).
  const keys = [...(keyInfo ? childElements(keyInfo, NS.xenc, 'EncryptedKey') : []), ...childElements(encrypted, NS.xenc, 'EncryptedKey')];
  if (!keyInfo && keys.length === 0) found.push({ messageId: 'noKey', data: { element }, at: data });
  for (const key of keys) {
    if (!firstChild(key, NS.xenc, 'EncryptionMethod')) found.push({ messageId: 'noMethod', data: { element, part: 'EncryptedKey' }, at: key });
    if (!firstChild(key, NS.xenc, 'CipherData')) found.push({ messageId: 'noCipherData', data: { element, part: 'EncryptedKey' }, at: key });
  }
  return found;
}

const HELP =
  'the IdP (or a template or proxy after it) produced an encrypted element its recipient cannot decrypt; check the IdP’s encryption settings for this application (algorithm and the SP’s encryption certificate), and that nothing rewrites the response on the way';

export const SAML026 = defineRule({
  meta: {
    code: 'SAML026',
    name: 'encryption-malformed',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'An EncryptedAssertion, EncryptedID or EncryptedAttribute lacks its EncryptedData, algorithm, cipher data or key',
    facts: [],
    symptoms: [],
    messages: {
      noEncryptedData: { message: '`{{element}}` has no `xenc:EncryptedData`', help: HELP },
      noMethod: { message: '`{{part}}` of the `{{element}}` has no `EncryptionMethod`', help: HELP },
      noCipherData: { message: '`{{part}}` of the `{{element}}` has no `CipherData`', help: HELP },
      noKey: { message: '`EncryptedData` of the `{{element}}` has no `KeyInfo` and no `EncryptedKey`', help: HELP },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    for (const encrypted of view.encryptedElements) {
      for (const { at, ...defect } of defects(encrypted, encrypted.localName)) ctx.report({ ...defect, location: ctx.at.element(at) });
    }
  },
});
