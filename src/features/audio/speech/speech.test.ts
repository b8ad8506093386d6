import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../../../../tests/fixtures.js';
import { documentFromBlocks } from '../../../editor/index.js';
import { articleSpeechText, speakable, wordCount } from './index.js';
import { createEspeakProcessProvider } from './espeak-process.provider.js';
import { createEspeakWasmProvider } from './espeak-wasm.provider.js';
import { chunksOf } from './speech-chunks.mjs';
import { createSpeechProvider } from './create-speech-provider.js';
import { createLogger } from '../../../platform/log.js';
import { createHttpProvider } from './http.provider.js';
import { SpeechError, type SpeechProvider, type SpeechText } from './speech-provider.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'arabpress-speech-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = (name: string) => path.join(dir, name);

describe('what is read aloud', () => {
  it('reads headline, standfirst, subheadings, quotes with attribution and list items, never captions or embeds', () => {
    const document = documentFromBlocks([
      { type: 'p', text: 'First paragraph.' },
      { type: 'h2', text: 'A subheading' },
      { type: 'quote', text: 'We will rebuild.', cite: 'The mayor' },
      { type: 'image', src: '/media/x.jpg', alt: 'alt text', caption: 'A caption nobody hears' },
    ] as never);
    const text = articleSpeechText({ language: 'en', headline: 'Headline', standfirst: 'Standfirst.', document });
    expect(text.segments.join(' | ')).toBe('Headline | Standfirst. | First paragraph. | A subheading | We will rebuild. — The mayor');
    expect(text.segments.join(' ')).not.toContain('caption');
  });

  it('spells out symbols and abbreviations a voice would misread, in each language', () => {
    expect(speakable('Exports rose 2.5% to $25 billion, the UN said (see https://example.com/x).', 'en')).toBe('Exports rose 2.5 percent to 25 billion dollars, the U.N. said (see ).');
    expect(speakable('GCC & EU talks', 'en')).toBe('G.C.C. and E.U. talks');
    expect(speakable('ارتفعت الصادرات ٢٫٥٪ عام 2024م', 'ar')).toBe('ارتفعت الصادرات ٢٫٥ بالمئة عام 2024 ميلادي');
  });
});

async function expectSpeech(file: string, text: SpeechText): Promise<number> {
  const meta = await parseFile(file, { duration: true });
  expect(meta.format.container).toBe('MPEG');
  expect(meta.format.numberOfChannels).toBe(1);
  expect(meta.format.bitrate).toBeLessThanOrEqual(64_000);
  const seconds = meta.format.duration!;
  const words = wordCount(text);
  // A voice reads 1.5 to 5 words a second; silence, the wrong language or a truncated file would not.
  expect(seconds, `${seconds}s for ${words} words`).toBeGreaterThan(words / 5);
  expect(seconds).toBeLessThan(words / 1.5 + 2);
  return seconds;
}

/** A short English and Arabic text (with an "&" for the SSML), spoken: a plausible length, as reported. */
async function speaksBothLanguages(provider: SpeechProvider, name: string): Promise<void> {
  const en: SpeechText = { language: 'en', segments: ['Ministers met in Riyadh on Sunday to discuss a new railway line.', 'It would link the Gulf to the Red Sea coast & the ports.'] };
  const ar: SpeechText = { language: 'ar', segments: ['اجتمع وزراء في الرياض يوم الأحد لبحث خط سكة حديد جديد.', 'وسيربط الخط الخليج بساحل البحر الأحمر.'] };
  for (const text of [en, ar]) {
    const file = out(`${name}-${text.language}.mp3`);
    const result = await provider.synthesize(text, file);
    const seconds = await expectSpeech(file, text);
    expect(Math.abs(result.durationMs / 1000 - seconds)).toBeLessThan(0.1);
    expect(result.bytes).toBe(readFileSync(file).length);
  }
}

describe('choosing the provider', () => {
  it('uses the installed programs by default, the HTTP service when asked, nothing when off', () => {
    const log = createLogger({ level: 'silent', format: 'json' });
    expect(createSpeechProvider({ provider: 'auto' }, log)?.name).toBe('espeak-ng');
    expect(createSpeechProvider({ provider: 'espeak' }, log)?.name).toBe('espeak-ng');
    expect(createSpeechProvider({ provider: 'http', httpUrl: 'http://127.0.0.1:9/' }, log)?.name).toBe('http');
    expect(createSpeechProvider({ provider: 'off' }, log)).toBeUndefined();
    expect(createSpeechProvider({ provider: 'wasm' }, log)?.name).toBe('espeak-ng-wasm');
  });

  it('falls back to the WebAssembly voice when the programs are not installed', () => {
    const log = createLogger({ level: 'silent', format: 'json' });
    const path = process.env['PATH'];
    // No program can be found: a bare machine.
    process.env['PATH'] = '';
    try {
      expect(createSpeechProvider({ provider: 'auto' }, log)?.name).toBe('espeak-ng-wasm');
      expect(createSpeechProvider({ provider: 'espeak' }, log)?.name).toBe('espeak-ng-wasm');
    } finally {
      process.env['PATH'] = path;
    }
  });
});

