import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver/lib/common/api.js';
import { VERSION } from '../../version.js';
import { documentPath } from '../diagnostics.js';
import { COMMANDS } from '../protocol.js';
import type { Session } from '../session.js';

/** `initialize`: keeps what the client can do and its workspace folders; says what the server does. */
export function initialize(session: Session, { capabilities, workspaceFolders, rootUri }: InitializeParams): InitializeResult {
  const { window, workspace } = capabilities;
  const pullsSettings = workspace?.configuration === true;
  session.client = {
    showDocument: window?.showDocument?.support === true,
    pullsSettings,
    registersSettingsChange: pullsSettings && workspace?.didChangeConfiguration?.dynamicRegistration === true,
    followsFolders: workspace?.workspaceFolders === true,
  };
  const folders = workspaceFolders ?? (rootUri ? [{ uri: rootUri }] : []);
  session.workspaceFolders = folders.flatMap(({ uri }) => documentPath(uri) ?? []);
  return {
    capabilities: {
      // Saves too: a saved policy or config changes how the other open documents lint.
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: Object.values(COMMANDS) },
      ...(session.client.followsFolders && { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } }),
    },
    serverInfo: { name: 'samlint', version: VERSION },
  };
}
