import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentChangeEvent } from 'vscode-languageserver/lib/common/api.js';
import type { Session } from '../session.js';

/** `textDocument/didClose`: its diagnostics are cleared. */
export function didClose(session: Session, { document }: TextDocumentChangeEvent<TextDocument>): void {
  session.close(document.uri);
}
