import { SYMPTOMS } from '../../model/symptoms.js';
import { defineRule } from '../define-rule.js';
import { describesIdp, metadataOffset } from './_shared.js';

const HELP =
  'save the metadata as UTF-8 without a byte order mark, as the IdP serves it from its metadata URL (editors: “UTF-8”, not “UTF-8 with BOM”; Windows PowerShell 5 `Out-File`/`Set-Content -Encoding UTF8` add one)';

export const MD008 = defineRule({
  meta: {
    code: 'MD008',
    name: 'metadata-encoding',
    family: 'MD',
    stage: 'metadata',
    severity: 'error',
    summary: 'The IdP metadata starts with a byte order mark, or has bytes that are not UTF-8',
    facts: ['AWS-MD-001'],
    symptoms: ['could-not-parse-metadata'],
    profiles: ['aws'],
    messages: {
      byteOrderMark: {
        message: 'metadata starts with a byte order mark (U+FEFF)',
        help: HELP,
      },
      notUtf8: {
        message: 'metadata has {{count}} U+FFFD replacement character(s): the file is not valid UTF-8',
        help: `${HELP}; a file saved as Latin-1 or Windows-1252 (an accented name in \`Organization\`, say) must be converted to UTF-8`,
      },
    },
  },
  check(ctx) {
    const metadata = ctx.metadata;
    if (!metadata || !describesIdp(metadata.doc.root)) return;
    const notes = [`IAM takes metadata as UTF-8 without a BOM and otherwise answers \`${SYMPTOMS['could-not-parse-metadata']}\``];
    // The parse starts after a BOM: only the text as given still has it.
    if (metadata.text?.startsWith('\uFEFF')) {
      ctx.report({ messageId: 'byteOrderMark', location: metadataOffset(ctx, 0, 0), notes });
    }
    const source = metadata.doc.source.text;
    const first = source.indexOf('\uFFFD');
    if (first < 0) return;
    const count = source.split('\uFFFD').length - 1;
    ctx.report({
      messageId: 'notUtf8',
      data: { count },
      location: metadataOffset(ctx, first, first + 1),
      notes: [
        ...notes,
        'samlint reads files as UTF-8 and turns each byte that is not UTF-8 into U+FFFD; a U+FFFD that the file really contains is reported too',
      ],
    });
  },
});
