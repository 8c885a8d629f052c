import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ConfigurationItem,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol/node.js';

export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** What a client that has settings does besides a plain one, as VS Code does. */
export interface SettingsClient {
  /** Answers each `workspace/configuration` item; the client then advertises `workspace.configuration`. */
  settings: (item: ConfigurationItem) => unknown;
  /** The `workspaceFolders` of `initialize`, as file URIs. */
  workspaceFolders: string[];
}

/** A minimal LSP client driving the built `samlint server --stdio` as an editor would. */
export class LspClient {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  /** `window/showMessage` texts. */
  readonly messages: string[] = [];
  /** What the server asked with `workspace/configuration`, and registered with `client/registerCapability`. */
  readonly configurationItems: ConfigurationItem[] = [];
  readonly registrations: Registration[] = [];
  private waiters: Array<() => void> = [];

  /** What the server wrote to stderr. */
  stderr = '';

  /** `bin` another build of samlint; `nodeArgs` Node's own flags before it (a preload). */
  constructor(cwd: string, private readonly withSettings?: SettingsClient, { bin = BIN, nodeArgs = [] }: { bin?: string; nodeArgs?: string[] } = {}) {
    this.child = spawn(process.execPath, [...nodeArgs, bin, 'server', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onNotification(ShowMessageNotification.type, ({ message }) => {
      this.messages.push(message);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest(ConfigurationRequest.type, ({ items }) => {
      this.configurationItems.push(...items);
      return items.map((item) => this.withSettings?.settings(item) ?? null);
    });
    this.connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
      this.registrations.push(...registrations);
    });
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const capabilities = this.withSettings
      ? { workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } } }
      : {};
    const workspaceFolders = this.withSettings?.workspaceFolders.map((uri) => ({ uri, name: uri }));
    const result = await this.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, workspaceFolders });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, text: string, languageId: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The editor saved the document (its text is on disk). */
  save(uri: string): Promise<void> {
    return this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Resolves when something the client received since it was created satisfies `test`. */
  async until<T>(test: () => T | undefined): Promise<T> {
    for (;;) {
      const found = test();
      if (found !== undefined) return found;
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  /** The diagnostics published for a document version (`null`: the clearing on close, which has none); `nth` counts re-lints of it from 1. */
  diagnostics(uri: string, version: number | null, nth = 1): Promise<Diagnostic[]> {
    return this.until(() => this.published.filter((p) => p.uri === uri && (p.version ?? null) === version)[nth - 1]?.diagnostics);
  }

  /** shutdown then exit, as an editor quits: the process's exit code. */
  async stop(): Promise<number | null> {
    const exited = once(this.child, 'exit');
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const [code] = (await exited) as [number | null];
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}
