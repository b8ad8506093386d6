import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { parseFile } from 'music-metadata';
import type { Language } from '../../../platform/i18n/i18n.js';
import { SpeechError, type SpeechProvider, type SpeechResult, type SpeechText } from './speech-provider.js';

const TIMEOUT_MS = 60_000;

/**
 * A text-to-speech service over HTTP, so a newsroom can plug in a better voice without code: for each
 * segment it POSTs JSON {text, language, voice} to the configured URL and expects audio/mpeg back. MP3
 * frames can be appended one after another, so segments are streamed into the file as they arrive.
 * A 5xx, 429 or network failure is temporary (the job retries later); any other refusal is permanent.
 */
export function createHttpProvider(url: string, voices: Partial<Record<Language, string>>, fetchImpl: typeof fetch = fetch): SpeechProvider {
  return {
    name: 'http',
    async synthesize(text: SpeechText, outFile: string, options = {}): Promise<SpeechResult> {
      const out = createWriteStream(outFile);
      try {
        for (const segment of text.segments) {
          const signal = AbortSignal.any([AbortSignal.timeout(TIMEOUT_MS), ...(options.signal ? [options.signal] : [])]);
          let res: Response;
          try {
            res = await fetchImpl(url, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Accept: 'audio/mpeg' },
              body: JSON.stringify({ text: segment, language: text.language, voice: voices[text.language] ?? null }),
              signal,
            });
          } catch (err) {
            throw new SpeechError(`speech service unreachable: ${err instanceof Error ? err.message : String(err)}`, true);
          }
          if (!res.ok) throw new SpeechError(`speech service answered ${res.status}`, res.status >= 500 || res.status === 429);
          if (!(res.headers.get('content-type') ?? '').startsWith('audio/mpeg')) throw new SpeechError(`speech service sent ${res.headers.get('content-type') ?? 'no type'}, not audio/mpeg`, false);
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
            if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
          }
        }
        await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      } catch (err) {
        out.destroy();
        await rm(outFile, { force: true });
        throw err;
      }
      const [meta, info] = await Promise.all([parseFile(outFile, { duration: true }), stat(outFile)]);
      const seconds = meta.format.duration ?? 0;
      if (!(seconds > 0)) throw new SpeechError('the speech service sent audio without a duration', false);
      return { durationMs: Math.round(seconds * 1000), bytes: info.size };
    },
  };
}
