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
  /** Where each article's audio stands, for the newsroom's lists; absent: none asked for yet. */
  statesOf(db: Db, articleIds: readonly string[]): Promise<Map<string, ArticleAudioState>>;
}

export interface ArticleAudioState {
  state: 'pending' | 'ready' | 'failed' | 'off';
  durationMs: number | null;
  /** Why it failed, as the job recorded it. */
  error: string | null;
}
