import type { AudioLookup } from '../articles/index.js';
import { findAudioRow, listAudioRows } from './audio.repo.js';

/** /audio/<file>: every name carries a content hash, so the file behind a URL never changes. */
export const audioUrl = (fileName: string) => `/audio/${fileName}`;

/** What the article page plays: the current file while one exists, even while a new one is being made. */
export const audioLookup: AudioLookup = {
  async forArticle(db, articleId) {
    const row = await findAudioRow(db, articleId);
    if (!row || row.state === 'off' || !row.file_name || !row.duration_ms || !row.content_type) return null;
    return { url: audioUrl(row.file_name), durationMs: row.duration_ms, contentType: row.content_type };
  },
  async statesOf(db, articleIds) {
    const rows = await listAudioRows(db, articleIds);
    return new Map(rows.map((r) => [r.article_id, { state: r.state, durationMs: r.duration_ms, error: r.error }]));
  },
};
