import { DidChangeConfigurationNotification } from 'vscode-languageserver/lib/common/api.js';
import type { Session } from '../session.js';
import { didChangeWorkspaceFolders } from './did-change-workspace-folders.js';

/** `initialized`: asks for what the client sends only when asked (settings changes, folder changes). */
export function initialized(session: Session): void {
  const { connection, client } = session;
  if (client.registersSettingsChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'samlint' });
  if (client.followsFolders) connection.workspace.onDidChangeWorkspaceFolders((event) => didChangeWorkspaceFolders(session, event));
}
