import { idpKeyCertificates, type KeyCertificate } from '../../saml/metadata.js';
import { shortFingerprint } from '../../sig/certificates.js';
import { defineRule } from '../define-rule.js';

export const MD014 = defineRule({
  meta: {
    code: 'MD014',
    name: 'metadata-certificate-duplicate',
    family: 'MD',
    stage: 'metadata',
    severity: 'warning',
    summary: 'The IdP metadata lists the same certificate twice for the same use',
    facts: [],
    symptoms: [],
    messages: {
      duplicate: {
        message: 'the {{use}} certificate `{{fingerprint}}` is listed more than once',
        help: 'list each certificate once per use; during a rollover the metadata holds the old and the new certificate, so a duplicate usually means the new one was not pasted in: take the metadata the IdP exports',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    // The entity's earlier occurrences of each certificate, by its base64; an entity's keys come together.
    const earlier = new Map<string, KeyCertificate[]>();
    let entity: Element | undefined;
    for (const key of idpKeyCertificates(root)) {
      // Unreadable certificates are MD009's.
      if (!key.result.ok) continue;
      if (key.entity !== entity) {
        // Two entities of an aggregate may share a certificate.
        earlier.clear();
        entity = key.entity;
      }
      const same = earlier.get(key.base64) ?? [];
      earlier.set(key.base64, same);
      // One certificate for signing and for encryption is no duplicate.
      const first = same.find((e) => e.uses.some((use) => key.uses.includes(use)));
      same.push(key);
      if (!first) continue;
      const use = key.uses.filter((u) => first.uses.includes(u)).join(' and ');
      ctx.report({
        messageId: 'duplicate',
        data: { use, fingerprint: shortFingerprint(key.result.certificate) },
        location: ctx.at.element(key.element),
        labels: [{ location: ctx.at.element(first.element), message: 'first listed here' }],
        notes: [`SHA-256 ${key.result.certificate.fingerprint256}`],
      });
    }
  },
});
