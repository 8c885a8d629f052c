import type { Particle, TypeRef, Wildcard } from './tables.js';

/** What a step of a content model accepts: a named element (with its local type, if declared locally) or a wildcard. */
export type Label = { kind: 'element'; name: string; type?: TypeRef } | { kind: 'wildcard'; wildcard: Wildcard };

interface State {
  epsilon: number[];
  edges: { label: Label; to: number }[];
}

/**
 * Child names remembered per state set by stepByName. A schema's models name a few each; a hostile
 * document's invented names are stepped as they come, not kept by a long-running language server.
 */
const MAX_NAMES_PER_STATE_SET = 256;

/**
 * A content model as a nondeterministic automaton (Thompson's construction): the SAML schemas'
 * models are small, and a set of states answers both "does this child fit" and "what was expected
 * here" without backtracking.
 */
export class ContentModel {
  private readonly states: State[] = [];
  private readonly start: number;
  private readonly accept: number;

  constructor(particle: Particle | undefined) {
    const fragment = particle ? this.build(particle) : this.empty();
    this.start = fragment.start;
    this.accept = fragment.end;
  }

  initial(): number[] {
    return this.closure([this.start]);
  }

  accepts(states: readonly number[]): boolean {
    return states.includes(this.accept);
  }

  /** The labels leaving a set of states, each once. */
  labels(states: readonly number[]): readonly Label[] {
    let labels = this.labelsFrom.get(states);
    if (!labels) {
      const seen = new Set<Label>();
      for (const s of states) for (const edge of (this.states[s] as State).edges) seen.add(edge.label);
      labels = [...seen];
      this.labelsFrom.set(states, labels);
    }
    return labels;
  }

  /**
   * labels() and missing() by state set. Weakly: the sets closure() makes are kept with it, and any
   * other array a caller passes is let go with the caller's.
   */
  private readonly labelsFrom = new WeakMap<readonly number[], readonly Label[]>();
  private readonly missingFrom = new WeakMap<readonly number[], readonly Label[]>();

  /** The states after a child that `fits` one of the labels, and the first label it fitted; none when it fits nothing. */
  step(states: readonly number[], fits: (label: Label) => boolean): { states: number[]; label?: Label } {
    const next: number[] = [];
    let matched: Label | undefined;
    for (const s of states) {
      for (const edge of (this.states[s] as State).edges) {
        if (!fits(edge.label)) continue;
        matched ??= edge.label;
        next.push(edge.to);
      }
    }
    return { states: this.closure(next), label: matched };
  }

  /**
   * step() for a child by its `{namespace}local` name, remembered per state set: siblings repeat a few
   * names, so the automaton turns deterministic as documents use it. `fits` must depend on the name only.
   */
  stepByName(states: readonly number[], name: string, fits: (label: Label) => boolean): { states: number[]; label?: Label } {
    let byName = this.steps.get(states);
    if (!byName) {
      byName = new Map();
      this.steps.set(states, byName);
    }
    let step = byName.get(name);
    if (!step) {
      step = this.step(states, fits);
      if (byName.size < MAX_NAMES_PER_STATE_SET) byName.set(name, step);
    }
    return step;
  }

  /** Steps already taken, by state set (the closures' own arrays, so identity is enough) and child name. */
  private readonly steps = new WeakMap<readonly number[], Map<string, { states: number[]; label?: Label }>>();

  /**
   * The labels that begin a shortest way from `states` to the end of the model: what is missing when
   * the children stop here. Only element labels, as a missing wildcard names nothing.
   */
  missing(states: readonly number[]): readonly Label[] {
    let missing = this.missingFrom.get(states);
    if (!missing) {
      missing = this.shortestWaysOut(states);
      this.missingFrom.set(states, missing);
    }
    return missing;
  }

  private shortestWaysOut(states: readonly number[]): Label[] {
    let frontier: { states: readonly number[]; first: Label | undefined }[] = [{ states, first: undefined }];
    const seen = new Set<string>([key(states)]);
    for (let depth = 0; depth < 8 && frontier.length; depth++) {
      const firsts = frontier.filter((f) => this.accepts(f.states)).map((f) => f.first);
      if (firsts.length) return [...new Set(firsts)].filter((l): l is Label => l !== undefined);
      const next: typeof frontier = [];
      for (const f of frontier) {
        for (const label of this.labels(f.states)) {
          if (label.kind !== 'element') continue;
          const after = this.step(f.states, (l) => l === label).states;
          const k = key(after);
          if (seen.has(k)) continue;
          seen.add(k);
          next.push({ states: after, first: f.first ?? label });
        }
      }
      frontier = next;
    }
    return [];
  }

  /** Closures already computed, by the states they start from: a long run of siblings repeats a few. */
  private readonly closures = new Map<string, number[]>();

  private closure(from: readonly number[]): number[] {
    const k = key(from);
    let closed = this.closures.get(k);
    if (!closed) {
      closed = this.close(from);
      this.closures.set(k, closed);
    }
    return closed;
  }

  private close(from: readonly number[]): number[] {
    const found = new Set(from);
    const stack = [...from];
    for (let s = stack.pop(); s !== undefined; s = stack.pop()) {
      for (const to of (this.states[s] as State).epsilon) {
        if (!found.has(to)) {
          found.add(to);
          stack.push(to);
        }
      }
    }
    return [...found].sort((a, b) => a - b);
  }

  private state(): number {
    this.states.push({ epsilon: [], edges: [] });
    return this.states.length - 1;
  }

  private empty(): { start: number; end: number } {
    const s = this.state();
    return { start: s, end: s };
  }

  private link(from: number, to: number): void {
    (this.states[from] as State).epsilon.push(to);
  }

  /** One occurrence of a particle, without its min/max. */
  private once(particle: Particle): { start: number; end: number } {
    if (particle.p === 'el' || particle.p === 'any') {
      const start = this.state();
      const end = this.state();
      const label: Label =
        particle.p === 'el'
          ? { kind: 'element', name: particle.name, ...(particle.type !== undefined ? { type: particle.type } : {}) }
          : { kind: 'wildcard', wildcard: { namespaces: particle.namespaces, process: particle.process } };
      (this.states[start] as State).edges.push({ label, to: end });
      return { start, end };
    }
    const start = this.state();
    const end = this.state();
    if (particle.p === 'seq') {
      let at = start;
      for (const item of particle.items) {
        const f = this.build(item);
        this.link(at, f.start);
        at = f.end;
      }
      this.link(at, end);
    } else {
      for (const item of particle.items) {
        const f = this.build(item);
        this.link(start, f.start);
        this.link(f.end, end);
      }
    }
    return { start, end };
  }

  /** A particle with its occurrences: `min` copies in a row, then `max - min` optional ones, or a loop when unbounded. */
  private build(particle: Particle): { start: number; end: number } {
    const start = this.state();
    let at = start;
    for (let i = 0; i < particle.min; i++) {
      const f = this.once(particle);
      this.link(at, f.start);
      at = f.end;
    }
    if (particle.max === -1) {
      const f = this.once(particle);
      this.link(at, f.start);
      this.link(f.end, at);
      const end = this.state();
      this.link(at, end);
      return { start, end };
    }
    const end = this.state();
    for (let i = particle.min; i < particle.max; i++) {
      const f = this.once(particle);
      this.link(at, f.start);
      this.link(at, end);
      at = f.end;
    }
    this.link(at, end);
    return { start, end };
  }
}

function key(states: readonly number[]): string {
  return states.join(',');
}
