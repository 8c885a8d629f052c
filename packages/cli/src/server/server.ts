import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { decodeForDisplay, findRule, why } from '@samlint/core';
import { Chalk } from 'chalk';
import { TextDocument } from 'vscode-languageserver-textdocument';
// Not vscode-languageserver/node.js: on import, that entry point starts a timer for `--clientProcessId`
// that calls process.exit and keeps the process alive after the client has gone, and its watchdog calls
// process.exit on `exit`; main() never exits the process (bin.ts sets the exit code, commands/server.ts
// watches the client). vscode-languageserver 9 has no `exports` map, so this path is part of what ^9 resolves to.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type Position,
  type Range,
  type WatchDog,
} from 'vscode-languageserver/lib/common/api.js';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node.js';
import type { Config } from '../config.js';
import { readRulePage } from '../docs.js';
import { formatWhyStylish, whyCaptures } from '../format/why.js';
import { ruleSummaries } from '../rule-summaries.js';
import { VERSION } from '../version.js';
import { documentPath, lintDocument, lintOpenDocument, type DiagnosticData, type QuickFix } from './diagnostics.js';
import { COMMANDS, type DecodeResult } from './protocol.js';
import { settingsConfig } from './settings.js';

/** Typing pauses this long before a document is linted again. */
export const DEBOUNCE_MS = 200;

/**
 * Runs the language server over a pair of streams until the client sends `exit` or closes the
 * input; resolves with LSP's exit code: 0 after a `shutdown` request, else 1.
 */
