import type { Db } from '../../db-schema.js';
import type { Language } from '../../platform/i18n/i18n.js';

export interface EpisodeRow {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  published_at: string | null;
  updated_at: string;
  section_slug: string;
  file_name: string;
  content_type: string;
  bytes: number;
  duration_ms: number;
}

/** The newest published articles in a language (and section) whose audio is ready. */
export function listEpisodes(db: Db, language: Language, sectionId: string | undefined, limit: number): Promise<EpisodeRow[]> {
  let q = db
    .selectFrom('article_audio as au')
    .innerJoin('articles as a', 'a.id', 'au.article_id')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.id', 'a.slug', 'a.headline', 'a.standfirst', 'a.published_at', 'a.updated_at', 's.slug as section_slug', 'au.file_name', 'au.content_type', 'au.bytes', 'au.duration_ms'])
    .where('a.status', '=', 'published')
    .where('a.language', '=', language)
    .where('au.state', '=', 'ready')
    .where('au.file_name', 'is not', null)
    .orderBy('a.published_at', 'desc')
    .limit(limit);
  if (sectionId) q = q.where('a.section_id', '=', sectionId);
  return q.execute() as Promise<EpisodeRow[]>;
}
