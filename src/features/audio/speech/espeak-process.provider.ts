import { spawn, spawnSync } from 'node:child_process';
import { rm, stat } from 'node:fs/promises';
import { parseFile } from 'music-metadata';
import { SpeechError, type SpeechProvider, type SpeechResult, type SpeechText } from './speech-provider.js';

/** espeak-ng writes 16-bit mono PCM at 22,050 Hz behind a 44-byte WAV header. */
const WAV_HEADER_BYTES = 44;
const SAMPLE_RATE = 22050;
/** Mono MP3 at 48 kb/s: clear for speech, about 21 MB for two hours. */
const BITRATE = '48k';
const VOICES = { en: 'en-gb', ar: 'ar' } as const;

/** Whether a program can be run: it answers its version flag (ffmpeg spells it -version). */
export function programAvailable(name: string, versionFlag = '--version'): boolean {
  const r = spawnSync(name, [versionFlag], { stdio: 'ignore', timeout: 5000 });
  return r.status === 0;
}

/**
 * The default voice with no network and no downloads: the espeak-ng and ffmpeg programs from the
 * operating system, each a separate process. One ffmpeg encodes the whole article from raw audio on
 * its standard input; espeak-ng speaks one segment at a time into it, so memory stays flat however long
 * the article is, and the work runs outside Node's event loop.
 */
export function createEspeakProcessProvider(): SpeechProvider {
  return {
    name: 'espeak-ng',
    async synthesize(text: SpeechText, outFile: string, options = {}): Promise<SpeechResult> {
      const encoder = spawn('ffmpeg', ['-v', 'error', '-y', '-f', 's16le', '-ar', String(SAMPLE_RATE), '-ac', '1', '-i', 'pipe:0', '-ac', '1', '-codec:a', 'libmp3lame', '-b:a', BITRATE, '-f', 'mp3', outFile], {
        stdio: ['pipe', 'ignore', 'pipe'],
        signal: options.signal,
      });
      let encoderErrors = '';
      encoder.stderr.setEncoding('utf8').on('data', (d: string) => (encoderErrors += d));
      const encoded = new Promise<void>((resolve, reject) => {
        encoder.once('error', (err) => reject(new SpeechError(`ffmpeg could not start: ${err.message}`, false)));
        encoder.once('close', (code) => (code === 0 ? resolve() : reject(new SpeechError(`ffmpeg exited with ${code}: ${encoderErrors.trim().slice(0, 300)}`, false))));
      });
      encoded.catch(() => undefined); // observed below; avoid an unhandled rejection while speaking
      try {
        for (const segment of text.segments) {
          await speakInto(encoder.stdin, segment, text.language, options.signal);
          // A short pause between paragraphs, as a reader would make.
          await write(encoder.stdin, Buffer.alloc(Math.round(SAMPLE_RATE * 0.4) * 2));
        }
        encoder.stdin.end();
        await encoded;
      } catch (err) {
        encoder.kill('SIGKILL');
        await rm(outFile, { force: true });
        throw err instanceof SpeechError ? err : new SpeechError(err instanceof Error ? err.message : String(err), false);
      }
      const [meta, info] = await Promise.all([parseFile(outFile, { duration: true }), stat(outFile)]);
      const seconds = meta.format.duration ?? 0;
      if (!(seconds > 0)) throw new SpeechError('the encoded audio has no duration', false);
      return { durationMs: Math.round(seconds * 1000), bytes: info.size };
    },
  };
}

function write(stream: NodeJS.WritableStream, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
}

/** Runs espeak-ng on one segment and copies its samples (without the WAV header) into the encoder. */
function speakInto(encoderInput: NodeJS.WritableStream, segment: string, language: 'en' | 'ar', signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const speaker = spawn('espeak-ng', ['-v', VOICES[language], '-s', '160', '--stdout', '-b', '1'], { stdio: ['pipe', 'pipe', 'pipe'], signal });
    let skipped = 0;
    let errors = '';
    speaker.stderr.setEncoding('utf8').on('data', (d: string) => (errors += d));
    speaker.stdout.on('data', (chunk: Buffer) => {
      let data = chunk;
      if (skipped < WAV_HEADER_BYTES) {
        const skip = Math.min(WAV_HEADER_BYTES - skipped, data.length);
        skipped += skip;
        data = data.subarray(skip);
      }
      if (data.length && !encoderInput.write(data)) {
        speaker.stdout.pause();
        encoderInput.once('drain', () => speaker.stdout.resume());
      }
    });
    speaker.once('error', (err) => reject(new SpeechError(`espeak-ng could not start: ${err.message}`, false)));
    speaker.once('close', (code) => (code === 0 ? resolve() : reject(new SpeechError(`espeak-ng exited with ${code}: ${errors.trim().slice(0, 300)}`, false))));
    // -b 1: the text is UTF-8.
    speaker.stdin.end(segment, 'utf8');
  });
}
