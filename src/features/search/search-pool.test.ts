import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { createLogger } from '../../platform/log.js';
import { currentArticleInput, unpublishArticle, updateArticle } from '../articles/index.js';
import { rebuildSearchIndex } from './search-index.js';
import { matchPool } from './search-match.js';
import { parseSearchQuery, type ParsedQuery } from './search-query.js';

// A large archive's search ranks only a query's newest matches (the pool); what a reader notices of
// that, on SQLite and PostgreSQL alike. Small pools stand in for the default 1,000.
const NOW = new Date('2026-03-20T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let site: TestSite;
const saffron: Record<string, string> = {};
beforeAll(async () => {
  site = await createTestSite({ now: NOW, env: { SEARCH_POOL_SIZE: '6' } });
  await seedNewsroom(site);
  const story = async (key: string, publishedAt: Date, headline: string, sectionSlug = 'economy') => {
    saffron[key] = (await publishedArticle(site, { headline, sectionSlug, publishedAt, blocks: [{ type: 'p', text: 'Growers say saffron from the highlands sells well this season.' }] })).id;
  };
  // This week, about forty days ago (last month), and two years ago: PostgreSQL walks back month by
  // month, then takes the rest of the archive at once, and must find the same stories as SQLite.
  for (let i = 0; i < 4; i++) await story(`week${i}`, ago(i), `Market report ${i}`);
  for (let i = 0; i < 4; i++) await story(`month${i}`, ago(40 + i), `Harvest note ${i}`, 'politics');
  await story('oldBest', ago(730), 'Saffron prices reach a record');
  for (let i = 1; i < 4; i++) await story(`old${i}`, ago(730 + i), `Spice trade ${i}`);
});

const query = (q: string) => parseSearchQuery(q) as ParsedQuery;
const all = async (f: Parameters<typeof matchPool>[2], poolSize = 6) => matchPool(site.deps.db, query('saffron'), { now: NOW, ...f }, { limit: 20, offset: 0, poolSize });

describe('search over a large archive', () => {
  it('ranks the newest matches only, and reaches older ones through the date filter', async () => {
    const newest = await all({ languages: ['en'], sort: 'newest' });
    expect(newest.ids).toEqual([saffron.week0, saffron.week1, saffron.week2, saffron.week3, saffron.month0, saffron.month1]);
    expect(newest.total).toBe(6);
    // Best match first within the pool: the record-price headline is too old to be in it.
    const ranked = await all({ languages: ['en'], sort: 'relevance' });
    expect(new Set(ranked.ids)).toEqual(new Set(newest.ids));
    const old = await all({ languages: ['en'], sort: 'relevance', to: ago(365) });
    expect(old.ids[0]).toBe(saffron.oldBest);
    expect(old.total).toBe(4);
    // A pool large enough for all twelve ranks the headline match first.
    const everything = await all({ languages: ['en'], sort: 'relevance' }, 100);
    expect(everything.total).toBe(12);
    expect(everything.ids[0]).toBe(saffron.oldBest);
  });

  it('applies the section and both date bounds inside the pool', async () => {
    const politics = await all({ languages: ['en'], sort: 'newest', sectionId: (await site.deps.db.selectFrom('sections').select('id').where('slug', '=', 'politics').executeTakeFirstOrThrow()).id });
    expect(politics.ids).toEqual([saffron.month0, saffron.month1, saffron.month2, saffron.month3]);
    const between = await all({ languages: ['en'], sort: 'newest', from: ago(41), to: ago(40) });
    expect(between.ids).toEqual([saffron.month0, saffron.month1]);
    expect((await all({ languages: ['ar'], sort: 'newest' })).total).toBe(0);
  });

  it('tells the reader when there are more matches than it ranked, in both languages', async () => {
    const en = await (await site.get('/search?q=saffron')).text();
    expect(en).toContain('More than 6 stories match “saffron”');
    const ar = await (await site.get('/ar/search?q=saffron&language=en')).text();
    expect(ar).toContain('أكثر من 6 خبر يطابق «saffron»');
    const few = await (await site.get('/search?q=saffron&to=2024-06-01')).text();
    expect(few).toContain('Results for “saffron”: 4');
  });

  it('finds two stories published in the same millisecond', async () => {
    const at = ago(2.5);
    const a = await publishedArticle(site, { headline: 'Twin report on cardamom', publishedAt: at });
    const b = await publishedArticle(site, { headline: 'Twin analysis of cardamom', publishedAt: at });
    const found = await matchPool(site.deps.db, query('cardamom'), { languages: ['en'], sort: 'newest', now: NOW }, { limit: 10, offset: 0 });
    expect(new Set(found.ids)).toEqual(new Set([a.id, b.id]));
  });
});

describe('term counts for related articles', () => {
  const counts = async () =>
    (await sql<{ term: string; documents: number }>`SELECT term, documents FROM search_terms ORDER BY term`.execute(site.deps.db)).rows.map((r) => `${r.term}:${Number(r.documents)}`);

  it('follow publishing, editing and unpublishing exactly as a rebuild would count them', async () => {
    const before = await counts();
    expect(before).toContain('saffron:12');
    const id = saffron.week1!;
    const input = await currentArticleInput(site.deps.db, id);
    await updateArticle(site.deps, id, { ...input, headline: 'Market report on turmeric' });
    await unpublishArticle(site.deps, saffron.week2!);
    const incremental = await counts();
    expect(incremental).toContain('saffron:11');
    expect(incremental).toContain('turmer:1');
    await rebuildSearchIndex(site.deps.db, createLogger({ level: 'silent', format: 'json' }), NOW, { related: false });
    expect(await counts()).toEqual(incremental);
  });
});
