import { beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { seedDemoIfEmpty } from '../demo/index.js';
import { firstRelevantRank, mrrAt, recallAt } from './relevance/evaluate.js';
import { RELEVANCE_SET } from './relevance/relevance-set.js';
import { runRelevanceSet } from './relevance/run-relevance.js';

// The relevance set over the demo newsroom, on SQLite and PostgreSQL: every must-find case, and the
// overall quality the issue sets (MRR@5 ≥ 0.9). `npm run eval:search` prints the same as a table.
let site: TestSite;
let results: Awaited<ReturnType<typeof runRelevanceSet>>;
beforeAll(async () => {
  site = await createTestSite();
  await seedDemoIfEmpty(site.deps);
  results = await runRelevanceSet(site.deps.db);
}, 120_000);

describe('search relevance over the demo newsroom', () => {
  it('has at least 40 queries, half of them Arabic', () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(40);
    expect(RELEVANCE_SET.filter((c) => c.language === 'ar').length).toBeGreaterThanOrEqual(20);
    expect(RELEVANCE_SET.filter((c) => c.language === 'en').length).toBeGreaterThanOrEqual(20);
  });

  it.each(RELEVANCE_SET.map((c) => [c.query, c] as const))('finds what %s must find', (_q, c) => {
    const r = results.find((x) => x.case === c)!;
    const rank = firstRelevantRank(r);
    expect(rank, `${c.query} (${c.why}): got ${r.ranked.slice(0, 5).join(' | ') || 'nothing'}`).toBeDefined();
    expect(rank!).toBeLessThanOrEqual(c.top ?? 5);
  });

  it('reaches MRR@5 of at least 0.9, with recall@10 reported', () => {
    expect(mrrAt(5, results)).toBeGreaterThanOrEqual(0.9);
    expect(recallAt(10, results)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the metrics', () => {
  it('compute MRR@k and recall@k as defined', () => {
    const rs = [
      { ranked: ['a', 'b'], relevant: ['a'] },
      { ranked: ['x', 'y', 'b'], relevant: ['b', 'c'] },
      { ranked: ['x', 'x', 'x', 'x', 'x', 'b'], relevant: ['b'] },
    ];
    expect(mrrAt(5, rs)).toBeCloseTo((1 + 1 / 3 + 0) / 3);
    expect(recallAt(10, rs)).toBeCloseTo((1 + 0.5 + 1) / 3);
    expect(mrrAt(5, [])).toBe(0);
  });
});
