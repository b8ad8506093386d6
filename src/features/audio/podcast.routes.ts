import { create } from 'xmlbuilder2';
import { v5 as uuidv5 } from 'uuid';
import sharp from 'sharp';
import { pathParam, publicRoute, type AppContext, type RouteDef } from '../../http/access.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db-schema.js';
import { fromDbTime } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { createTranslator, type Language } from '../../platform/i18n/i18n.js';
import { articlePath } from '../articles/index.js';
import { listSections } from '../sections/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import { audioUrl } from './audio-lookup.js';
import { listEpisodes } from './podcast.repo.js';

export const PODCAST_EPISODES = 50;
/** The Podcasting 2.0 namespace's own UUID, from which every podcast:guid is derived (its spec). */
const PODCAST_GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';
const COVER_PATH = '/podcast-cover.png';

/**
 * The news as a podcast: an RSS 2.0 feed per language (/podcast.xml, /ar/podcast.xml) and per section
 * (/<section>/podcast.xml) of the articles whose audio is ready, with the enclosure, duration and the
 * iTunes and Podcasting 2.0 tags podcast apps read. Built with an XML library, never by string pasting.
 */
export function podcastRoutes(deps: { db: Db; config: Config }): RouteDef[] {
  const origin = (c: AppContext) => deps.config.publicUrl ?? new URL(c.req.url).origin;

  async function feed(c: AppContext, lang: Language, sectionSlug: string | undefined): Promise<Response> {
    const [settings, sections] = await Promise.all([getSiteSettings(deps.db), listSections(deps.db)]);
    const section = sectionSlug === undefined ? undefined : sections.find((s) => s.slug === sectionSlug);
    if (sectionSlug !== undefined && !section) throw new AppError('NOT_FOUND', 404, 'error.notFound');
    const t = createTranslator(lang, 'latn');
    const base = origin(c);
    const prefix = lang === 'ar' ? '/ar' : '';
    const self = `${base}${prefix}${section ? `/${section.slug}` : ''}/podcast.xml`;
    const siteName = settings.name[lang];
    const title = section ? `${siteName}: ${section.name[lang]}` : siteName;
    const episodes = await listEpisodes(deps.db, lang, section?.id, PODCAST_EPISODES);
    const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', {
      version: '2.0',
      'xmlns:itunes': 'http://www.itunes.com/dtds/podcast-1.0.dtd',
      'xmlns:podcast': 'https://podcastindex.org/namespace/1.0',
      'xmlns:atom': 'http://www.w3.org/2005/Atom',
      'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    });
    const ch = doc.ele('channel');
    ch.ele('title').txt(title);
    ch.ele('link').txt(`${base}${section ? `${prefix}/${section.slug}/` : `${prefix}/`}`);
    ch.ele('atom:link', { href: self, rel: 'self', type: 'application/rss+xml' });
    ch.ele('description').txt(`${t.t('audio.podcastDescription')} ${t.t('site.footerAbout')}`);
    ch.ele('language').txt(lang);
    ch.ele('copyright').txt(`© ${siteName}`);
    ch.ele('generator').txt('Arab Press');
    if (episodes[0]) ch.ele('lastBuildDate').txt(fromDbTime(episodes[0].updated_at).toUTCString());
    ch.ele('itunes:author').txt(siteName);
    ch.ele('itunes:summary').txt(t.t('audio.podcastDescription'));
    ch.ele('itunes:type').txt('episodic');
    ch.ele('itunes:explicit').txt('false');
    ch.ele('itunes:image', { href: `${base}${COVER_PATH}` });
    ch.ele('itunes:category', { text: 'News' }).ele('itunes:category', { text: 'Daily News' });
    ch.ele('itunes:owner').ele('itunes:name').txt(siteName);
    ch.ele('image').ele('url').txt(`${base}${COVER_PATH}`).up().ele('title').txt(title).up().ele('link').txt(`${base}${prefix}/`);
    ch.ele('podcast:guid').txt(uuidv5(self.replace(/^[a-z]+:\/\//, '').replace(/\/$/, ''), PODCAST_GUID_NAMESPACE));
    ch.ele('podcast:locked').txt('no');
    ch.ele('podcast:medium').txt('podcast');
    for (const e of episodes) {
      const link = `${base}${articlePath(lang, e.section_slug, e.slug)}`;
      const item = ch.ele('item');
      item.ele('title').txt(e.headline);
      item.ele('link').txt(link);
      item.ele('guid', { isPermaLink: 'false' }).txt(`arabpress-audio-${e.id}`);
      item.ele('pubDate').txt(fromDbTime(e.published_at ?? e.updated_at).toUTCString());
      item.ele('description').txt(e.standfirst || e.headline);
      item.ele('enclosure', { url: `${base}${audioUrl(e.file_name)}`, length: String(e.bytes), type: e.content_type });
      item.ele('itunes:title').txt(e.headline);
      item.ele('itunes:duration').txt(String(Math.max(1, Math.round(e.duration_ms / 1000))));
      item.ele('itunes:episodeType').txt('full');
      item.ele('itunes:explicit').txt('false');
    }
    c.header('Content-Type', 'application/rss+xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(doc.end({ prettyPrint: false }));
  }

  let cover: Promise<Buffer> | undefined;
  return [
    publicRoute('GET', '/podcast.xml', (c) => feed(c, 'en', undefined)),
    publicRoute('GET', '/ar/podcast.xml', (c) => feed(c, 'ar', undefined)),
    publicRoute('GET', '/:section/podcast.xml', (c) => feed(c, 'en', pathParam(c, 'section'))),
    publicRoute('GET', '/ar/:section/podcast.xml', (c) => feed(c, 'ar', pathParam(c, 'section'))),
    // Podcast apps want a square JPEG or PNG of 1400–3000 px: drawn once, held in memory.
    publicRoute('GET', COVER_PATH, async (c) => {
      cover ??= sharp(Buffer.from(COVER_SVG)).png({ compressionLevel: 9 }).toBuffer();
      c.header('Content-Type', 'image/png');
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(new Uint8Array(await cover));
    }),
  ];
}

// The masthead's red with a simple sound-wave emblem: no text, so no font has to be installed to draw it.
const COVER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="1400" viewBox="0 0 1400 1400">
<rect width="1400" height="1400" fill="#8a1c1c"/>
<rect x="100" y="100" width="1200" height="1200" rx="80" fill="none" stroke="#fcfbf8" stroke-width="24"/>
${[220, 380, 520, 700, 520, 380, 220].map((h, i) => `<rect x="${325 + i * 110}" y="${700 - h / 2}" width="60" height="${h}" rx="30" fill="#fcfbf8"/>`).join('')}
</svg>`;
