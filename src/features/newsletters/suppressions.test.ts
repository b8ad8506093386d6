import { describe, expect, it } from 'vitest';
import { parseSuppressionCsv, reasonOfEvent } from './suppressions.service.js';

describe('a suppression list from a CSV', () => {
  it('keeps valid rows and names each rejected one by its line in the file, blank lines counted', () => {
    const { rows, rejected } = parseSuppressionCsv('email,reason\nA@X.example,hard bounce\n\n\nnot-an-email,complaint\nb@x.example,weird\na@x.example,\nc@x.example,spam complaint\n');
    expect(rows).toEqual([
      { email: 'a@x.example', reason: 'bounce', detail: 'csv line 2' },
      { email: 'c@x.example', reason: 'complaint', detail: 'csv line 8' },
    ]);
    expect(rejected).toEqual([
      { line: 5, value: 'not-an-email', problem: 'invalid-email' },
      { line: 6, value: 'b@x.example', problem: 'unknown-reason' },
      { line: 7, value: 'a@x.example', problem: 'duplicate' },
    ]);
  });

  it('reads a bare list of addresses as bounces', () => {
    expect(parseSuppressionCsv('one@x.example\ntwo@x.example\n').rows.map((r) => [r.email, r.reason])).toEqual([
      ['one@x.example', 'bounce'],
      ['two@x.example', 'bounce'],
    ]);
  });

  it('ignores soft bounces: they are no reason to stop mailing', () => {
    expect(reasonOfEvent('soft_bounce')).toBeUndefined();
    expect(reasonOfEvent('hard_bounce')).toBe('bounce');
  });
});
