import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chunkSsml, chunksOf } from './speech-chunks.mjs';
import { SpeechError, type SpeechProvider, type SpeechResult, type SpeechText } from './speech-provider.js';

/** espeak-ng writes 16-bit mono PCM at 22,050 Hz behind a 44-byte WAV header. */
const WAV_HEADER_BYTES = 44;
const SAMPLE_RATE = 22050;
/** Mono MP3 at 48 kb/s: clear for speech, about 21 MB for two hours. */
const BITRATE = '48k';
const VOICES = { en: 'en-gb', ar: 'ar' } as const;

/**
 * Synthesis yields the CPU to readers. Where util-linux's `chrt` is installed (Debian's base system), both
 * programs run under SCHED_IDLE: the moment a web process has work, the kernel runs it instead. Either way
 * they also run at nice 19, so on a small machine pages stay fast (`npm run bench`).
 */
let idleScheduling: boolean | undefined;
function idleCommand(program: string, args: string[]): [string, string[]] {
  idleScheduling ??= programAvailable('chrt', '--version');
  return idleScheduling ? ['chrt', ['--idle', '0', program, ...args]] : [program, args];
}

function lowPriority<T extends ChildProcess>(child: T): T {
  try {
    if (child.pid !== undefined) os.setPriority(child.pid, 19);
  } catch {
    // Not allowed here (some containers): the work still runs, only at normal priority.
  }
  return child;
}

/** Whether a program can be run: it answers its version flag (ffmpeg spells it -version). */
export function programAvailable(name: string, versionFlag = '--version'): boolean {
  const r = spawnSync(name, [versionFlag], { stdio: 'ignore', timeout: 5000 });
  return r.status === 0;
}

/**
 * The default voice with no network and no downloads: the espeak-ng and ffmpeg programs from the
 * operating system, run by one shell per article. espeak-ng speaks the article a chunk at a time (≤ 1,500
 * characters of SSML, a pause after each paragraph) into WAV files in a temporary folder; ffmpeg joins
 * and encodes them. No sample passes through Node (the web process's event loop stays free), memory stays
 * flat however long the article is, and the temporary files go when it is done.
 */
export function createEspeakProcessProvider(): SpeechProvider {
  return {
    name: 'espeak-ng',
    async synthesize(text: SpeechText, outFile: string, options = {}): Promise<SpeechResult> {
      const work = await mkdtemp(path.join(os.tmpdir(), 'arabpress-speech-'));
      try {
        const chunks = chunksOf(text.segments);
        await Promise.all(chunks.map((chunk, i) => writeFile(path.join(work, `${i}.ssml`), chunkSsml(chunk))));
        await writeFile(path.join(work, 'chunks.txt'), chunks.map((_, i) => `file '${path.join(work, `${i}.wav`)}'`).join('\n'));
        // One process started per article, whatever its length: starting a process pauses the event loop
        // of the (large) process that starts it, so the web process starts one shell, not one per chunk.
        await run('sh', ['-c', PIPELINE, 'arabpress-speech', work, VOICES[text.language], String(chunks.length), BITRATE, outFile], options.signal);
        let sampleBytes = 0;
        for (let i = 0; i < chunks.length; i++) sampleBytes += Math.max(0, (await stat(path.join(work, `${i}.wav`))).size - WAV_HEADER_BYTES);
        // The duration is the samples spoken, from the WAV sizes: scanning every frame of the MP3 to
        // measure it would hold the event loop for tens of milliseconds on a long article.
        if (!(sampleBytes > 0)) throw new SpeechError('espeak-ng produced no audio', false);
        return { durationMs: Math.round((sampleBytes / 2 / SAMPLE_RATE) * 1000), bytes: (await stat(outFile)).size };
      } catch (err) {
        await rm(outFile, { force: true });
        throw err instanceof SpeechError ? err : new SpeechError(err instanceof Error ? err.message : String(err), false);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The whole synthesis as one shell: espeak-ng speaks each chunk's SSML file (-m: SSML; -b 1: UTF-8; -w: a WAV
 * of 16-bit mono at 22,050 Hz), then ffmpeg joins the WAVs (concat list) and encodes the MP3.
 * Arguments: work folder, voice, chunk count, bitrate, output file.
 */
const PIPELINE = [
  'set -e',
  'dir="$1"; voice="$2"; n="$3"; bitrate="$4"; out="$5"; i=0',
  'while [ "$i" -lt "$n" ]; do espeak-ng -m -b 1 -v "$voice" -s 160 -w "$dir/$i.wav" -f "$dir/$i.ssml"; i=$((i + 1)); done',
  'exec ffmpeg -v error -y -f concat -safe 0 -i "$dir/chunks.txt" -ac 1 -codec:a libmp3lame -b:a "$bitrate" -f mp3 "$out"',
].join('\n');

/** Runs one program at idle priority; rejects with what it said on failure. */
function run(program: string, args: string[], signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const [command, commandArgs] = idleCommand(program, args);
    const child = lowPriority(spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'], signal }));
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (errors = (errors + d).slice(-2000)));
    child.once('error', (err) => reject(new SpeechError(`${program} could not start: ${err.message}`, false)));
    child.once('close', (code) => (code === 0 ? resolve() : reject(new SpeechError(`${program} exited with ${code}: ${errors.trim().slice(0, 300)}`, false))));
  });
}
