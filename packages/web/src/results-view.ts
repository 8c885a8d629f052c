import type { Finding, LintResult, SignatureReport, Span } from '@samlint/core';
import { SEVERITIES } from './report.js';

const SEVERITY_HEADINGS = { error: 'Errors', warning: 'Warnings', info: 'Notes' } as const;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

/** UTF-16 offsets of a span in `text` (1-based lines and columns, endColumn just past the end). */
function offsets(lineStarts: readonly number[], span: Span): [number, number] | undefined {
  const start = lineStarts[span.line - 1];
  const end = lineStarts[span.endLine - 1];
  if (start === undefined || end === undefined) return undefined;
  return [start + span.column - 1, end + span.endColumn - 1];
}

const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)[^>]*?(\/?)>/g;

/**
 * Where a one-line document (as most IdPs post it) is shown on a new line: between a `>` and a `<`,
 * with the depth of the tag that follows. The breaks are drawn, not inserted in the text, so the
 * spans still point into the decoded XML as it is.
 */
function lineBreaks(xml: string): Map<number, number> {
  const breaks = new Map<number, number>();
  // A document with a line break between two tags has been laid out already.
  if (/>[ \t]*\r?\n\s*</.test(xml)) return breaks;
  let depth = 0;
  for (const match of xml.matchAll(MARKUP)) {
    const [tag, closing, selfClosing] = match;
    const at = match.index;
    const isElement = closing !== undefined;
    if (closing === '/') depth = Math.max(depth - 1, 0);
    if (at > 0 && xml[at - 1] === '>') breaks.set(at, depth);
    if (isElement && closing === '' && selfClosing === '' && tag.length > 2) depth++;
  }
  return breaks;
}

/** The XML spans of a list of places, as UTF-16 ranges tagged with each place's index in the list. */
function rangesOf(lineStarts: readonly number[], spans: readonly (Span | undefined)[]): { index: number; from: number; to: number }[] {
  return spans.flatMap((span, index) => {
    const range = span ? offsets(lineStarts, span) : undefined;
    return range && range[1] > range[0] ? [{ index, from: range[0], to: range[1] }] : [];
  });
}

/**
 * The decoded XML with each finding's span marked (a mark lists the findings, by index, whose span
 * covers it), and the start tag of each element a signature covers tagged (`data-covers`, by index of
 * `covered`), for the signatures panel to point at.
 */
function highlightedXml(xml: string, findings: readonly Finding[], covered: readonly Span[]): HTMLElement {
  const lineStarts = [0];
  for (let i = 0; i < xml.length; i++) if (xml[i] === '\n') lineStarts.push(i + 1);
  const ranges = rangesOf(lineStarts, findings.map((finding) => (finding.location?.artifact === 'xml' ? finding.location.span : undefined)));
  const coverRanges = rangesOf(lineStarts, covered);
  const breaks = lineBreaks(xml);
  const cuts = [...new Set([0, xml.length, ...breaks.keys(), ...[...ranges, ...coverRanges].flatMap((range) => [range.from, range.to])])]
    .filter((cut) => cut >= 0 && cut <= xml.length)
    .sort((a, b) => a - b);
  const pre = element('pre', { className: 'xml', tabIndex: 0 });
  pre.setAttribute('aria-label', 'Decoded XML');
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const covering = ranges.filter((range) => range.from <= from && range.to >= to).map((range) => range.index);
    const signed = coverRanges.filter((range) => range.from <= from && range.to >= to).map((range) => range.index);
    const text = xml.slice(from, to);
    const depth = breaks.get(from);
    if (depth !== undefined) {
      const layout = element('span', { className: 'layout' }, `\n${'  '.repeat(depth)}`);
      layout.setAttribute('aria-hidden', 'true');
      pre.append(layout);
    }
    if (!covering.length && !signed.length) {
      pre.append(text);
      continue;
    }
    const piece = covering.length ? element('mark', {}, text) : element('span', { className: 'covered' }, text);
    if (covering.length) {
      piece.dataset.findings = covering.join(' ');
      piece.title = covering.map((index) => findings[index]!.code).join(', ');
    }
    if (signed.length) piece.dataset.covers = signed.join(' ');
    pre.append(piece);
  }
  return pre;
}

/** Opens a rule's page (bundled, rendered offline). */
export type ShowRulePage = (code: string) => void;

function findingItem(finding: Finding, index: number, showRulePage: ShowRulePage): HTMLElement {
  const span = finding.location?.span;
  const item = element('li', { className: `finding ${finding.severity}`, tabIndex: 0 });
  Object.assign(item.dataset, { testid: 'finding', code: finding.code, severity: finding.severity, index: String(index) });
  if (span) Object.assign(item.dataset, { line: String(span.line), column: String(span.column) });
  const where = finding.location ? `${finding.location.artifact} ${finding.location.span.line}:${finding.location.span.column}` : '';
  item.append(
    element('p', { className: 'headline' }, element('span', { className: 'severity' }, finding.severity), ' ', element('strong', {}, finding.code), ` ${finding.name} `, element('span', { className: 'where' }, where)),
    element('p', { className: 'message' }, finding.message),
    element('p', { className: 'help' }, 'help: ', finding.help),
    ...(finding.notes ?? []).map((note) => element('p', { className: 'note' }, 'note: ', note)),
    element('p', {}, rulePageButton(finding.code, showRulePage)),
  );
  return item;
}

function rulePageButton(code: string, showRulePage: ShowRulePage): HTMLElement {
  const button = element('button', { type: 'button', className: 'link' }, `Rule page ${code}`);
  button.addEventListener('click', () => showRulePage(code));
  return button;
}

