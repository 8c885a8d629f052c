import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/lib/common/api.js';
import type { DiagnosticData, QuickFix } from '../diagnostics.js';
import { COMMANDS } from '../protocol.js';
import type { Session } from '../session.js';

/**
 * `textDocument/codeAction`: each samlint diagnostic's fix, while the text it replaces is still there,
 * and "Show documentation" for each rule among them.
 */
export function codeActions(session: Session, { context }: CodeActionParams): CodeAction[] {
  const codes = new Map<string, string>();
  for (const d of context.diagnostics) {
    if (d.source === 'samlint' && d.codeDescription) codes.set(String(d.code), d.codeDescription.href);
  }
  const fixes = context.diagnostics.flatMap((d): CodeAction[] => {
    const fix = d.source === 'samlint' ? (d.data as DiagnosticData | undefined)?.fix : undefined;
    if (!fix || !holds(session, fix)) return [];
    const edit = { changes: { [fix.uri]: [{ range: fix.range, newText: fix.newText }] } };
    return [{ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit }];
  });
  return [...fixes, ...[...codes].map(([code, href]) => ({
    title: `Show documentation for ${code}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: context.diagnostics.filter((d) => d.source === 'samlint' && d.code === code),
    command: { title: `Show documentation for ${code}`, command: COMMANDS.showDocumentation, arguments: [href] },
  }))];
}

/** A fix's range is good while the text there is still what the fix replaces (the editor's copy of an open file, else the disk's). */
function holds(session: Session, { uri, range, expected }: QuickFix): boolean {
  const open = session.documents.get(uri);
  if (open) return open.getText(range) === expected;
  try {
    return TextDocument.create(uri, '', 0, readFileSync(fileURLToPath(uri), 'utf8')).getText(range) === expected;
  } catch {
    return false;
  }
}
