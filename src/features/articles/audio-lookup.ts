import type { Db } from '../../db-schema.js';

/** An article's playable audio, as the article page needs it. */
export interface ArticleAudio {
  url: string;
  durationMs: number;
  contentType: string;
}

/**
 * Given by the caller (the audio feature's), so articles does not depend on audio: audio reads articles'
 * text to make the sound; articles only asks whether there is any.
 */
export interface AudioLookup {
  forArticle(db: Db, articleId: string): Promise<ArticleAudio | null>;
}