/** The last part of an algorithm URI, which names it: `rsa-sha256`. */
const algorithmName = (uri: string) => uri.slice(Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/')) + 1) || uri;

/**
 * One ds:Signature: where it is, how it verified and with what, and the elements it covers, each a
 * button that shows the element in the XML when the XML is shown as decoded (`covered` numbers them).
 */
function signatureItem(report: SignatureReport, covered: Span[], linked: boolean): HTMLElement {
  const { span } = report.location;
  const item = element('li', { className: `signature ${report.status}` });
  Object.assign(item.dataset, { testid: 'signature', status: report.status, line: String(span.line), column: String(span.column) });
  if (report.parent) item.dataset.parent = report.parent;
  if (report.verifiedWith) item.dataset.fingerprint = report.verifiedWith.fingerprint256;
  const method = report.signatureMethod ? ` · ${algorithmName(report.signatureMethod)}` : '';
  item.append(
    element('p', { className: 'headline' }, element('strong', {}, report.status), ` · Signature in ${report.parent ?? 'the document'} `, element('span', { className: 'where' }, `${report.location.artifact} ${span.line}:${span.column}`), method),
  );
  if (report.detail) item.append(element('p', { className: 'note' }, report.detail));
  if (report.verifiedWith) {
    const { source, subject, fingerprint256, notAfter } = report.verifiedWith;
    item.append(element('p', {}, `Verified with ${source}: ${subject}, SHA-256 ${fingerprint256}${notAfter ? `, valid until ${notAfter.slice(0, 10)}` : ''}`));
  }
  if (report.covers.length) {
    const covers = report.covers.map((cover) => {
      const name = `${cover.element}${cover.id ? ` ${cover.id}` : ''}`;
      if (!linked || cover.location.artifact !== 'xml') return element('span', {}, name);
      const button = element('button', { type: 'button', className: 'link' }, name);
      button.dataset.cover = String(covered.push(cover.location.span) - 1);
      return button;
    });
    item.append(element('p', {}, 'Covers: ', ...covers.flatMap((cover, index) => (index ? [', ', cover] : [cover]))));
  }
  return item;
}

/** One result: its signatures, its findings by severity, and the XML they point into. */
export function resultPanel(result: LintResult, xml: { text: string; highlight: boolean } | undefined, showRulePage: ShowRulePage): HTMLElement {
  const panel = element('div', { className: 'result' });
  const covered: Span[] = [];
  if (result.signatures) {
    const section = element('section', { className: 'signatures' }, element('h3', {}, 'Signatures'), element('p', {}, result.signatures));
    const reports = (result.signing ?? []).map((report) => signatureItem(report, covered, xml?.highlight === true));
    if (reports.length) section.append(element('ol', { className: 'signing' }, ...reports));
    panel.append(section);
  }
  if (!result.findings.length) panel.append(element('p', { className: 'clean' }, 'No findings.'));
  for (const severity of SEVERITIES) {
    const items = result.findings.flatMap((finding, index) => (finding.severity === severity ? [findingItem(finding, index, showRulePage)] : []));
    if (!items.length) continue;
    panel.append(element('h3', {}, `${SEVERITY_HEADINGS[severity]} (${items.length})`), element('ol', { className: 'findings' }, ...items));
  }
  if (xml !== undefined) {
    panel.append(element('h3', {}, 'Decoded XML'));
    panel.append(xml.highlight ? highlightedXml(xml.text, result.findings, covered) : element('pre', { className: 'xml', tabIndex: 0 }, xml.text));
  }
  wireSelection(panel);
  return panel;
}

/** A finding selected (click, Enter) scrolls to its span; a highlight selected shows its findings. Arrow keys move through findings. */
function wireSelection(panel: HTMLElement): void {
  const items = () => [...panel.querySelectorAll<HTMLElement>('[data-testid="finding"]')];
  const select = (indices: string[]) => {
    for (const item of items()) item.classList.toggle('selected', indices.includes(item.dataset.index!));
    for (const mark of panel.querySelectorAll<HTMLElement>('mark')) mark.classList.toggle('selected', mark.dataset.findings!.split(' ').some((i) => indices.includes(i)));
  };
  const showSpan = (item: HTMLElement) => {
    select([item.dataset.index!]);
    panel.querySelector<HTMLElement>(`mark[data-findings~="${item.dataset.index}"]`)?.scrollIntoView({ block: 'center' });
  };
  panel.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const cover = target.closest<HTMLElement>('button[data-cover]');
    if (cover) {
      for (const piece of panel.querySelectorAll<HTMLElement>('[data-covers]')) piece.classList.toggle('selected', piece.dataset.covers!.split(' ').includes(cover.dataset.cover!));
      panel.querySelector<HTMLElement>(`[data-covers~="${cover.dataset.cover}"]`)?.scrollIntoView({ block: 'center' });
      return;
    }
    if (target.closest('a, button')) return;
    const mark = target.closest<HTMLElement>('mark');
    if (mark) {
      const indices = mark.dataset.findings!.split(' ');
      select(indices);
      const first = items().find((item) => item.dataset.index === indices[0]);
      first?.scrollIntoView({ block: 'nearest' });
      first?.focus({ preventScroll: true });
      return;
    }
    const item = target.closest<HTMLElement>('[data-testid="finding"]');
    if (item) showSpan(item);
  });
  panel.addEventListener('keydown', (event) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-testid="finding"]');
    if (!item || (event.target as HTMLElement).closest('button')) return;
    const list = items();
    const at = list.indexOf(item);
    if (event.key === 'Enter' || event.key === ' ') showSpan(item);
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') list[at + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
    else return;
    event.preventDefault();
  });
}
