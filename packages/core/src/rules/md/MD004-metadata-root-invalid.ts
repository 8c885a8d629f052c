import { isMalformedMetadataRoot } from '../../saml/metadata.js';
import { NS } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

const HELP =
  'SAML metadata starts with `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="…">` (or an `md:EntitiesDescriptor`); export the metadata again from the IdP instead of editing it by hand';

export const MD004 = defineRule({
  meta: {
    code: 'MD004',
    name: 'metadata-root-invalid',
    family: 'MD',
    stage: 'xml',
    severity: 'error',
    summary: 'The root looks like SAML metadata but is not an EntityDescriptor or EntitiesDescriptor of the metadata namespace',
    facts: [],
    symptoms: [],
    messages: {
      unknownElement: {
        message: 'root element `{{name}}` of the metadata namespace is neither `EntityDescriptor` nor `EntitiesDescriptor`',
        help: HELP,
      },
      wrongNamespace: {
        message: 'root element `{{name}}` is not in the metadata namespace (found {{namespace}})',
        help: HELP,
      },
    },
  },
  check(ctx) {
    const root = ctx.xml?.root;
    if (!root || !isMalformedMetadataRoot(root)) return;
    const name = root.localName ?? root.tagName;
    const location = ctx.at.element(root);
    if (root.namespaceURI === NS.md) {
      ctx.report({ messageId: 'unknownElement', data: { name }, location });
    } else {
      const namespace = root.namespaceURI ? `\`${root.namespaceURI}\`` : 'no namespace';
      ctx.report({ messageId: 'wrongNamespace', data: { name, namespace }, location });
    }
  },
});