export function runServer(input: Readable, output: Writable, cwd: string): Promise<number> {
  return new Promise((resolve) => {
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      for (const timer of timers.values()) clearTimeout(timer);
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
    // A client that dies without `exit` closes our stdin.
    input.on('end', () => finish(watchDog.shutdownReceived ? 0 : 1));
    input.on('close', () => finish(watchDog.shutdownReceived ? 0 : 1));

    const documents = new TextDocuments(TextDocument);
    const timers = new Map<string, NodeJS.Timeout>();
    const published = new Map<string, Diagnostic[]>();
    let showDocument = false;
    // Editor settings (the pull model): asked per document, kept until the client says they changed.
    let pullsSettings = false;
    let registersSettingsChange = false;
    let workspaceFolders: string[] = [];
    let followsFolders = false;
    const settings = new Map<string, Promise<Config | undefined>>();
    const reported = new Set<string>();

    /** The workspace folder holding a document, where relative paths in its settings start; else the server's working directory. */
    const folderOf = (uri: string): string => {
      const path = documentPath(uri);
      if (path === undefined) return cwd;
      const holds = (folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
      // The innermost, when folders nest.
      return workspaceFolders.filter(holds).sort((a, b) => b.length - a.length)[0] ?? cwd;
    };
    const settingsFor = (uri: string): Promise<Config | undefined> => {
      if (!pullsSettings) return Promise.resolve(undefined);
      let pending = settings.get(uri);
      if (!pending) {
        pending = connection.workspace.getConfiguration({ scopeUri: uri, section: 'samlint' }).then(
          (section: unknown) => {
            const { config, problems } = settingsConfig(section, folderOf(uri));
            // Each problem once (until the settings change), not once per open document; the document is linted without the settings.
            for (const problem of problems.filter((p) => !reported.has(p))) {
              reported.add(problem);
              connection.console.error(`samlint: ${problem}`);
              // A notification, not showMessageRequest: there is nothing to answer.
              void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `samlint: ${problem}` });
            }
            return config;
          },
          (error: unknown) => {
            connection.console.error(`samlint: cannot read the editor settings: ${(error as Error)?.message ?? String(error)}`);
            return undefined;
          },
        );
        settings.set(uri, pending);
      }
      return pending;
    };

    const publish = (uri: string, diagnostics: Diagnostic[], version?: number) => {
      published.set(uri, diagnostics);
      void connection.sendDiagnostics({ uri, version, diagnostics });
    };
    const validate = async (uri: string, version: number) => {
      timers.delete(uri);
      const config = await settingsFor(uri);
      const document = documents.get(uri);
      // A newer change has its own timer; a closed document was cleared.
      if (!document || document.version !== version) return;
      let diagnostics: Diagnostic[];
      try {
        diagnostics = lintDocument({ uri, languageId: document.languageId, text: document.getText() }, cwd, config);
      } catch (error) {
        connection.console.error(`samlint: cannot lint ${uri}: ${(error as Error)?.message ?? String(error)}`);
        diagnostics = [];
      }
      publish(uri, diagnostics, version);
    };
    const schedule = (document: TextDocument, delay: number) => {
      clearTimeout(timers.get(document.uri));
      timers.set(document.uri, setTimeout(() => void validate(document.uri, document.version), delay));
    };

    connection.onInitialize((params) => {
      const { window, workspace } = params.capabilities;
      showDocument = window?.showDocument?.support === true;
      pullsSettings = workspace?.configuration === true;
      registersSettingsChange = pullsSettings && workspace?.didChangeConfiguration?.dynamicRegistration === true;
      followsFolders = workspace?.workspaceFolders === true;
      const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
      workspaceFolders = folders.flatMap(({ uri }) => documentPath(uri) ?? []);
      return {
        capabilities: {
          // Saves too: a saved policy or config changes how the other open documents lint.
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          hoverProvider: true,
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
          executeCommandProvider: { commands: Object.values(COMMANDS) },
          ...(followsFolders && { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } }),
        },
        serverInfo: { name: 'samlint', version: VERSION },
      };
    });
    // VS Code's client sends didChangeConfiguration only to a server that registers for it.
    const relintWithNewSettings = () => {
      settings.clear();
      reported.clear();
      for (const document of documents.all()) schedule(document, 0);
    };
    connection.onInitialized(() => {
      if (registersSettingsChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'samlint' });
      // A folder added or removed moves where relative paths in the settings start.
      if (followsFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
          const gone = new Set(removed.flatMap(({ uri }) => documentPath(uri) ?? []));
          workspaceFolders = [...workspaceFolders.filter((folder) => !gone.has(folder)), ...added.flatMap(({ uri }) => documentPath(uri) ?? [])];
          relintWithNewSettings();
        });
      }
    });
    connection.onDidChangeConfiguration(relintWithNewSettings);
    // TextDocuments fires this on open too, right after onDidOpen: a document not linted yet is linted at
    // once, an edit after a pause in typing (scheduling 0 on open alone lost to this 200 ms, measured by pnpm bench).
    documents.onDidChangeContent(({ document }) => schedule(document, published.has(document.uri) ? DEBOUNCE_MS : 0));
    // Context files and configs are read from disk: once one is saved (a quick fix applied to the trust
    // policy, say) or changed on disk where the client watches, the documents that read it lint anew.
    const relintOthers = (changed: string[]) => {
      for (const document of documents.all()) if (!changed.includes(document.uri)) schedule(document, DEBOUNCE_MS);
    };
    documents.onDidSave(({ document }) => relintOthers([document.uri]));
    connection.onDidChangeWatchedFiles(({ changes }) => relintOthers(changes.map((change) => change.uri)));
    documents.onDidClose(({ document }) => {
      clearTimeout(timers.get(document.uri));
      timers.delete(document.uri);
      settings.delete(document.uri);
      publish(document.uri, []);
      published.delete(document.uri);
    });

    connection.onHover(({ textDocument, position }): Hover | null => {
      const hits = (published.get(textDocument.uri) ?? []).filter((d) => contains(d.range, position));
      if (!hits.length) return null;
      const value = hits
        .map((d) => `**${String(d.code)}** ${(d.data as DiagnosticData).help}\n\n[${String(d.code)} documentation](${d.codeDescription?.href ?? ''})`)
        .join('\n\n---\n\n');
      return { contents: { kind: 'markdown', value } };
    });
    // A fix's range is good while the text there is still what the fix replaces (the editor's copy of an open file, else the disk's).
    const holds = ({ uri, range, expected }: QuickFix): boolean => {
      const open = documents.get(uri);
      if (open) return open.getText(range) === expected;
      try {
        return TextDocument.create(uri, '', 0, readFileSync(fileURLToPath(uri), 'utf8')).getText(range) === expected;
      } catch {
        return false;
      }
    };
    connection.onCodeAction(({ context }): CodeAction[] => {
      const codes = new Map<string, string>();
      for (const d of context.diagnostics) {
        if (d.source === 'samlint' && d.codeDescription) codes.set(String(d.code), d.codeDescription.href);
      }
      const fixes = context.diagnostics.flatMap((d): CodeAction[] => {
        const fix = d.source === 'samlint' ? (d.data as DiagnosticData | undefined)?.fix : undefined;
        if (!fix || !holds(fix)) return [];
        const edit = { changes: { [fix.uri]: [{ range: fix.range, newText: fix.newText }] } };
        return [{ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit }];
      });
      return [...fixes, ...[...codes].map(([code, href]) => ({
        title: `Show documentation for ${code}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: context.diagnostics.filter((d) => d.source === 'samlint' && d.code === code),
        command: { title: `Show documentation for ${code}`, command: COMMANDS.showDocumentation, arguments: [href] },
      }))];
    });
    connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
      const [first] = args as unknown[];
      switch (command) {
        case COMMANDS.showDocumentation:
          if (typeof first !== 'string') return null;
          // A client without window/showDocument (LSP 3.16) still gets the address, to open by hand.
          if (showDocument) await connection.window.showDocument({ uri: first, external: true });
          else connection.window.showInformationMessage(`samlint documentation: ${first}`);
          return null;
        case COMMANDS.decode: {
          const text = (first as { text?: unknown } | null | undefined)?.text;
          if (typeof text !== 'string') throw invalidArguments(command, '[{ text: string }]');
          return decode(text);
        }
        case COMMANDS.rules:
          return ruleSummaries();
        case COMMANDS.explain: {
          if (typeof first !== 'string') throw invalidArguments(command, '[code: string]');
          // Only a registered code names a page: the argument never becomes a path of its own.
          const rule = findRule(first);
          return (rule && readRulePage(rule.meta.code)) ?? null;
        }
        case COMMANDS.why: {
          const { message, uri } = (first ?? {}) as { message?: unknown; uri?: unknown };
          if (typeof message !== 'string' || (uri !== undefined && typeof uri !== 'string')) {
            throw invalidArguments(command, '[{ message: string; uri?: string }]');
          }
          // The document as the editor holds it and lints it; none (or none of samlint's) lists what to check.
          const document = uri === undefined ? undefined : documents.get(uri);
          const linted = document && lintOpenDocument({ uri: document.uri, languageId: document.languageId, text: document.getText() }, cwd, await settingsFor(document.uri));
          const results = whyCaptures(linted?.results ?? []);
          return formatWhyStylish(why(message, results), results, new Chalk({ level: 0 }));
        }
        default:
          throw new ResponseError(ErrorCodes.InvalidParams, `samlint: no command ${command}`);
      }
    });

    documents.listen(connection);
    connection.listen();
  });
}

/** A capture decoded as `samlint decode --raw` decodes it: a HAR file's or SAML-tracer export's first login. */
function decode(text: string): DecodeResult {
  const { detected, xml, relayState, findings } = decodeForDisplay(text, { raw: true });
  return {
    detected,
    ...(xml !== undefined && { xml }),
    ...(relayState !== undefined && { relayState }),
    problems: findings.map(({ code, severity, message, help }) => ({ code, severity, message, help })),
  };
}

function invalidArguments(command: string, expected: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `samlint: ${command} takes the arguments ${expected}`);
}

function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}
