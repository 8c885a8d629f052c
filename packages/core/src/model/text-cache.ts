/**
 * The last few values computed from a text, by that text. lint() stays pure: a value is a function of
 * its key alone, so a hit gives what computing again would. Callers share the values between results,
 * so they must treat them as read-only (and freeze what they can).
 */
export class TextCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(key: string, compute: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) return hit as T;
    const value = compute();
    this.entries.set(key, value);
    // A Map iterates in insertion order: the oldest entry goes first.
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
