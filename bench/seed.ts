import { migrations } from '../migrations/index.js';
import { loadConfig } from '../src/config.js';
import { closeDeps, createDeps, type Deps } from '../src/deps.js';
import { documentFromBlocks } from '../src/editor/index.js';
import { articlePath, createArticle, publishArticle, type ArticleInput } from '../src/features/articles/index.js';
import { storeImage } from '../src/features/media/index.js';
import { createPerson } from '../src/features/people/index.js';
import { createSection } from '../src/features/sections/index.js';
import { createTag } from '../src/features/tags/index.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/log.js';
import * as corpus from './corpus.js';

export interface SeedPlan {
  english: number;
  arabic: number;
  /** How many of the Arabic articles are translations of English ones (same group, section, tags). */
  translations: number;
}

export interface SeededArticle {
  language: 'en' | 'ar';
  path: string;
  hasTranslation: boolean;
}

export interface SeedResult {
  ms: number;
  articles: SeededArticle[];
}

const DAY = 86_400_000;
const IMAGES_PER_SECTION = 4;

/**
 * Fills a fresh SQLite database in `dataDir` through the newsroom's own services — createSection,
 * createTag, createPerson, storeImage, createArticle + publishArticle — exactly as the editor and the
 * demo seeder do, so bodies are validated documents rendered by the editor's documentToHtml.
 */
export async function seedDatabase(dataDir: string, plan: SeedPlan, onProgress?: (done: number, total: number) => void): Promise<SeedResult> {
  const started = performance.now();
  // cwd = dataDir so no stray .env from the repo changes the settings.
  const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', NODE_ENV: 'production' }, dataDir);
  const log = createLogger(config.log);
  const deps = await createDeps(config, log);
  try {
    await migrateToLatest(deps.db as never, migrations, log);
    await fill(deps, plan, onProgress);
    const articles = await listArticlePaths(deps);
    return { ms: performance.now() - started, articles };
  } finally {
    await closeDeps(deps);
  }
}

async function fill(deps: Deps, plan: SeedPlan, onProgress?: (done: number, total: number) => void): Promise<void> {
  const rng = corpus.createRng(20261124);
  const now = deps.clock.now();
  for (const [position, s] of corpus.sections.entries()) await createSection(deps.db, { slug: s.slug, name: s.name, position, color: s.color }, now);
  for (const tag of corpus.tags) await createTag(deps.db, tag, now);
  for (const person of corpus.people) await createPerson(deps.db, person, now);

  const images = new Map<string, string[]>();
  for (const s of corpus.sections) {
    const ids: string[] = [];
    for (let i = 0; i < IMAGES_PER_SECTION; i++) {
      const img = await storeImage(deps, { bytes: Buffer.from(corpus.placeholderSvg(s.color, i)), ext: 'svg', contentType: 'image/svg+xml', width: 1200, height: 675 });
      ids.push(img.id);
    }
    images.set(s.slug, ids);
  }

  const total = plan.english + plan.arabic;
  let done = 0;
  const tick = () => {
    done++;
    if (onProgress && (done % 500 === 0 || done === total)) onProgress(done, total);
  };

  const bylines = (lang: 'en' | 'ar'): ArticleInput['bylines'] => {
    const r = rng();
    if (r < 0.12) return [{ name: corpus.pick(rng, corpus.agencies[lang]) }];
    const staff = corpus.pickSome(rng, corpus.people, r < 0.27 ? 2 : 1).map((p) => ({ personSlug: p.slug }));
    return r > 0.95 ? [...staff, { name: corpus.pick(rng, corpus.agencies[lang]) }] : staff;
  };
  const input = (lang: 'en' | 'ar', sectionSlug: string, tagSlugs: string[]): ArticleInput => ({
    language: lang,
    headline: corpus.headline(rng, lang),
    standfirst: corpus.standfirst(rng, lang),
    body: documentFromBlocks(corpus.body(rng, lang, sectionSlug)),
    sectionSlug,
    tagSlugs,
    bylines: bylines(lang),
    featuredImage: {
      mediaId: corpus.pick(rng, images.get(sectionSlug)!),
      caption: lang === 'ar' ? 'صورة توضيحية' : 'An illustration',
      credit: lang === 'ar' ? 'رسم عرب برس' : 'Arab Press illustration',
      alt: lang === 'ar' ? 'شكل هندسي بلون القسم' : 'A shape in the section colour',
    },
  });

  // English: published over the last year, newest last so ids and times both rise.
  const english: { id: string; sectionSlug: string; tagSlugs: string[]; at: number }[] = [];
  for (let i = 0; i < plan.english; i++) {
    const sectionSlug = corpus.pick(rng, corpus.sections).slug;
    const tagSlugs = corpus.pickSome(rng, corpus.tags, corpus.int(rng, 1, 4)).map((t) => t.slug);
    const { id } = await createArticle(deps, input('en', sectionSlug, tagSlugs));
    const at = now.getTime() - 365 * DAY + Math.floor(((i + rng()) / plan.english) * 365 * DAY) - 60_000;
    await publishArticle(deps, id, new Date(at));
    english.push({ id, sectionSlug, tagSlugs, at });
    tick();
  }

  // Arabic: the first `translations` translate distinct English stories, published a little later.
  const originals = corpus.pickSome(rng, english, plan.translations);
  for (let i = 0; i < plan.arabic; i++) {
    const original = originals[i];
    let id: string;
    let at: number;
    if (original) {
      ({ id } = await createArticle(deps, { ...input('ar', original.sectionSlug, original.tagSlugs), translationOf: original.id }));
      at = Math.min(original.at + corpus.int(rng, 5, 240) * 60_000, now.getTime() - 60_000);
    } else {
      const sectionSlug = corpus.pick(rng, corpus.sections).slug;
      ({ id } = await createArticle(deps, input('ar', sectionSlug, corpus.pickSome(rng, corpus.tags, corpus.int(rng, 1, 4)).map((t) => t.slug))));
      at = now.getTime() - 365 * DAY + Math.floor(rng() * 365 * DAY) - 60_000;
    }
    await publishArticle(deps, id, new Date(at));
    tick();
  }
}

/** Every published article's public path, read back from the database the server will use. */
async function listArticlePaths(deps: Deps): Promise<SeededArticle[]> {
  const rows = await deps.db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.language', 'a.slug', 'a.translation_group_id', 's.slug as section_slug'])
    .where('a.status', '=', 'published')
    .orderBy('a.published_at', 'desc')
    .execute();
  const groupSizes = new Map<string, number>();
  for (const r of rows) groupSizes.set(r.translation_group_id, (groupSizes.get(r.translation_group_id) ?? 0) + 1);
  return rows.map((r) => ({ language: r.language, path: articlePath(r.language, r.section_slug, r.slug), hasTranslation: groupSizes.get(r.translation_group_id)! > 1 }));
}
