import * as vscode from 'vscode';

/**
 * Read-only documents the extension makes: a decoded SAMLResponse, a rule's page. VS Code opens
 * a content provider's documents read-only, so a decoded response cannot be edited by mistake
 * (its signature covers those bytes); the language client still sends them to the server to lint.
 */
export class VirtualDocuments implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'samlint';
  private readonly texts = new Map<string, string>();
  private count = 0;

  /** A new document at `/<folder>/<n>/<name>`: the name's extension picks its language. */
  add(folder: string, name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: VirtualDocuments.scheme, path: `/${folder}/${++this.count}/${name}` });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  /** Called when VS Code disposes of a document: its text is not kept after that. */
  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string | undefined {
    return this.texts.get(uri.toString());
  }
}
