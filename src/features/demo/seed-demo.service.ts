import { documentFromBlocks } from '../../editor/index.js';
import { createDateFormatter, zonedLocalToUtc } from '../../platform/i18n/dates.js';
import { createArticle, hasAnyArticle, publishArticle, type ArticleDeps } from '../articles/index.js';
import { storeImage, type MediaDeps } from '../media/index.js';
import { createPerson } from '../people/index.js';
import { createSection } from '../sections/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import { createTag } from '../tags/index.js';
import { arabicArticles } from './content/articles.ar.js';
import { englishArticles } from './content/articles.en.js';
import { demoPeople, demoSections, demoTags } from './content/taxonomy.js';
import type { DemoArticle } from './demo-article.js';
import { demoImageSvg } from './demo-image.js';

export type DemoDeps = ArticleDeps & MediaDeps & { log: { info(obj: object, msg: string): void } };

const PEOPLE = new Set(demoPeople.map((p) => p.slug));

/** UTC instant of `hour`:00 local time, `daysAgo` days before now, in the site's time zone. */
export function localPublicationTime(now: Date, daysAgo: number, hour: number, timeZone: string): Date {
  const day = createDateFormatter('en', timeZone, 'latn').dayKey(new Date(now.getTime() - daysAgo * 86_400_000));
  return zonedLocalToUtc(`${day}T${String(hour).padStart(2, '0')}:00`, timeZone)!;
}

/** Fills an empty database with the team's demo newsroom. Does nothing if any article exists. */
export async function seedDemoIfEmpty(deps: DemoDeps): Promise<boolean> {
  if (await hasAnyArticle(deps.db)) return false;
  const now = deps.clock.now();
  const settings = await getSiteSettings(deps.db);
  const colors = new Map<string, string>();
  for (const [position, s] of demoSections.entries()) {
    await createSection(deps.db, { slug: s.slug, name: s.name, position, color: s.color }, now);
    colors.set(s.slug, s.color);
  }
  for (const tag of demoTags) await createTag(deps.db, tag, now);
  for (const person of demoPeople) await createPerson(deps.db, person, now);

  const idsByKey = new Map<string, string>();
  const publishedAt = new Map<string, Date>();
  const publish = async (a: DemoArticle, language: 'en' | 'ar', order: number) => {
    const svg = Buffer.from(demoImageSvg(a.translationKey ?? a.key, colors.get(a.section) ?? '#555555'));
    const image = await storeImage(deps, { bytes: svg, ext: 'svg', contentType: 'image/svg+xml', width: 1200, height: 675 });
    const { id } = await createArticle(deps, {
      language,
      headline: a.headline,
      standfirst: a.standfirst,
      body: documentFromBlocks(a.body),
      sectionSlug: a.section,
      tagSlugs: a.tags,
      bylines: a.bylines.map((b) => (PEOPLE.has(b) ? { personSlug: b } : { name: b })),
      featuredImage: { mediaId: image.id, caption: a.imageCaption, credit: language === 'ar' ? 'رسم عرب برس' : 'Arab Press illustration', alt: a.imageAlt },
      translationOf: a.translationKey ? idsByKey.get(a.translationKey) : undefined,
    });
    idsByKey.set(a.key, id);
    // Stories "published today" at a later hour would be in the future: keep them just before now.
    let at = localPublicationTime(now, a.daysAgo, a.hour, settings.timeZone);
    if (at > now) at = new Date(now.getTime() - (order + 1) * 7 * 60_000);
    // A translation follows its original, never precedes it.
    const original = a.translationKey ? publishedAt.get(a.translationKey) : undefined;
    if (original && at <= original) at = new Date(Math.min(original.getTime() + 90 * 60_000, now.getTime() - order * 1000));
    publishedAt.set(a.key, at);
    await publishArticle(deps, id, at);
  };
  let order = 0;
  for (const a of englishArticles) await publish(a, 'en', order++);
  for (const a of arabicArticles) await publish(a, 'ar', order++);
  deps.log.info({ english: englishArticles.length, arabic: arabicArticles.length }, 'demo content created');
  return true;
}
