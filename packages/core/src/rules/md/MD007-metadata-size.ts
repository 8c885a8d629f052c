import { defineRule } from '../define-rule.js';
import { describesIdp } from './_shared.js';

/** `SAMLMetadataDocument` is 1,000–10,000,000 characters (facts AWS-MD-001, IAM-API). */
const MINIMUM = 1_000;
const MAXIMUM = 10_000_000;

/** Characters as AWS API limits count them: Unicode code points, so a surrogate pair is one. */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const high = text.charCodeAt(i);
    const low = text.charCodeAt(i + 1);
    if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      count--;
      i++;
    }
  }
  return count;
}

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const MD007 = defineRule({
  meta: {
    code: 'MD007',
    name: 'metadata-size',
    family: 'MD',
    stage: 'metadata',
    severity: 'error',
    summary: 'The IdP metadata is shorter than 1,000 or longer than 10,000,000 characters, the sizes IAM takes',
    facts: ['AWS-MD-001'],
    symptoms: [],
    profiles: ['aws'],
    messages: {
      tooShort: {
        message: 'metadata is {{length}} characters, under the 1,000 IAM requires',
        help: 'give IAM the metadata document the IdP exports, whole: a document this short was cut down by hand or lacks the IdP’s signing certificate (`KeyDescriptor`)',
      },
      tooLong: {
        message: 'metadata is {{length}} characters, over the 10,000,000 IAM accepts',
        help: 'give IAM the `EntityDescriptor` of your IdP alone (its own metadata URL), not a federation aggregate or a file with other content appended',
      },
    },
  },
  check(ctx) {
    const metadata = ctx.metadata;
    if (!metadata || !describesIdp(metadata.doc.root)) return;
    const length = codePoints(metadata.text ?? metadata.doc.source.text);
    if (length >= MINIMUM && length <= MAXIMUM) return;
    const notes = ['CreateSAMLProvider and UpdateSAMLProvider take a `SAMLMetadataDocument` of 1,000 to 10,000,000 characters'];
    const location = ctx.at.element(metadata.doc.root);
    ctx.report({ messageId: length < MINIMUM ? 'tooShort' : 'tooLong', data: { length: grouped(length) }, location, notes });
  },
});
