import type { Insertable } from 'kysely';
import { rebuildSearchIndex } from '../src/features/search/index.js';
import { migrations } from '../migrations/index.js';
import { loadConfig } from '../src/config.js';
import type { DB } from '../src/db-schema.js';
import { closeDeps, createDeps, type Deps } from '../src/deps.js';
import { documentFromBlocks, documentToHtml, documentToPlainText, parseArticleDocument } from '../src/editor/index.js';
import { articleInputSchema, articlePath, createArticle, publishArticle, slugify, type ArticleInput } from '../src/features/articles/index.js';
import { storeImage } from '../src/features/media/index.js';
import { createPerson } from '../src/features/people/index.js';
import { createSection } from '../src/features/sections/index.js';
import { createTag } from '../src/features/tags/index.js';
import { newId } from '../src/platform/db/ids.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { toDbTime } from '../src/platform/db/time.js';
import { createLogger } from '../src/platform/log.js';
import * as corpus from './corpus.js';

export interface SeedPlan {
  english: number;
  arabic: number;
  /** How many of the Arabic articles are translations of English ones (same group, section, tags). */
  translations: number;
}

/**
 * services: every article through createArticle + publishArticle.
 * bulk: rows built with the editor's own parse/toHtml/toPlainText and inserted in batches.
 * auto: services, switching to bulk for the rest if the services would take over `budgetMs` in all.
 */
export type SeedMode = 'services' | 'bulk' | 'auto';

export interface SeededArticle {
  language: 'en' | 'ar';
  path: string;
  hasTranslation: boolean;
}

export interface SeedResult {
  ms: number;
  viaServices: number;
  viaBulk: number;
  /** Why auto mode switched to bulk, if it did. */
  switchReason: string | null;
  articles: SeededArticle[];
}

const DAY = 86_400_000;
const IMAGES_PER_SECTION = 4;
/** Articles made through the services before auto mode judges their pace. */
const PROBE = 500;
const BULK_BATCH = 500;

type Lang = 'en' | 'ar';