describe('the WebAssembly voice', () => {
  const provider = createEspeakWasmProvider();
  it('speaks English and Arabic into mono MP3 of a plausible length, with no program', () => speaksBothLanguages(provider, 'wasm'), 60_000);

  it('speaks a long article in chunks, each encoded and appended as it is made', async () => {
    // Chunks of at most 1,500 characters (the module's 32 MB memory holds about 100 s of samples).
    const paragraph = 'وقال الوزير إن المشروع سيوفر آلاف فرص العمل للشباب في المنطقة خلال السنوات الخمس المقبلة. ';
    const segments = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${paragraph.repeat(2)}`);
    const chunks = chunksOf(segments);
    expect(chunks.flat()).toEqual(segments);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(chunk.length === 1 || chunk.join('').length <= 1500).toBe(true);
    const text: SpeechText = { language: 'ar', segments: segments.slice(0, 24) };
    await provider.synthesize(text, out('wasm-long.mp3'));
    // Every chunk is in the file: the whole text's length of speech, not the first chunk's.
    await expectSpeech(out('wasm-long.mp3'), text);
  }, 180_000);

  it('stops when asked, leaving no file', async () => {
    const controller = new AbortController();
    const text: SpeechText = { language: 'en', segments: Array.from({ length: 40 }, () => 'A long sentence about the economy of the region and its ports. '.repeat(3)) };
    const done = provider.synthesize(text, out('wasm-stopped.mp3'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await expect(done).rejects.toBeInstanceOf(SpeechError);
    expect(() => readFileSync(out('wasm-stopped.mp3'))).toThrow();
  }, 60_000);
});

describe('espeak-ng and ffmpeg', () => {
  const provider = createEspeakProcessProvider();
  it('speaks English and Arabic into mono MP3 of a plausible length', () => speaksBothLanguages(provider, 'programs'), 60_000);

  const sentences = fixturePath('arabic', 'ud-arabic-pud-sentences.tsv');
  it.skipIf(!sentences)('speaks a 3,000-word Arabic article in segments without holding it in memory', async () => {
    const lines = readFileSync(sentences!, 'utf8').split('\n').slice(1).map((l) => l.split('\t')[3] ?? '').filter(Boolean);
    const segments: string[] = [];
    let words = 0;
    for (let i = 0; words < 3000; i += 4) {
      const paragraph = lines.slice(i, i + 4).join(' ');
      segments.push(paragraph);
      words += paragraph.split(/\s+/).length;
    }
    const text: SpeechText = { language: 'ar', segments };
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    await provider.synthesize(text, out('long.mp3'));
    clearInterval(timer);
    await expectSpeech(out('long.mp3'), text);
    // The audio is ~20 minutes (several MB of MP3, far more as raw samples); this process never holds it.
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  }, 300_000);
});

describe('an HTTP speech service', () => {
  it('streams each segment from the service into one file, and tells temporary from permanent refusals', async () => {
    const voice = createEspeakProcessProvider();
    let answer: 'audio' | 500 | 400 | 'html' = 'audio';
    const received: unknown[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', async () => {
        received.push(JSON.parse(body));
        if (answer !== 'audio') {
          res.writeHead(answer === 'html' ? 200 : answer, { 'Content-Type': answer === 'html' ? 'text/html' : 'text/plain' }).end('no');
          return;
        }
        const { text, language } = JSON.parse(body) as { text: string; language: 'en' | 'ar' };
        const file = out(`served-${received.length}.mp3`);
        await voice.synthesize({ language, segments: [text] }, file);
        res.writeHead(200, { 'Content-Type': 'audio/mpeg' }).end(readFileSync(file));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/speak`;
    try {
      const provider = createHttpProvider(url, { ar: 'arabic-voice-1' });
      const text: SpeechText = { language: 'ar', segments: ['مرحبا بكم في عرب برس.', 'هذه نشرة الأخبار.'] };
      await provider.synthesize(text, out('http.mp3'));
      await expectSpeech(out('http.mp3'), text);
      expect(received).toEqual([{ text: 'مرحبا بكم في عرب برس.', language: 'ar', voice: 'arabic-voice-1' }, { text: 'هذه نشرة الأخبار.', language: 'ar', voice: 'arabic-voice-1' }]);
      for (const [kind, temporary] of [[500, true], [400, false], ['html', false]] as const) {
        answer = kind;
        const err = await provider.synthesize(text, out(`fail-${kind}.mp3`)).catch((e: unknown) => e);
        expect(err, String(kind)).toBeInstanceOf(SpeechError);
        expect((err as SpeechError).temporary, String(kind)).toBe(temporary);
      }
      const down = createHttpProvider('http://127.0.0.1:9/speak', {});
      const err = await down.synthesize(text, out('down.mp3')).catch((e: unknown) => e);
      expect((err as SpeechError).temporary).toBe(true);
    } finally {
      server.close();
    }
  }, 60_000);
});
