import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { rm, stat } from 'node:fs/promises';
import { chunkSsml, chunksOf } from './espeak-wasm.worker.mjs';
import { SpeechError, type SpeechProvider, type SpeechResult, type SpeechText } from './speech-provider.js';

/** espeak-ng writes 16-bit mono PCM at 22,050 Hz behind a 44-byte WAV header. */
const WAV_HEADER_BYTES = 44;
const SAMPLE_RATE = 22050;
/** Mono MP3 at 48 kb/s: clear for speech, about 21 MB for two hours. */
const BITRATE = '48k';
const VOICES = { en: 'en-gb', ar: 'ar' } as const;

/**
 * Synthesis yields the CPU to readers: both programs run at the lowest priority (nice 19), so on a small
 * machine the web process (same or another) is scheduled first and pages stay fast (`npm run bench`).
 */
function lowPriority(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) os.setPriority(child.pid, 19);
  } catch {
    // Not allowed here (some containers): the work still runs, only at normal priority.
  }
}

/** Whether a program can be run: it answers its version flag (ffmpeg spells it -version). */
export function programAvailable(name: string, versionFlag = '--version'): boolean {
  const r = spawnSync(name, [versionFlag], { stdio: 'ignore', timeout: 5000 });
  return r.status === 0;
}

/**
 * The default voice with no network and no downloads: the espeak-ng and ffmpeg programs from the
 * operating system, each a separate process. One ffmpeg encodes the whole article from raw audio on
 * its standard input; espeak-ng speaks the article into it a chunk at a time, so memory stays flat however long
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
      lowPriority(encoder);
      let encoderErrors = '';
      encoder.stderr.setEncoding('utf8').on('data', (d: string) => (encoderErrors += d));
      const encoded = new Promise<void>((resolve, reject) => {
        encoder.once('error', (err) => reject(new SpeechError(`ffmpeg could not start: ${err.message}`, false)));
        encoder.once('close', (code) => (code === 0 ? resolve() : reject(new SpeechError(`ffmpeg exited with ${code}: ${encoderErrors.trim().slice(0, 300)}`, false))));
      });
      encoded.catch(() => undefined); // observed below; avoid an unhandled rejection while speaking
      let samples = 0;
      try {
        // A few chunks per article (the same ≤ 1,500-character SSML chunks as the WebAssembly voice, with
        // the pause after each paragraph), not one process per paragraph: every spawn costs the event loop.
        let sampleBytes = 0;
        for (const chunk of chunksOf(text.segments)) sampleBytes += await speakInto(encoder.stdin, chunkSsml(chunk), text.language, options.signal);
        samples = sampleBytes / 2;
        encoder.stdin.end();
        await encoded;
      } catch (err) {
        encoder.kill('SIGKILL');
        await rm(outFile, { force: true });
        throw err instanceof SpeechError ? err : new SpeechError(err instanceof Error ? err.message : String(err), false);
      }
      // The duration is the samples spoken, counted on the way: scanning every frame of the MP3 to measure
      // it would take tens of milliseconds of the web process's event loop for a long article.
      if (!(samples > 0)) throw new SpeechError('espeak-ng produced no audio', false);
      return { durationMs: Math.round((samples / SAMPLE_RATE) * 1000), bytes: (await stat(outFile)).size };
    },
  };
}

/** Runs espeak-ng on one chunk (SSML), copies its samples (without the WAV header) into the encoder, and answers their bytes. */
function speakInto(encoderInput: NodeJS.WritableStream, ssml: string, language: 'en' | 'ar', signal?: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const speaker = spawn('espeak-ng', ['-m', '-v', VOICES[language], '-s', '160', '--stdout', '-b', '1'], { stdio: ['pipe', 'pipe', 'pipe'], signal });
    lowPriority(speaker);
    let skipped = 0;
    let copied = 0;
    let errors = '';
    speaker.stderr.setEncoding('utf8').on('data', (d: string) => (errors += d));
    speaker.stdout.on('data', (chunk: Buffer) => {
      let data = chunk;
      if (skipped < WAV_HEADER_BYTES) {
        const skip = Math.min(WAV_HEADER_BYTES - skipped, data.length);
        skipped += skip;
        data = data.subarray(skip);
      }
      copied += data.length;
      if (data.length && !encoderInput.write(data)) {
        speaker.stdout.pause();
        encoderInput.once('drain', () => speaker.stdout.resume());
      }
    });
    speaker.once('error', (err) => reject(new SpeechError(`espeak-ng could not start: ${err.message}`, false)));
    speaker.once('close', (code) => (code === 0 ? resolve(copied) : reject(new SpeechError(`espeak-ng exited with ${code}: ${errors.trim().slice(0, 300)}`, false))));
    // -m: SSML; -b 1: the text is UTF-8.
    speaker.stdin.end(ssml, 'utf8');
  });
}
