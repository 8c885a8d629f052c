import { COMMANDS, type CommandSignatures, type RuleSummary } from '@samlint/cli/protocol';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { VirtualDocuments } from './virtual-documents';

/** The extension's commands; each asks the server, which holds the one implementation of samlint. */
export function registerCommands(client: LanguageClient, documents: VirtualDocuments): vscode.Disposable[] {
  const server = async <C extends keyof CommandSignatures>(command: C, ...args: CommandSignatures[C]['arguments']): Promise<CommandSignatures[C]['result']> => {
    if (client.needsStart()) await client.start();
    return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as CommandSignatures[C]['result'];
  };

  const decode = async (text: string, from: string): Promise<vscode.TextEditor | undefined> => {
    if (!text.trim()) {
      void vscode.window.showWarningMessage(`samlint: the ${from} is empty: copy the SAMLResponse value (or the whole form body) first.`);
      return undefined;
    }
    const decoded = await server(COMMANDS.decode, { text });
    if (decoded.xml === undefined) {
      const [problem] = decoded.problems;
      const why = problem ? `${problem.message} (${problem.code}). ${problem.help}` : `it holds ${decoded.detected}.`;
      void vscode.window.showErrorMessage(`samlint cannot decode a SAMLResponse from the ${from}: ${why}`);
      return undefined;
    }
    const uri = documents.add('decoded', 'response.xml', decoded.xml);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const relayState = decoded.relayState === undefined ? '' : `; RelayState: ${decoded.relayState}`;
    void vscode.window.showInformationMessage(`samlint decoded ${decoded.detected}${relayState}. The decoded XML is read-only: its signature covers these bytes.`);
    return editor;
  };

  const explain = async (code?: string): Promise<vscode.Uri | undefined> => {
    const chosen = code ?? (await pickRule(await server(COMMANDS.rules)));
    if (!chosen) return undefined;
    const page = await server(COMMANDS.explain, chosen);
    if (page === null) {
      void vscode.window.showErrorMessage(`samlint has no rule \`${chosen}\`.`);
      return undefined;
    }
    const uri = documents.add('rules', `${chosen.toUpperCase()}.md`, page);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  };

  const whyFailed = async (message?: string): Promise<vscode.Uri | undefined> => {
    const asked =
      message ??
      (await vscode.window.showInputBox({
        title: 'samlint: why did sign-in fail?',
        prompt: 'The message the agent saw, as it appeared: "Access denied", "Session expired", an STS error…',
        ignoreFocusOut: true,
      }));
    if (!asked?.trim()) return undefined;
    // The capture in front, as the server holds it; a document it does not lint gives the list of what to check.
    const document = vscode.window.activeTextEditor?.document;
    const report = await server(COMMANDS.why, { message: asked, ...(document && { uri: document.uri.toString() }) });
    const uri = documents.add('why', 'why.txt', report);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false, viewColumn: vscode.ViewColumn.Beside });
    return uri;
  };

  const lintHarFile = async (file?: vscode.Uri): Promise<vscode.TextEditor | undefined> => {
    const [chosen] = file
      ? [file]
      : ((await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: 'Lint',
          filters: { 'HAR files and SAML-tracer exports': ['har', 'json'] },
        })) ?? []);
    if (!chosen) return undefined;
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(chosen), { preview: false });
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    return editor;
  };

  return [
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === VirtualDocuments.scheme) documents.forget(document.uri);
    }),
    vscode.commands.registerCommand('samlint.decodeClipboard', async () => decode(await vscode.env.clipboard.readText(), 'clipboard')),
    vscode.commands.registerCommand('samlint.decodeSelection', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      // No selection: the whole document (a .b64 file holding one paste).
      const text = editor.selection.isEmpty ? editor.document.getText() : editor.document.getText(editor.selection);
      return decode(text, editor.selection.isEmpty ? 'document' : 'selection');
    }),
    vscode.commands.registerCommand('samlint.explainRule', explain),
    vscode.commands.registerCommand('samlint.lintHarFile', lintHarFile),
    vscode.commands.registerCommand('samlint.whyFailed', whyFailed),
  ];
}

async function pickRule(rules: RuleSummary[]): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    rules.map((rule) => ({ label: rule.code, description: rule.name, detail: rule.summary })),
    { placeHolder: 'The rule to explain (type a code, a name or words of its summary)', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.label;
}
