import type { Hover, HoverParams, Position, Range } from 'vscode-languageserver/lib/common/api.js';
import type { DiagnosticData } from '../diagnostics.js';
import type { Session } from '../session.js';

/**
 * `textDocument/hover`: the help of every diagnostic under the cursor, with a link to its rule's page,
 * and for one checked against the machine's clock, that moment and how to check another.
 */
export function hover(session: Session, { textDocument, position }: HoverParams): Hover | null {
  const hits = session.diagnostics(textDocument.uri).filter((d) => contains(d.range, position));
  if (!hits.length) return null;
  const value = hits
    .map((d) => {
      const { help, clock } = d.data as DiagnosticData;
      const when = clock ? `\n\nChecked against this machine’s clock, ${clock}: set \`now\` (samlint.config.json or the \`samlint.now\` setting) to check another moment.` : '';
      return `**${String(d.code)}** ${help}${when}\n\n[${String(d.code)} documentation](${d.codeDescription?.href ?? ''})`;
    })
    .join('\n\n---\n\n');
  return { contents: { kind: 'markdown', value } };
}

function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}
