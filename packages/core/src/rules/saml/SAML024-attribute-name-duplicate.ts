import type { SamlAttribute } from '../../model/response.js';
import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

const UNSPECIFIED_FORMAT = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';

/** An attribute's identity: its Name within its NameFormat (SAML core §2.7.3.1); no NameFormat means unspecified. */
function identity(attr: SamlAttribute): string {
  const format = attribute(attr.element, 'NameFormat') ?? UNSPECIFIED_FORMAT;
  return `${format} ${attr.name}`;
}

export const SAML024 = defineRule({
  meta: {
    code: 'SAML024',
    name: 'attribute-name-duplicate',
    family: 'SAML',
    stage: 'response',
    severity: 'warning',
    summary: 'Two Attribute elements of the Assertion have the same Name',
    facts: [],
    symptoms: [],
    // The AWS rules judge repeated AWS attributes (AWS008, AWS012) by what STS does with them.
    profiles: ['generic'],
    messages: {
      duplicate: {
        message: 'attribute `{{name}}` appears more than once',
        help: 'send each attribute once, with all its values as several AttributeValue elements; look for two claim rules or attribute mappings in the IdP application that emit the same name',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    const first = new Map<string, SamlAttribute>();
    for (const attr of view.attributes) {
      if (attr.name === '') continue;
      const seen = first.get(identity(attr));
      if (!seen) {
        first.set(identity(attr), attr);
        continue;
      }
      ctx.report({
        messageId: 'duplicate',
        data: { name: attr.name },
        location: ctx.at.attribute(attr.element, 'Name'),
        labels: [{ location: ctx.at.attribute(seen.element, 'Name'), message: 'the first attribute with this name' }],
      });
    }
  },
});
