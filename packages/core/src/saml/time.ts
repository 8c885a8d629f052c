import { TextCache } from '../model/text-cache.js';
import { attribute } from '../xml/dom.js';
import type { ResponseView } from '../model/response.js';
import { bearerConfirmationData } from './response.js';

/**
 * Why a text is not a SAML time value. SAML core §1.3.3: every time value is an `xs:dateTime` "expressed
 * in UTC form, with no time zone component", that is, ending in `Z`, and never a leap second.
 */
export type TimeProblem = 'syntax' | 'not-utc';

export interface SamlTime {
  /**
   * Milliseconds since the epoch, when the text names one instant: a valid `xs:dateTime` ending in `Z`
   * or in an explicit offset. A time without any zone is local to an unknown clock, so it has none.
   */
  instant?: number;
  problem?: TimeProblem;
}

// xs:dateTime with a four-digit year (SAML never needs more, nor a negative one); fields are range-checked below.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

// Several rules read the same few values (IssueInstant, NotOnOrAfter…) of every response.
const PARSED = new TextCache<SamlTime>(32);

/** Parses a SAML time value strictly; no `Date.parse` leniency, so every rule reads the same instant. */
export function parseSamlTime(text: string): SamlTime {
  return PARSED.get(text, () => Object.freeze(readSamlTime(text)));
}

function readSamlTime(text: string): SamlTime {
  const match = DATE_TIME.exec(text);
  if (!match) return { problem: 'syntax' };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = match[7] ?? '';
  const zone = match[8];
  // xs:dateTime allows 24:00:00 as the end of a day; anything else past 23:59:59 (a leap second included) is invalid.
  const endOfDay = hour === 24 && minute === 0 && second === 0 && /^\.?0*$/.test(fraction);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { problem: 'syntax' };
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 59) return { problem: 'syntax' };
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(4, 6));
    if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return { problem: 'syntax' };
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  if (!zone) return { problem: 'not-utc' };
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Math.floor(Number(`0${fraction || '.0'}`) * 1000));
  const instant = date.getTime() - offsetMinutes * 60_000;
  return zone === 'Z' ? { instant } : { instant, problem: 'not-utc' };
}

/** The instant an attribute names, when it is present and names one (see `SamlTime.instant`). */
export function instantOf(element: Element | undefined, name: string): number | undefined {
  const value = element ? attribute(element, name) : undefined;
  return value === undefined ? undefined : parseSamlTime(value).instant;
}

/** Whole seconds from `earlier` to `later`, for messages that quantify a time difference. */
export function secondsBetween(earlier: number, later: number): number {
  return Math.round((later - earlier) / 1000);
}

/**
 * The elements whose `NotBefore`/`NotOnOrAfter` bound when the assertion may be used: the Conditions and
 * the bearer SubjectConfirmationData (facts §10: AWS enforces validity "using the NotOnOrAfter attribute
 * in the assertion's Conditions and SubjectConfirmationData elements").
 */
export function validityElements(view: ResponseView): Element[] {
  return [...(view.conditions ? [view.conditions] : []), ...bearerConfirmationData(view)];
}
