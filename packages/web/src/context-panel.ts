import {
  CONTEXT_NEEDS,
  CONTEXT_OPTION_IDS,
  checkContextValue,
  contextOption,
  contextOptionValues,
  type ContextOptionId,
  type ContextValues,
  type LintOptions,
  type Unchecked,
} from '@samlint/core';
import { fileText } from './files.js';

/** A field's name in test hooks and element ids: its flag without the dashes (`context-users`, `context-cert`). */
export const fieldName = (id: ContextOptionId) => contextOption(id).flag.slice(2);

interface Field {
  id: ContextOptionId;
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  problem: HTMLElement;
  /** A file option's texts as the files held them, until the box is edited by hand. */
  picked?: string[];
}

/**
 * The side panel's fields, one per context option of core's table (CONTEXT_OPTIONS), in its order:
 * a new option appears here without a change to the page.
 */
export class ContextPanel {
  private readonly fields = new Map<ContextOptionId, Field>();

  constructor(
    form: HTMLFormElement,
    private readonly changed: () => void,
  ) {
    form.addEventListener('submit', (event) => event.preventDefault());
    for (const id of CONTEXT_OPTION_IDS) form.append(this.fieldFor(id));
  }

  private fieldFor(id: ContextOptionId): HTMLElement {
    const option = contextOption(id);
    const name = fieldName(id);
    const wrapper = document.createElement('div');
    wrapper.className = 'field';
    const label = document.createElement('label');
    label.htmlFor = `context-${name}`;
    label.textContent = option.flag;
    const description = document.createElement('p');
    description.className = 'hint';
    description.id = `context-${name}-description`;
    description.textContent = option.description + (option.default !== undefined ? ` (default ${option.default})` : '');
    const problem = document.createElement('p');
    problem.className = 'problem';
    problem.id = `context-${name}-problem`;
    problem.setAttribute('role', 'alert');

    let control: Field['control'];
    if (option.type === 'choice') {
      const select = document.createElement('select');
      for (const choice of option.choices ?? []) select.append(new Option(choice, choice, choice === option.default, choice === option.default));
      control = select;
    } else if (option.type === 'file') {
      const textarea = document.createElement('textarea');
      textarea.rows = 3;
      textarea.spellcheck = false;
      textarea.placeholder = option.repeatable ? 'paste, or open one or more files' : 'paste, or open a file';
      control = textarea;
    } else {
      const input = document.createElement('input');
      input.type = option.type === 'seconds' ? 'number' : 'text';
      if (option.type === 'seconds') input.min = '0';
      if (option.default !== undefined) input.placeholder = String(option.default);
      // `now` is the browser's clock unless the user says otherwise; cleared, times are not checked.
      if (option.type === 'time') input.value = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      control = input;
    }
    control.id = `context-${name}`;
    control.dataset.testid = `context-${name}`;
    control.setAttribute('aria-describedby', `${description.id} ${problem.id}`);
    const field: Field = { id, control, problem };
    control.addEventListener('input', () => {
      field.picked = undefined;
      this.changed();
    });
    wrapper.append(label, control);

    if (option.type === 'file') {
      const picker = document.createElement('input');
      picker.type = 'file';
      picker.multiple = option.repeatable === true;
      picker.dataset.testid = `context-${name}-file`;
      picker.setAttribute('aria-label', `Open ${option.flag} file${picker.multiple ? 's' : ''}`);
      picker.addEventListener('change', async () => {
        const texts = await Promise.all([...(picker.files ?? [])].map((file) => fileText(file, option.binary === true)));
        field.picked = texts;
        control.value = texts.join('\n');
        this.changed();
      });
      wrapper.append(picker);
    }
    wrapper.append(description, problem);
    this.fields.set(id, field);
    return wrapper;
  }

  /** Core's options from the fields; a field whose value core would refuse is marked and left out, as the CLI refuses the flag. */
  options(): LintOptions {
    const values: Record<string, unknown> = {};
    for (const field of this.fields.values()) {
      const { value, problem } = this.valueOf(field);
      field.problem.textContent = problem ?? '';
      field.control.setAttribute('aria-invalid', String(problem !== undefined));
      if (value !== undefined) values[field.id] = value;
    }
    return contextOptionValues(values as ContextValues);
  }

  private valueOf(field: Field): { value?: unknown; problem?: string } {
    const option = contextOption(field.id);
    const raw = field.control.value;
    if (option.type === 'file') {
      if (field.picked) return { value: option.repeatable ? field.picked : field.picked[0] };
      if (raw.trim() === '') return {};
      if (!option.repeatable) return { value: raw };
      // Several certificates pasted at once: one entry per PEM block, as one file each would give.
      return { value: raw.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [raw] };
    }
    const text = raw.trim();
    if (text === '') return {};
    // The browser's clock for `now`, as the CLI takes the machine's.
    return checkContextValue(option, option.type === 'seconds' ? Number(text) : text, () => new Date());
  }

  /** Which fields would let a rule that was not checked run. */
  static fieldsFor(unchecked: Unchecked): ContextOptionId[] {
    return [...new Set(unchecked.needs.flatMap((need) => CONTEXT_NEEDS[need].options))];
  }

  focus(id: ContextOptionId): void {
    this.fields.get(id)?.control.focus();
  }
}