/** Fills a fresh SQLite database in `dataDir` with a generated newsroom, using the product's own code. */
export async function seedDatabase(
  dataDir: string,
  plan: SeedPlan,
  opts: {
    mode: SeedMode;
    budgetMs: number;
    onProgress?: (done: number, total: number, via: string) => void;
    /** Another database than dataDir's SQLite file (the search benchmark runs on PostgreSQL too). */
    databaseUrl?: string;
    /** Skip the related-articles pass of the index build (the search benchmark needs only the index). */
    relatedArticles?: boolean;
  },
): Promise<SeedResult> {
  const started = performance.now();
  // cwd = dataDir so no stray .env from the repo changes the settings.
  const config = loadConfig(
    { DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', NODE_ENV: 'production', AUDIO_PROVIDER: 'off', ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}) },
    dataDir,
  );
  const log = createLogger(config.log);
  const deps = await createDeps(config, log);
  try {
    await migrateToLatest(deps.db as never, migrations, log);
    const seeder = new Seeder(deps, plan, opts);
    await seeder.fill();
    // Bulk rows bypass the services that keep the search index: build it now, as the rebuild job would,
    // so the server under test starts with a current index and no background rebuild.
    await rebuildSearchIndex(deps.db, log, deps.clock.now(), { related: opts.relatedArticles ?? true });
    const articles = await listArticlePaths(deps);
    return { ms: performance.now() - started, viaServices: seeder.viaServices, viaBulk: seeder.viaBulk, switchReason: seeder.switchReason, articles };
  } finally {
    await closeDeps(deps);
  }
}

class Seeder {
  private readonly rng = corpus.createRng(20261124);
  private readonly now: Date;
  private readonly total: number;
  private mode: 'services' | 'bulk';
  viaServices = 0;
  viaBulk = 0;
  switchReason: string | null = null;

  private readonly sectionIds = new Map<string, string>();
  private readonly tagIds = new Map<string, string>();
  private readonly personIds = new Map<string, string>();
  private readonly images = new Map<string, string[]>();
  /** Slugs taken per language, so bulk rows get the same "-2" suffixes createArticle would give. */
  private readonly slugs = { en: new Set<string>(), ar: new Set<string>() };
  /** Translation group of each article, needed when a bulk translation follows a services original. */
  private readonly groups = new Map<string, string>();
  // Insertable: columns the newsroom adds later that may be null (e.g. who created it) stay unset, as on import.
  /** When the first article started, and how long set-up (migrations, taxonomy, images) took before it. */
  private articlesStarted = 0;
  private setupMs = 0;
  private pending: { article: Insertable<DB['articles']>; tags: DB['article_tags'][]; bylines: DB['article_bylines'][] }[] = [];

  constructor(
    private readonly deps: Deps,
    private readonly plan: SeedPlan,
    private readonly opts: { mode: SeedMode; budgetMs: number; onProgress?: (done: number, total: number, via: string) => void },
  ) {
    this.now = deps.clock.now();
    this.total = plan.english + plan.arabic;
    this.mode = opts.mode === 'bulk' ? 'bulk' : 'services';
  }

  async fill(): Promise<void> {
    const { deps, rng, now } = this;
    const fillStarted = performance.now();
    for (const [position, s] of corpus.sections.entries()) {
      this.sectionIds.set(s.slug, (await createSection(deps.db, { slug: s.slug, name: s.name, position, color: s.color }, now)).id);
    }
    for (const tag of corpus.tags) this.tagIds.set(tag.slug, (await createTag(deps.db, tag, now)).id);
    for (const person of corpus.people) this.personIds.set(person.slug, (await createPerson(deps.db, person, now)).id);
    for (const s of corpus.sections) {
      const ids: string[] = [];
      for (let i = 0; i < IMAGES_PER_SECTION; i++) {
        const img = await storeImage(deps, { bytes: Buffer.from(corpus.placeholderSvg(s.color, i)), ext: 'svg', contentType: 'image/svg+xml', width: 1200, height: 675 });
        ids.push(img.id);
      }
      this.images.set(s.slug, ids);
    }

    this.articlesStarted = performance.now();
    this.setupMs = this.articlesStarted - fillStarted;

    // English: published over the last year, evenly, so the newest are minutes old.
    const english: { id: string; sectionSlug: string; tagSlugs: string[]; at: number }[] = [];
    for (let i = 0; i < this.plan.english; i++) {
      const sectionSlug = corpus.pick(rng, corpus.sections).slug;
      const tagSlugs = this.someTags();
      const at = now.getTime() - 365 * DAY + Math.floor(((i + rng()) / this.plan.english) * 365 * DAY) - 60_000;
      const id = await this.add(this.input('en', sectionSlug, tagSlugs), at);
      english.push({ id, sectionSlug, tagSlugs, at });
    }

    // Arabic: the first `translations` translate distinct English stories and appear a little later.
    const originals = corpus.pickSome(rng, english, this.plan.translations);
    for (let i = 0; i < this.plan.arabic; i++) {
      const original = originals[i];
      if (original) {
        const at = Math.min(original.at + corpus.int(rng, 5, 240) * 60_000, now.getTime() - 60_000);
        await this.add({ ...this.input('ar', original.sectionSlug, original.tagSlugs), translationOf: original.id }, at);
      } else {
        const sectionSlug = corpus.pick(rng, corpus.sections).slug;
        await this.add(this.input('ar', sectionSlug, this.someTags()), now.getTime() - 365 * DAY + Math.floor(rng() * 365 * DAY) - 60_000);
      }
    }
    await this.flush();
  }

  private someTags(): string[] {
    return corpus.pickSome(this.rng, corpus.tags, corpus.int(this.rng, 1, 4)).map((t) => t.slug);
  }

  private bylines(lang: Lang): ArticleInput['bylines'] {
    const { rng } = this;
    const r = rng();
    if (r < 0.12) return [{ name: corpus.pick(rng, corpus.agencies[lang]) }];
    const staff = corpus.pickSome(rng, corpus.people, r < 0.27 ? 2 : 1).map((p) => ({ personSlug: p.slug }));
    return r > 0.95 ? [...staff, { name: corpus.pick(rng, corpus.agencies[lang]) }] : staff;
  }

  private input(lang: Lang, sectionSlug: string, tagSlugs: string[]): ArticleInput {
    const { rng } = this;
    return {
      language: lang,
      headline: corpus.headline(rng, lang),
      standfirst: corpus.standfirst(rng, lang),
      body: documentFromBlocks(corpus.body(rng, lang, sectionSlug)),
      sectionSlug,
      tagSlugs,
      bylines: this.bylines(lang),
      featuredImage: {
        mediaId: corpus.pick(rng, this.images.get(sectionSlug)!),
        caption: lang === 'ar' ? 'صورة توضيحية' : 'An illustration',
        credit: lang === 'ar' ? 'رسم عرب برس' : 'Arab Press illustration',
        alt: lang === 'ar' ? 'شكل هندسي بلون القسم' : 'A shape in the section colour',
      },
    };
  }

  private async add(input: ArticleInput, at: number): Promise<string> {
    const done = this.viaServices + this.viaBulk;
    if (this.mode === 'services' && this.opts.mode === 'auto' && done === PROBE) {
      const projected = this.setupMs + ((performance.now() - this.articlesStarted) / done) * this.total;
      if (projected > this.opts.budgetMs) {
        this.switchReason = `services projected ${(projected / 1000).toFixed(0)} s for ${this.total} (> ${(this.opts.budgetMs / 1000).toFixed(0)} s)`;
        await this.switchToBulk();
      }
    }
    const id = this.mode === 'services' ? await this.viaService(input, at) : await this.viaRows(input, at);
    const n = this.viaServices + this.viaBulk;
    if (this.opts.onProgress && (n % 1000 === 0 || n === this.total)) this.opts.onProgress(n, this.total, this.mode);
    return id;
  }

  private async viaService(input: ArticleInput, at: number): Promise<string> {
    const { id, slug } = await createArticle(this.deps, input);
    await publishArticle(this.deps, id, new Date(at));
    this.slugs[input.language].add(slug);
    this.viaServices++;
    return id;
  }

  private async switchToBulk(): Promise<void> {
    this.mode = 'bulk';
    for (const r of await this.deps.db.selectFrom('articles').select(['id', 'translation_group_id']).execute()) this.groups.set(r.id, r.translation_group_id);
  }

  /** The row createArticle + publishArticle would write, made with the same validation and renderers. */
  private async viaRows(input: ArticleInput, at: number): Promise<string> {
    const v = articleInputSchema.parse(input);
    const parsed = parseArticleDocument(v.body);
    if (!parsed.success) throw new Error(`generated body is invalid: ${parsed.error.message}`);
    const doc = parsed.data;
    const id = newId();
    const group = v.translationOf ? this.groups.get(v.translationOf)! : newId();
    this.groups.set(id, group);
    const base = slugify(v.slug || v.headline) || 'article';
    let slug = base;
    for (let i = 2; this.slugs[v.language].has(slug); i++) slug = `${base}-${i}`;
    this.slugs[v.language].add(slug);
    const publishedAt = toDbTime(new Date(at));
    this.pending.push({
      article: {
        id,
        translation_group_id: group,
        language: v.language,
        slug,
        status: 'published',
        headline: v.headline,
        standfirst: v.standfirst,
        body_doc: JSON.stringify(doc),
        body_html: documentToHtml(doc),
        body_text: documentToPlainText(doc),
        section_id: this.sectionIds.get(v.sectionSlug)!,
        featured_media_id: v.featuredImage?.mediaId ?? null,
        featured_caption: v.featuredImage?.caption ?? '',
        featured_credit: v.featuredImage?.credit ?? '',
        featured_alt: v.featuredImage?.alt ?? '',
        seo_title: v.seoTitle,
        seo_description: v.seoDescription,
        canonical_url: v.canonicalUrl,
        published_at: publishedAt,
        created_at: toDbTime(this.now),
        // A first publication is not an update (see publishArticle).
        updated_at: publishedAt,
      },
      tags: v.tagSlugs.map((s, position) => ({ article_id: id, tag_id: this.tagIds.get(s)!, position })),
      bylines: v.bylines.map((b, position) =>
        'name' in b ? { article_id: id, position, person_id: null, external_name: b.name } : { article_id: id, position, person_id: this.personIds.get(b.personSlug)!, external_name: null },
      ),
    });
    this.viaBulk++;
    if (this.pending.length >= BULK_BATCH) await this.flush();
    return id;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    const chunks = <T>(rows: T[], size: number) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
    await this.deps.db.transaction().execute(async (trx) => {
      // Articles have 21 columns: 40 rows stay far below SQLite's bound-parameter limit.
      for (const rows of chunks(batch.map((b) => b.article), 40)) await trx.insertInto('articles').values(rows).execute();
      for (const rows of chunks(batch.flatMap((b) => b.tags), 300)) await trx.insertInto('article_tags').values(rows).execute();
      for (const rows of chunks(batch.flatMap((b) => b.bylines), 200)) await trx.insertInto('article_bylines').values(rows).execute();
    });
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
