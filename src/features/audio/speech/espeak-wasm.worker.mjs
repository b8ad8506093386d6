// The WebAssembly voice's worker thread (see espeak-wasm.provider.ts): espeak-ng compiled to WebAssembly
// speaks each chunk of the article into its in-memory file system; a JavaScript MP3 encoder (lamejs)
// encodes the samples and appends them to the output file at once, so only one chunk's audio is ever in
// memory. Plain JavaScript, so the same file runs from the source tree (tests) and beside dist/main.js.
// It runs in its own thread: synthesis takes seconds of CPU, and the web server's event loop must not wait.
import { closeSync, openSync, readFileSync, readlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { chunkSsml, chunksOf } from './speech-chunks.mjs';

/** espeak-ng's WAV output: 16-bit mono PCM at 22,050 Hz behind a 44-byte header. */
const WAV_HEADER_BYTES = 44;
const SAMPLE_RATE = 22050;
/** The same speech bitrate as the espeak-ng program path (48 kb/s mono). */
const KBPS = 48;
/** lamejs encodes whole MPEG frames of 1,152 samples. */
const FRAME = 1152;
const VOICES = { en: 'en-gb', ar: 'ar' };
/**
 * On Linux this thread alone drops to the lowest priority (setpriority on a thread id affects that thread),
 * so the web server's main thread in the same process is scheduled first. Elsewhere nothing changes.
 */
function yieldToReaders() {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) os.setPriority(tid, 19);
  } catch {
    // Not Linux, or not allowed: synthesis runs at normal priority.
  }
}

async function synthesize({ language, segments, outFile }) {
  yieldToReaders();
  const require = createRequire(import.meta.url);
  const { default: ESpeakNg } = await import('espeak-ng');
  const { Mp3Encoder } = await import('@breezystack/lamejs');
  // Compiled once per article; each chunk only instantiates it (about a tenth of a second).
  const wasm = await WebAssembly.compile(readFileSync(require.resolve('espeak-ng').replace(/espeak-ng\.js$/, 'espeak-ng.wasm')));
  const encoder = new Mp3Encoder(1, SAMPLE_RATE, KBPS);
  const out = openSync(outFile, 'w');
  let total = 0;
  try {
    for (const chunk of chunksOf(segments)) {
      const ssml = chunkSsml(chunk);
      const errors = [];
      const espeak = await ESpeakNg({
        arguments: ['-m', '-b', '1', '-v', VOICES[language], '-s', '160', '-w', '/chunk.wav', ssml],
        instantiateWasm(imports, done) {
          WebAssembly.instantiate(wasm, imports).then((instance) => done(instance));
          return {};
        },
        print() {},
        printErr(line) {
          errors.push(line);
        },
      });
      let wav;
      try {
        wav = espeak.FS.readFile('/chunk.wav');
      } catch {
        throw new Error(`espeak-ng (WebAssembly) wrote no audio: ${errors.join(' ').slice(0, 300)}`);
      }
      // A copy of the samples, aligned for 16-bit reads whatever view the file system answered.
      const pcm = wav.slice(WAV_HEADER_BYTES, WAV_HEADER_BYTES + Math.floor((wav.length - WAV_HEADER_BYTES) / 2) * 2);
      const samples = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length / 2);
      total += samples.length;
      for (let i = 0; i < samples.length; i += FRAME) {
        const mp3 = encoder.encodeBuffer(samples.subarray(i, i + FRAME));
        if (mp3.length) writeSync(out, mp3);
      }
    }
    const rest = encoder.flush();
    if (rest.length) writeSync(out, rest);
  } finally {
    closeSync(out);
  }
  return Math.round((total / SAMPLE_RATE) * 1000);
}

if (parentPort && workerData) {
  synthesize(workerData).then(
    (durationMs) => parentPort.postMessage({ ok: true, durationMs }),
    (err) => parentPort.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
}
