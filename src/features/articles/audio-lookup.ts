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

/** A length as a player shows it: m:ss, or h:mm:ss from an hour (the page, the dashboard, the audio page). */
export function audioClock(ms: number): string {
  const s = Math.round(ms / 1000);
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${ss}` : `${Math.floor(s / 60)}:${ss}`;
}
