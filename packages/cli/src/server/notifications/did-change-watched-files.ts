import type { DidChangeWatchedFilesParams } from 'vscode-languageserver/lib/common/api.js';
import type { Session } from '../session.js';

/**
 * `workspace/didChangeWatchedFiles`: context files and configs are read from disk, so once one changes
 * there (where the client watches: a samlint.config.json after a git pull), the documents that read it lint anew.
 */
export function didChangeWatchedFiles(session: Session, { changes }: DidChangeWatchedFilesParams): void {
  session.relintOthers(changes.map((change) => change.uri));
}
