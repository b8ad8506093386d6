import { createHash } from 'node:crypto';
import { documentToPlainText, parseArticleDocument } from '../../../editor/index.js';
import type { Language } from '../../../platform/i18n/i18n.js';
import { speakable } from './speakable.js';
import type { SpeechText } from './speech-provider.js';

/**
 * What is read aloud: headline, standfirst, then the body's paragraphs, subheadings, list items and
 * quotes with their attribution (documentToPlainText); captions, embeds and rules are left out.
 */
export function articleSpeechText(input: { language: Language; headline: string; standfirst: string; document: unknown }): SpeechText {
  const parsed = parseArticleDocument(input.document);
  const body = parsed.success ? documentToPlainText(parsed.data).split(/\n{2,}/u) : [];
  const segments = [input.headline, input.standfirst, ...body].map((s) => speakable(s, input.language)).filter((s) => s !== '');
  return { language: input.language, segments };
}

/** Identifies the text audio was made from: unchanged text, unchanged audio. */
export function speechTextHash(text: SpeechText): string {
  return createHash('sha256').update(JSON.stringify([text.language, text.segments])).digest('hex');
}

export function wordCount(text: SpeechText): number {
  return text.segments.reduce((n, s) => n + s.split(/\s+/u).filter(Boolean).length, 0);
}
