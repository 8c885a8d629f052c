import type { WorkspaceFoldersChangeEvent } from 'vscode-languageserver/lib/common/api.js';
import { documentPath } from '../diagnostics.js';
import type { Session } from '../session.js';

/** `workspace/didChangeWorkspaceFolders`: a folder added or removed moves where relative paths in the settings start. */
export function didChangeWorkspaceFolders(session: Session, { added, removed }: WorkspaceFoldersChangeEvent): void {
  const gone = new Set(removed.flatMap(({ uri }) => documentPath(uri) ?? []));
  session.workspaceFolders = [...session.workspaceFolders.filter((folder) => !gone.has(folder)), ...added.flatMap(({ uri }) => documentPath(uri) ?? [])];
  session.relintWithNewSettings();
}
