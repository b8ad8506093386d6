export type AudioState = 'pending' | 'ready' | 'failed' | 'off';
export type AudioSource = 'synthetic' | 'narration';

export interface ArticleAudioTable {
  article_id: string;
  state: AudioState;
  source: AudioSource;
  file_name: string | null;
  content_type: string | null;
  bytes: number | null;
  duration_ms: number | null;
  text_hash: string | null;
  provider: string | null;
  error: string | null;
  updated_at: string;
}
