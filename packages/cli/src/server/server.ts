import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
// The connection core without the Node entry point's watchdog: that one calls process.exit on `exit`
// and when stdin ends, and main() never exits the process (bin.ts sets the exit code). vscode-languageserver
// 9 has no `exports` map, so this path is part of what ^9 resolves to.
import { createConnection, type WatchDog } from 'vscode-languageserver/lib/common/server.js';
import {
  CodeActionKind,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  createProtocolConnection,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type Position,
  type Range,
} from 'vscode-languageserver/node.js';
import { VERSION } from '../version.js';
import { lintDocument, type DiagnosticData, type QuickFix } from './diagnostics.js';

/** The command a "Show documentation" code action runs; the server carries it out with `window/showDocument`. */
export const SHOW_DOCUMENTATION = 'samlint.showDocumentation';

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

    const publish = (uri: string, diagnostics: Diagnostic[], version?: number) => {
      published.set(uri, diagnostics);
      void connection.sendDiagnostics({ uri, version, diagnostics });
    };
    const validate = (uri: string, version: number) => {
      timers.delete(uri);
      const document = documents.get(uri);
      // A newer change has its own timer; a closed document was cleared.
      if (!document || document.version !== version) return;
      let diagnostics: Diagnostic[];
      try {
        diagnostics = lintDocument({ uri, languageId: document.languageId, text: document.getText() }, cwd);
      } catch (error) {
        connection.console.error(`samlint: cannot lint ${uri}: ${(error as Error)?.message ?? String(error)}`);
        diagnostics = [];
      }
      publish(uri, diagnostics, version);
    };
    const schedule = (document: TextDocument, delay: number) => {
      clearTimeout(timers.get(document.uri));
      timers.set(document.uri, setTimeout(() => validate(document.uri, document.version), delay));
    };

    connection.onInitialize((params) => {
      showDocument = params.capabilities.window?.showDocument?.support === true;
      return {
        capabilities: {
          textDocumentSync: TextDocumentSyncKind.Incremental,
          hoverProvider: true,
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
          executeCommandProvider: { commands: [SHOW_DOCUMENTATION] },
        },
        serverInfo: { name: 'samlint', version: VERSION },
      };
    });
    documents.onDidOpen(({ document }) => schedule(document, 0));
    documents.onDidChangeContent(({ document }) => schedule(document, DEBOUNCE_MS));
    documents.onDidClose(({ document }) => {
      clearTimeout(timers.get(document.uri));
      timers.delete(document.uri);
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
        command: { title: `Show documentation for ${code}`, command: SHOW_DOCUMENTATION, arguments: [href] },
      }))];
    });
    connection.onExecuteCommand(async ({ command, arguments: args }) => {
      const href = args?.[0];
      if (command !== SHOW_DOCUMENTATION || typeof href !== 'string') return;
      // A client without window/showDocument (LSP 3.16) still gets the address, to open by hand.
      if (showDocument) await connection.window.showDocument({ uri: href, external: true });
      else connection.window.showInformationMessage(`samlint documentation: ${href}`);
    });

    documents.listen(connection);
    connection.listen();
  });
}

function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}
