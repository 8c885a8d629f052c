import type { Readable, Writable } from 'node:stream';
// Not vscode-languageserver/node.js: on import, that entry point starts a timer for `--clientProcessId`
// that calls process.exit and keeps the process alive after the client has gone, and its watchdog calls
// process.exit on `exit`; main() never exits the process (bin.ts sets the exit code, commands/server.ts
// watches the client). vscode-languageserver 9 has no `exports` map, so this path is part of what ^9 resolves to.
import { createConnection, type WatchDog } from 'vscode-languageserver/lib/common/api.js';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node.js';
import { didChangeConfiguration } from './notifications/did-change-configuration.js';
import { didChangeContent } from './notifications/did-change-content.js';
import { didChangeWatchedFiles } from './notifications/did-change-watched-files.js';
import { didClose } from './notifications/did-close.js';
import { didSave } from './notifications/did-save.js';
import { initialized } from './notifications/initialized.js';
import { codeActions } from './requests/code-action.js';
import { executeCommand } from './requests/execute-command.js';
import { hover } from './requests/hover.js';
import { initialize } from './requests/initialize.js';
import { Session } from './session.js';

/**
 * Runs the language server over a pair of streams until the client sends `exit` or closes the
 * input; resolves with LSP's exit code: 0 after a `shutdown` request, else 1. The session holds the
 * state; each request and notification is handled by its own module.
 */
export function runServer(input: Readable, output: Writable, cwd: string): Promise<number> {
  return new Promise((resolve) => {
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      session.dispose();
      connection.dispose();
      input.destroy();
      resolve(code);
    };
    const watchDog: WatchDog = {
      shutdownReceived: false,
      initialize: () => undefined,
      exit: finish,
    };
    const connection = createConnection(
      (logger) => createProtocolConnection(new StreamMessageReader(input), new StreamMessageWriter(output), logger),
      watchDog,
    );
    const session = new Session(connection, cwd);
    // A client that dies without `exit` closes our stdin.
    input.on('end', () => finish(watchDog.shutdownReceived ? 0 : 1));
    input.on('close', () => finish(watchDog.shutdownReceived ? 0 : 1));

    connection.onInitialize((params) => initialize(session, params));
    connection.onInitialized(() => initialized(session));
    connection.onDidChangeConfiguration(() => didChangeConfiguration(session));
    connection.onDidChangeWatchedFiles((params) => didChangeWatchedFiles(session, params));
    connection.onHover((params) => hover(session, params));
    connection.onCodeAction((params) => codeActions(session, params));
    connection.onExecuteCommand((params) => executeCommand(session, params));
    const { documents } = session;
    documents.onDidChangeContent((event) => didChangeContent(session, event));
    documents.onDidSave((event) => didSave(session, event));
    documents.onDidClose((event) => didClose(session, event));

    documents.listen(connection);
    connection.listen();
  });
}
