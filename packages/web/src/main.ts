import { Redaction, contextOption, lintFile, type LintResult } from '@samlint/core';
import { ContextPanel, fieldName } from './context-panel.js';
import { DEBOUNCE_MS } from './debounce.js';
import { fileText } from './files.js';
import { jsonReport, markdownReport } from './report.js';
import { resultPanel } from './results-view.js';
import { RulePageDialog } from './rule-page.js';
import './style.css';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = byId<HTMLTextAreaElement>('input');
const inputFile = byId<HTMLInputElement>('input-file');
const detected = byId<HTMLParagraphElement>('detected');
const unchecked = byId<HTMLUListElement>('unchecked');
const redact = byId<HTMLInputElement>('redact');
const tabs = byId<HTMLDivElement>('tabs');
const resultsHolder = byId<HTMLDivElement>('results');
const copyStatus = byId<HTMLSpanElement>('copy-status');

/** The text linted, once there is one: a file's exact text until the box is edited (a textarea would change its line ends). */
let inputText: string | undefined;
let results: LintResult[] = [];
let activeTab = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

const rulePages = new RulePageDialog();
const panel = new ContextPanel(byId<HTMLFormElement>('context-form'), () => schedule(DEBOUNCE_MS));

function schedule(delay: number): void {
  resultsHolder.dataset.state = 'pending';
  clearTimeout(timer);
  timer = setTimeout(lintNow, delay);
}

/** Lint and render are timed apart (User Timing, shown by the browser's profiler): the page should add well under a frame to the lint. */
function lintNow(): void {
  const options = panel.options();
  const start = performance.now();
  results = inputText === undefined ? [] : lintFile(inputText, options);
  const linted = performance.now();
  activeTab = Math.min(activeTab, Math.max(results.length - 1, 0));
  render();
  performance.measure('samlint lint', { start, end: linted });
  performance.measure('samlint render', { start: linted });
}

/** The results as shown and copied: redacted when the switch is on, with one Redaction so placeholders agree across logins. */
function shown(): LintResult[] {
  if (!redact.checked) return results;
  const redaction = new Redaction();
  return results.map((result) => redaction.for(result.personal).result(result));
}

/** The decoded XML: highlighted as decoded, or redacted, which moves the text the spans point into. */
function xmlView(result: LintResult): { text: string; highlight: boolean } | undefined {
  if (result.xml === undefined) return undefined;
  if (!redact.checked) return { text: result.xml, highlight: true };
  return { text: new Redaction().for(result.personal).text(result.xml), highlight: false };
}

function render(): void {
  const visible = shown();
  const active = visible[activeTab];
  detected.textContent = active ? `Detected: ${active.detected}` : '';
  renderTabs(visible);
  resultsHolder.replaceChildren(
    ...visible.map((result, index) => {
      const element = resultPanel(result, xmlView(results[index]!), (code) => rulePages.show(code));
      element.id = `login-${index}`;
      element.setAttribute('role', visible.length > 1 ? 'tabpanel' : 'region');
      element.setAttribute('aria-label', result.entry?.label ?? 'Result');
      element.hidden = index !== activeTab;
      return element;
    }),
  );
  renderUnchecked(active);
  resultsHolder.dataset.state = 'done';
}

function renderTabs(visible: readonly LintResult[]): void {
  tabs.replaceChildren(
    ...(visible.length > 1
      ? visible.map((result, index) => {
          const tab = document.createElement('button');
          tab.type = 'button';
          tab.setAttribute('role', 'tab');
          tab.setAttribute('aria-selected', String(index === activeTab));
          tab.setAttribute('aria-controls', `login-${index}`);
          tab.dataset.testid = 'login-tab';
          tab.textContent = `${result.entry?.label ?? `Login ${index + 1}`} (${result.findings.length})`;
          tab.addEventListener('click', () => {
            activeTab = index;
            render();
          });
          return tab;
        })
      : []),
  );
}

function renderUnchecked(result: LintResult | undefined): void {
  unchecked.replaceChildren(
    ...(result?.unchecked ?? []).map((rule) => {
      const item = document.createElement('li');
      item.append(`${rule.code} ${rule.name}: give `);
      ContextPanel.fieldsFor(rule).forEach((id, i) => {
        if (i) item.append(' or ');
        const link = document.createElement('button');
        link.type = 'button';
        link.className = 'link';
        link.textContent = contextOption(id).flag;
        link.setAttribute('aria-label', `Go to the ${fieldName(id)} field`);
        link.addEventListener('click', () => panel.focus(id));
        item.append(link);
      });
      return item;
    }),
  );
}

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // A page opened from file:// may not have the asynchronous clipboard.
    const holder = Object.assign(document.createElement('textarea'), { value: text });
    document.body.append(holder);
    holder.select();
    document.execCommand('copy');
    holder.remove();
  }
  copyStatus.textContent = 'Copied (redacted).';
}

/** What is copied is always redacted: a report is made to be shared. */
function redacted(): LintResult[] {
  const redaction = new Redaction();
  return results.map((result) => redaction.for(result.personal).result(result));
}

async function openFile(file: File): Promise<void> {
  inputText = await fileText(file);
  input.value = inputText;
  schedule(0);
}

input.addEventListener('input', () => {
  inputText = input.value;
  schedule(DEBOUNCE_MS);
});
inputFile.addEventListener('change', () => {
  const file = inputFile.files?.[0];
  if (file) void openFile(file);
});
input.addEventListener('dragover', (event) => event.preventDefault());
input.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  event.preventDefault();
  void openFile(file);
});
redact.addEventListener('change', render);
byId('copy-markdown').addEventListener('click', () => void copy(markdownReport(redacted())));
byId('copy-json').addEventListener('click', () => void copy(jsonReport(redacted())));
