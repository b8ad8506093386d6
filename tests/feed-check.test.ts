import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFeed, gradeRfc2822, isRfc3339 } from './feed-check.js';
import { fixturePath } from './fixtures.js';

// The feed checker the feeds tests rely on must agree with the W3C Feed Validation Service on every one
// of its test cases in the shared fixtures: each error raised where the validator raises it, no error
// where the case is valid, each warning where the validator warns.
const dir = fixturePath('feeds', 'feedvalidator');
const cases = dir
  ? readFileSync(path.join(dir, 'MANIFEST.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [file = '', description = '', expect = '', severity = ''] = line.split('\t');
        return { file, description, event: expect.replace(/^!/, '').replace(/\{.*$/, ''), severity };
      })
  : [];

const REFUTES: Record<string, string[]> = {
  ValidRFC2822Date: ['InvalidRFC2822Date', 'ProblematicalRFC822Date'],
  ValidW3CDTFDate: ['InvalidRFC3339Date'],
  ValidHttpGUID: ['InvalidHttpGUID', 'InvalidPermalink'],
  ValidBooleanAttribute: ['InvalidBooleanAttribute', 'UnexpectedAttribute'],
  ValidIntegerAttribute: ['InvalidIntegerAttribute', 'InvalidNonNegativeInteger'],
  ValidMIMEAttribute: ['InvalidMIMEAttribute'],
  ValidURLAttribute: ['InvalidURLAttribute'],
};

describe.skipIf(!dir)('the feed checker against the W3C feed validator’s test cases', () => {
  it('covers all 198 cases', () => expect(cases).toHaveLength(198));

  for (const c of cases) {
    it(`${c.severity}: ${c.file} (${c.description})`, () => {
      const report = checkFeed(readFileSync(path.join(dir!, c.file), 'utf8'));
      if (c.severity === 'Error') expect(report.errors).toContain(c.event);
      else if (c.severity === 'Warning') {
        expect(report.warnings).toContain(c.event);
        expect(report.errors).toEqual([]);
      } else if (c.severity === 'absent:Warning') expect(report.warnings).not.toContain(c.event);
      // "!Error": no error at all; "!SomeError": not that one (the case may hold others on purpose).
      else if (c.severity === 'absent:Error') {
        if (c.event === 'Error') expect(report.errors).toEqual([]);
        else expect(report.errors).not.toContain(c.event);
      } else {
        // Success names what is valid (ValidHttpGUID…): the errors that would say otherwise are absent.
        const refuting = REFUTES[c.event];
        expect(refuting, c.event).toBeDefined();
        for (const e of refuting!) expect([...report.errors, ...report.warnings]).not.toContain(e);
      }
    });
  }
});

describe('the date rules', () => {
  it('grades RSS dates as the validator does', () => {
    expect(gradeRfc2822('Tue, 31 Dec 2002 14:20:20 GMT')).toBe('valid');
    expect(gradeRfc2822('Wed, 31 Dec 2002 14:20:20 GMT')).toBe('invalid');
    expect(gradeRfc2822('31 Dec 99 23:59:59 +0000')).toBe('problematic');
    expect(gradeRfc2822('2002-12-31T01:15:07-05:00')).toBe('invalid');
  });
  it('requires RFC 3339 in Atom', () => {
    expect(isRfc3339('2024-04-26T09:00:00.000Z')).toBe(true);
    expect(isRfc3339('2024-04-26t09:00:00z')).toBe(false);
    expect(isRfc3339('2024-02-30T09:00:00Z')).toBe(false);
  });
});
