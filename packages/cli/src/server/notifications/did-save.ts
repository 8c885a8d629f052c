import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentChangeEvent } from 'vscode-languageserver/lib/common/api.js';
import type { Session } from '../session.js';

/** `textDocument/didSave`: a saved document may be another's context (a quick fix applied to the trust policy, say). */
export function didSave(session: Session, { document }: TextDocumentChangeEvent<TextDocument>): void {
  session.relintOthers([document.uri]);
}
