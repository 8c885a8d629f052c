import { NS, attribute, descendants } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

/** xs:duration (XML Schema 2 §3.2.6): `P` then at least one of Y M D, and after `T` at least one of H M S. */
const DURATION = /^(-)?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

export const MD019 = defineRule({
  meta: {
    code: 'MD019',
    name: 'cache-duration-invalid',
    family: 'MD',
    stage: 'metadata',
    severity: 'warning',
    summary: 'A cacheDuration of the metadata is not an xs:duration, or is negative',
    facts: [],
    symptoms: [],
    messages: {
      invalid: {
        message: '`{{element}}` cacheDuration `{{value}}` is not an xs:duration',
        help: 'cacheDuration is an `xs:duration` like `PT8H` or `P1D`; export the metadata again from the IdP instead of editing it by hand, or remove the attribute',
      },
      negative: {
        message: '`{{element}}` cacheDuration `{{value}}` is negative',
        help: 'cacheDuration says how long a consumer may cache the metadata, so it cannot be negative: use a positive duration like `PT8H`, or remove the attribute',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    // IAM ignores cacheDuration (facts §11); other consumers may refuse a schema-invalid document.
    const notes =
      ctx.env.profile === 'aws' ? ['IAM ignores cacheDuration; metadata parsers that validate against the schema refuse the document'] : [];
    for (const element of [root, ...descendants(root, NS.md, '*')]) {
      const value = attribute(element, 'cacheDuration');
      if (value === undefined) continue;
      const match = DURATION.exec(value.trim());
      if (match && !match[1]) continue;
      const data = { element: element.localName ?? element.tagName, value };
      ctx.report({ messageId: match ? 'negative' : 'invalid', data, location: ctx.at.attribute(element, 'cacheDuration'), notes });
    }
  },
});
