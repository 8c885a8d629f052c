import { AWS_NAME_ID_FORMATS } from '../../aws/name-id.js';
import { NS, childElements, textOf } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { idpDescriptors } from './_shared.js';

export const MD015 = defineRule({
  meta: {
    code: 'MD015',
    name: 'metadata-name-id-formats-unsupported',
    family: 'MD',
    stage: 'metadata',
    severity: 'warning',
    summary: 'The IdP lists NameID formats, none of which AWS supports',
    facts: ['AWS-SUBJ-002'],
    symptoms: [],
    profiles: ['aws'],
    messages: {
      unsupported: {
        message: 'the IdP offers NameID formats {{formats}}, none of which AWS supports',
        help: 'set the Name ID format of the IdP’s AWS application to persistent (`urn:oasis:names:tc:SAML:2.0:nameid-format:persistent`) or another format the AWS SP metadata lists, and export the metadata again',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    for (const descriptor of idpDescriptors(root)) {
      const elements = childElements(descriptor, NS.md, 'NameIDFormat');
      const formats = elements.map((e) => textOf(e).trim());
      // Listing no format is allowed: the IdP then says nothing about what it sends.
      const first = elements[0];
      if (!first || formats.some((f) => AWS_NAME_ID_FORMATS.includes(f))) continue;
      const data = { formats: formats.map((f) => `\`${f}\``).join(', ') };
      ctx.report({ messageId: 'unsupported', data, location: ctx.at.element(first) });
    }
  },
});
