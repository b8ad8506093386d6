import type { Language } from '../../../platform/i18n/i18n.js';

/**
 * Text to speech, behind one interface so a newsroom can choose the voice by a setting (AUDIO_PROVIDER)
 * without code. The audio feature gives a provider the article's prepared text and a file path; the
 * provider writes an MP3 (mono, speech bitrate) there and reports what it wrote.
 */
export interface SpeechText {
  language: Language;
  /** Paragraph-sized pieces in reading order (headline, standfirst, body blocks), already prepared for
   *  speaking: numbers, dates and abbreviations spelled as a reader would say them. */
  segments: string[];
}

export interface SpeechResult {
  /** Measured from the encoded file, not estimated. */
  durationMs: number;
  bytes: number;
}

export interface SpeechProvider {
  /** For logs and the admin: 'espeak-ng', 'espeak-ng-wasm', 'http'. */
  readonly name: string;
  /** Writes the MP3 to outFile (replacing it). Long texts are synthesized in chunks and joined; the whole
   *  article's audio is never held in memory at once. Throws SpeechError on failure. */
  synthesize(text: SpeechText, outFile: string, options?: { signal?: AbortSignal }): Promise<SpeechResult>;
}

export class SpeechError extends Error {
  constructor(
    message: string,
    /** Worth retrying later (a network error, a busy service) or not (bad input, missing voice). */
    readonly temporary: boolean,
  ) {
    super(message);
    this.name = 'SpeechError';
  }
}
