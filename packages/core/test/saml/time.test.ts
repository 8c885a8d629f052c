import { describe, expect, it } from 'vitest';
import { parseSamlTime, secondsBetween } from '../../src/saml/time.js';

describe('parseSamlTime (SAML core §1.3.3: xs:dateTime in UTC)', () => {
  it.each([
    ['2026-11-27T09:00:00Z', Date.UTC(2026, 10, 27, 9, 0, 0)],
    ['2026-11-27T09:00:00.5Z', Date.UTC(2026, 10, 27, 9, 0, 0, 500)],
    ['2026-11-27T09:00:00.123456789Z', Date.UTC(2026, 10, 27, 9, 0, 0, 123)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['2026-11-27T24:00:00Z', Date.UTC(2026, 10, 28)],
  ])('reads %s', (text, instant) => {
    expect(parseSamlTime(text)).toEqual({ instant });
  });

  it.each([
    '2026-11-27 09:00:00Z',
    '2026-11-27T09:00Z',
    '26-11-27T09:00:00Z',
    '2026-11-27T09:00:00z',
    ' 2026-11-27T09:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-11-31T00:00:00Z',
    '2026-11-27T23:59:60Z',
    '2026-11-27T24:00:01Z',
    '2026-11-27T09:00:00+15:00',
    '1795770000',
    '',
  ])('refuses %j', (text) => {
    expect(parseSamlTime(text)).toEqual({ problem: 'syntax' });
  });

  it('flags an offset as not UTC but still knows the instant', () => {
    expect(parseSamlTime('2026-11-27T10:00:00+01:00')).toEqual({ instant: Date.UTC(2026, 10, 27, 9), problem: 'not-utc' });
    expect(parseSamlTime('2026-11-27T04:30:00-04:30')).toEqual({ instant: Date.UTC(2026, 10, 27, 9), problem: 'not-utc' });
  });

  it('gives no instant for a time without a zone', () => {
    expect(parseSamlTime('2026-11-27T09:00:00')).toEqual({ problem: 'not-utc' });
  });
});

describe('secondsBetween', () => {
  it('rounds to whole seconds', () => {
    expect(secondsBetween(Date.UTC(2026, 10, 27, 9, 5), Date.UTC(2026, 10, 27, 9, 10, 12, 400))).toBe(312);
  });
});
