import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentChangeEvent } from 'vscode-languageserver/lib/common/api.js';
import { DEBOUNCE_MS, type Session } from '../session.js';

/**
 * `textDocument/didOpen` and `textDocument/didChange` (TextDocuments reports an open as a change too,
 * right after it): a document not linted yet is linted at once, an edit after a pause in typing
 * (scheduling 0 on open alone lost to this 200 ms, measured by pnpm bench).
 */
export function didChangeContent(session: Session, { document }: TextDocumentChangeEvent<TextDocument>): void {
  session.schedule(document, session.hasPublished(document.uri) ? DEBOUNCE_MS : 0);
}
