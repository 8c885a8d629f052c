import MarkdownIt from 'markdown-it';
import pages from 'samlint:rule-pages';

// Raw HTML in a page is shown as text, never parsed; the pages' HTML comments (options for the doc tests) are left out.
const markdown = new MarkdownIt({ html: false, linkify: false });
const RULE_LINK = /(?:^|\/)([A-Z]+\d{3})\.md(?:#.*)?$/;

/**
 * A dialog showing a rule's page from docs/rules/, rendered here: the page explains a rule without a
 * connection. A link to another rule's page opens that page in the dialog.
 */
export class RulePageDialog {
  private readonly dialog = document.createElement('dialog');
  private readonly body = document.createElement('div');

  constructor() {
    this.dialog.className = 'rule-page';
    this.dialog.setAttribute('aria-label', 'Rule page');
    const close = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Close' });
    close.addEventListener('click', () => this.dialog.close());
    this.dialog.append(close, this.body);
    this.body.addEventListener('click', (event) => {
      const link = (event.target as HTMLElement).closest('a');
      const code = link && RULE_LINK.exec(link.getAttribute('href') ?? '')?.[1];
      if (!code || !pages[code]) return;
      event.preventDefault();
      this.show(code);
    });
    document.body.append(this.dialog);
  }

  show(code: string): void {
    const page = (pages[code] ?? '').replace(/<!--[\s\S]*?-->\n?/g, '');
    this.body.innerHTML = markdown.render(page);
    for (const link of this.body.querySelectorAll('a')) if (!RULE_LINK.test(link.getAttribute('href') ?? '')) Object.assign(link, { target: '_blank', rel: 'noopener noreferrer' });
    if (!this.dialog.open) this.dialog.showModal();
    this.dialog.scrollTop = 0;
  }
}
