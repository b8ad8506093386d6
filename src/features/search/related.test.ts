import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, runDueJobs, type TestSite } from '../../../tests/kit.js';
import { documentFromBlocks } from '../../editor/index.js';
import { createArticle, publishArticle, replaceRelatedArticles, storedRelatedIds, unpublishArticle } from '../articles/index.js';
import { blendRelatedScore } from './related.js';

// Related Articles as a reader sees them on the article page, on SQLite and PostgreSQL.
let site: TestSite;
beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
});

async function relatedOn(path: string): Promise<string[]> {
  const res = await site.get(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  const section = /<section class="related"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return [...section.matchAll(/class="story__headline"[^>]*>\s*<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!);
}
/** Runs every due job (the related lists) until none is left; returns how many ran. */
const runJobs = () => runDueJobs(site);
const pathOf = (a: { slug: string }, section = 'politics', lang: 'en' | 'ar' = 'en') => `${lang === 'ar' ? '/ar' : ''}/${section}/${a.slug}`;

describe('related articles', () => {
  it('lists the stories closest in content first, ahead of ones that merely share the section', async () => {
    const p = (text: string) => [{ type: 'p' as const, text }];
    // Same section, nothing in common but the section: the old tag/section rule would have listed these.
    for (let i = 0; i < 4; i++) await publishedArticle(site, { headline: `Parliament debates budget item ${i}`, blocks: p('Members argued over line items late into the night.') });
    const desal1 = await publishedArticle(site, { headline: 'Desalination plant expands capacity', sectionSlug: 'economy', blocks: p('The desalination plant on the coast now produces more fresh water from seawater using reverse osmosis membranes.') });
    const desal2 = await publishedArticle(site, { headline: 'Reverse osmosis membranes cut the cost of desalination', sectionSlug: 'economy', blocks: p('Cheaper membranes make seawater desalination affordable for coastal towns short of fresh water.') });
    // Lists are computed by a job a moment after publishing (the publish does not wait for them).
    expect(await runJobs()).toBeGreaterThan(0);
    expect(await relatedOn(pathOf(desal2, 'economy'))).toContain('Desalination plant expands capacity'); // now cached
    const main = await publishedArticle(site, { headline: 'Coastal cities turn to desalination for fresh water', blocks: p('Seawater desalination with reverse osmosis membranes supplies fresh water as rivers run dry.') });
    await runJobs();
    const related = await relatedOn(pathOf(main));
    expect(related.slice(0, 2).sort()).toEqual(['Desalination plant expands capacity', 'Reverse osmosis membranes cut the cost of desalination']);
    expect(related).toHaveLength(4);
    // An older story lists the newer one most like it: the same job recomputed its list, and its
    // cached page was refreshed.
    expect((await relatedOn(pathOf(desal2, 'economy')))[0]).toBe('Coastal cities turn to desalination for fresh water');
    // The list follows unpublishing at once.
    await unpublishArticle(site.deps, desal1.id);
    expect(await relatedOn(pathOf(main))).not.toContain('Desalination plant expands capacity');
    await runJobs();
    expect(await relatedOn(pathOf(main))).not.toContain('Desalination plant expands capacity');
  });

  it('finds Arabic stories by their stems, and never lists the translation or stories in the other language', async () => {
    const p = (text: string) => documentFromBlocks([{ type: 'p', text }]);
    const en = await publishedArticle(site, { headline: 'Drought shrinks the Euphrates', blocks: [{ type: 'p', text: 'The Euphrates and Tigris rivers carry less water after a drought.' }] });
    const ar1 = await createArticle(site.deps, { language: 'ar', headline: 'الجفاف يقلص مياه نهر الفرات', sectionSlug: 'politics', body: p('تراجعت مياه الفرات ودجلة بعد موجة الجفاف.'), translationOf: en.id });
    await publishArticle(site.deps, ar1.id, new Date(site.clock.now().getTime() - 3600_000));
    await publishedArticle(site, { language: 'ar', headline: 'محادثات حول تقاسم مياه دجلة والفرات', sectionSlug: 'economy', blocks: [{ type: 'p', text: 'بحث الجانبان حصص المياه في نهري دجلة والفرات خلال الجفاف.' }] });
    await publishedArticle(site, { language: 'ar', headline: 'افتتاح معرض للكتاب في الرياض', sectionSlug: 'politics', blocks: [{ type: 'p', text: 'يشارك في المعرض مئات الناشرين.' }] });
    const main = await publishedArticle(site, { language: 'ar', headline: 'الفلاحون على ضفاف الفرات يواجهون الجفاف', sectionSlug: 'politics', blocks: [{ type: 'p', text: 'يعاني مزارعو الفرات من شح المياه بسبب الجفاف.' }] });
    await runJobs();
    const related = await relatedOn(pathOf(main, 'politics', 'ar'));
    expect(related[0] === 'الجفاف يقلص مياه نهر الفرات' || related[0] === 'محادثات حول تقاسم مياه دجلة والفرات').toBe(true);
    expect(related.slice(0, 2).sort()).toEqual(['الجفاف يقلص مياه نهر الفرات', 'محادثات حول تقاسم مياه دجلة والفرات'].sort());
    expect(related.every((h) => /[\u0600-\u06FF]/.test(h))).toBe(true);
    // The English original and its Arabic translation are linked as translations, not as related stories.
    expect(await relatedOn(pathOf(ar1, 'politics', 'ar'))).not.toContain('Drought shrinks the Euphrates');
    expect(await relatedOn(pathOf(en))).not.toContain('الجفاف يقلص مياه نهر الفرات');
  });
});

describe('blendRelatedScore', () => {
  const day = (d: number) => new Date(Date.UTC(2024, 0, d));
  const own = { sectionId: 's1', tagIds: ['t1', 't2'], publishedAt: day(10) };
  it('lets content lead and uses tags, section and time to break ties', () => {
    const close = blendRelatedScore(10, 10, own, { sectionId: 's2', tagIds: [], publishedAt: day(1) });
    const tagged = blendRelatedScore(5, 10, own, { sectionId: 's1', tagIds: ['t1', 't2'], publishedAt: day(10) });
    const sameButOlder = blendRelatedScore(10, 10, own, { sectionId: 's2', tagIds: [], publishedAt: day(-300) });
    expect(close).toBeGreaterThan(sameButOlder);
    expect(tagged).toBeGreaterThan(blendRelatedScore(5, 10, own, { sectionId: 's2', tagIds: [], publishedAt: day(10) }));
    expect(blendRelatedScore(0, 0, { ...own, tagIds: [] }, { sectionId: 's2', tagIds: [], publishedAt: null })).toBeGreaterThanOrEqual(0);
  });
});

describe('two changes to the same list at once', () => {
  it('the second waits for the first instead of colliding with it (PostgreSQL locks the article)', async () => {
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map((n) => publishedArticle(site, { headline: `Concurrent list ${n}` })));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = site.deps.db.transaction().execute(async (trx) => {
      await replaceRelatedArticles(trx, a!.id, [{ id: b!.id, score: 1 }]);
      await gate; // still uncommitted while the second starts
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = site.deps.db.transaction().execute((trx) => replaceRelatedArticles(trx, a!.id, [{ id: c!.id, score: 1 }, { id: d!.id, score: 0.5 }]));
    await new Promise((r) => setTimeout(r, 100));
    release();
    await Promise.all([first, second]);
    expect(await storedRelatedIds(site.deps.db, a!.id)).toEqual([c!.id, d!.id]);
  });
});
