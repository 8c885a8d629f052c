import { COMMANDS } from '@samlint/cli/protocol';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { VirtualDocuments } from './virtual-documents';

let client: LanguageClient | undefined;

/**
 * A thin client: every rule, the config discovery and the decoding run in the bundled
 * `samlint server --stdio` (dist/samlint.cjs, the CLI itself); this side only starts it and adds
 * the commands an editor needs. Nothing here opens a network connection.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const samlint = context.asAbsolutePath('dist/samlint.cjs');
  // `module` forks it with the editor's own Node; the client appends `--stdio` and `--clientProcessId`.
  const server: ServerOptions = { module: samlint, transport: TransportKind.stdio, args: ['server'] };
  const documents = new VirtualDocuments();
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/samlint.config.json');
  const options: LanguageClientOptions = {
    // Files, new buffers and our decoded views; not `git:` and other read-only copies, whose findings
    // would repeat the file's in the Problems panel. The server says nothing of text that is none of
    // samlint's (a package.json, notes.txt, an HTML page with no SAMLResponse form), and everything of a
    // capture saved as .txt.
    documentSelector: [
      ...['file', 'untitled'].flatMap((scheme) =>
        ['xml', 'json', 'jsonc', 'saml-capture', 'plaintext', 'html', 'terraform'].map((language) => ({ scheme, language })),
      ),
      { scheme: VirtualDocuments.scheme, language: 'xml' },
      // Terraform source without HashiCorp's extension, which gives it the `terraform` language.
      { scheme: 'file', pattern: '**/*.{saml,b64,har,tf}' },
    ],
    // A samlint.config.json changed outside the editor (a git pull) re-lints the open documents; saves in the editor do anyway.
    synchronize: { configurationSection: 'samlint', fileEvents: configWatcher },
    middleware: {
      // "Show documentation" opens the page the extension carries, offline, instead of the browser.
      executeCommand: async (command, args, next) => {
        const code = command === COMMANDS.showDocumentation ? ruleOfPage(args[0]) : undefined;
        return code ? vscode.commands.executeCommand('samlint.explainRule', code) : next(command, args);
      },
    },
  };
  client = new LanguageClient('samlint', 'samlint', server, options);
  context.subscriptions.push(
    configWatcher,
    vscode.workspace.registerTextDocumentContentProvider(VirtualDocuments.scheme, documents),
    ...registerCommands(client, documents),
  );
  await client.start();
}

/** The rule code of a documentation address (`…/docs/rules/SAML008.md`). */
function ruleOfPage(href: unknown): string | undefined {
  return typeof href === 'string' ? /\/docs\/rules\/([A-Z]+\d+)\.md$/.exec(href)?.[1] : undefined;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
