import { sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver/lib/common/api.js';
import type { Config } from '../config.js';
import { ContextCache } from './context-cache.js';
import { diagnosticsOf, documentPath, lintDocument, type LintedDocument } from './diagnostics.js';
import { settingsConfig } from './settings.js';

/** Typing pauses this long before a document is linted again. */
export const DEBOUNCE_MS = 200;

/** What the client said in `initialize` that it can do. */
export interface ClientCapabilities {
  /** `window/showDocument` (LSP 3.16): a rule's page opens in the browser. */
  showDocument: boolean;
  /** `workspace/configuration`: the editor's settings are pulled, per document. */
  pullsSettings: boolean;
  /** `workspace/didChangeConfiguration` by dynamic registration: VS Code sends it only to a server that registers. */
  registersSettingsChange: boolean;
  /** `workspace/workspaceFolders` with change notifications. */
  followsFolders: boolean;
}

/**
 * The language server's state, for one client: the open documents, what was published for them, the
 * lints waiting for a pause in typing, the context files read, and the editor's settings (the pull
 * model: asked per document, kept until the client says they changed). Each request and notification
 * is a module of its own (requests/, notifications/) that works on the session.
 */
export class Session {
  readonly documents = new TextDocuments(TextDocument);
  client: ClientCapabilities = { showDocument: false, pullsSettings: false, registersSettingsChange: false, followsFolders: false };
  /** The workspace folders' paths, where relative paths in the settings start. */
  workspaceFolders: string[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly published = new Map<string, Diagnostic[]>();
  private readonly settings = new Map<string, Promise<Config | undefined>>();
  /** Settings problems already shown: each once until the settings change, not once per open document. */
  private readonly reported = new Set<string>();
  /** Context files and configs, kept between keystrokes. */
  private readonly context = new ContextCache();

  constructor(
    readonly connection: Connection,
    /** The server's working directory: where a buffer that is no file is linted from. */
    readonly cwd: string,
  ) {}

  /** The editor's settings for a document, as a config; none when the client has none or they are invalid (shown once). */
  settingsFor(uri: string): Promise<Config | undefined> {
    if (!this.client.pullsSettings) return Promise.resolve(undefined);
    let pending = this.settings.get(uri);
    if (!pending) {
      pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'samlint' }).then(
        (section: unknown) => {
          const { config, problems } = settingsConfig(section, this.folderOf(uri));
          // The document is linted without the settings.
          for (const problem of problems.filter((p) => !this.reported.has(p))) {
            this.reported.add(problem);
            this.connection.console.error(`samlint: ${problem}`);
            // A notification, not showMessageRequest: there is nothing to answer.
            void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `samlint: ${problem}` });
          }
          return config;
        },
        (error: unknown) => {
          this.connection.console.error(`samlint: cannot read the editor settings: ${(error as Error)?.message ?? String(error)}`);
          return undefined;
        },
      );
      this.settings.set(uri, pending);
    }
    return pending;
  }

  /** The workspace folder holding a document, where relative paths in its settings start; else the server's working directory. */
  private folderOf(uri: string): string {
    const path = documentPath(uri);
    if (path === undefined) return this.cwd;
    const holds = (folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
    // The innermost, when folders nest.
    return this.workspaceFolders.filter(holds).sort((a, b) => b.length - a.length)[0] ?? this.cwd;
  }

  /** An open document linted as the editor holds it: nothing when it is none of samlint's. */
  lint(document: TextDocument, settings: Config | undefined): LintedDocument | undefined {
    return lintDocument({ uri: document.uri, languageId: document.languageId, text: document.getText() }, this.cwd, settings, this.context);
  }

  /** Lints a document after `delay` ms, unless it changes again first. */
  schedule(document: TextDocument, delay: number): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(document.uri, setTimeout(() => void this.validate(document.uri, document.version), delay));
  }

  /** Whether a document's diagnostics have been published since it was opened. */
  hasPublished(uri: string): boolean {
    return this.published.has(uri);
  }

  /** The diagnostics last published for a document. */
  diagnostics(uri: string): Diagnostic[] {
    return this.published.get(uri) ?? [];
  }

  /** The settings changed (or where relative paths in them start): every open document is linted again, with them asked anew. */
  relintWithNewSettings(): void {
    this.settings.clear();
    this.reported.clear();
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  /** Files changed that other documents may read as context (a policy, a config): those others are linted again. */
  relintOthers(changed: string[]): void {
    this.context.forget();
    for (const document of this.documents.all()) if (!changed.includes(document.uri)) this.schedule(document, DEBOUNCE_MS);
  }

  /** A document was closed: its pending lint is dropped and its diagnostics cleared. */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.settings.delete(uri);
    this.publish(uri, []);
    this.published.delete(uri);
  }

  /** Stops every pending lint (the server is ending). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
  }

  private async validate(uri: string, version: number): Promise<void> {
    this.timers.delete(uri);
    const settings = await this.settingsFor(uri);
    const document = this.documents.get(uri);
    // A newer change has its own timer; a closed document was cleared.
    if (!document || document.version !== version) return;
    let diagnostics: Diagnostic[];
    try {
      const linted = this.lint(document, settings);
      diagnostics = linted ? diagnosticsOf(linted) : [];
    } catch (error) {
      this.connection.console.error(`samlint: cannot lint ${uri}: ${(error as Error)?.message ?? String(error)}`);
      diagnostics = [];
    }
    this.publish(uri, diagnostics, version);
  }

  private publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    this.published.set(uri, diagnostics);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
