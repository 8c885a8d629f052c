import { defineRule } from '../define-rule.js';
import { NS } from '../../xml/dom.js';

/** The namespaces SAML documents conventionally bind these prefixes to (SAML core §1.2, XML-DSig, XML-Enc). */
const CONVENTIONAL_PREFIXES: Readonly<Record<string, string>> = {
  saml: NS.saml,
  saml2: NS.saml,
  samlp: NS.samlp,
  saml2p: NS.samlp,
  ds: NS.ds,
  xenc: NS.xenc,
  md: NS.md,
  xs: 'http://www.w3.org/2001/XMLSchema',
  xsd: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

export const XML001 = defineRule({
  meta: {
    code: 'XML001',
    name: 'not-well-formed',
    family: 'XML',
    stage: 'xml',
    severity: 'error',
    summary: 'The decoded SAMLResponse is not well-formed XML',
    facts: [],
    symptoms: ['invalid-saml-response', 'signature-invalid'],
    messages: {
      malformed: {
        message: 'not well-formed XML: {{detail}}',
        help: 'if this is the IdP’s own output, a template or attribute mapping is emitting raw `<`, `&` or broken tags: escape values in the IdP; if you edited the XML by hand, undo the edit',
      },
      unboundPrefix: {
        message: 'namespace prefix `{{prefix}}` is used without a namespace declaration',
        help: 'the document lost the declaration `{{declaration}}`: a custom IdP template or a copy that kept only part of the document dropped it; declare it on the root element (or the element that first uses `{{prefix}}:`), or capture the whole response again',
      },
    },
  },
  check(ctx) {
    const source = ctx.parsed?.source;
    for (const problem of ctx.parsed?.problems ?? []) {
      if (problem.kind !== 'not-well-formed' || !source) continue;
      const offset = source.offsetOf(problem.line, problem.column);
      const location = ctx.at.xmlSpan(source.span(offset, offset + 1));
      const prefix = problem.unboundPrefix;
      if (prefix === undefined) {
        ctx.report({ messageId: 'malformed', data: { detail: problem.detail }, location });
        continue;
      }
      const namespace = CONVENTIONAL_PREFIXES[prefix] ?? 'the namespace URI it stands for';
      ctx.report({ messageId: 'unboundPrefix', data: { prefix, declaration: `xmlns:${prefix}="${namespace}"` }, location });
    }
  },
});
