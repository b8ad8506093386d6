// How an article is cut for speaking, shared by both espeak-ng voices (the programs and the WebAssembly
// build). Plain JavaScript so the WebAssembly voice's worker thread can load it unbuilt; the build copies
// it beside dist/main.js with the worker.

/**
 * At most this many characters a chunk: the WebAssembly module's memory is fixed at 32 MB, and ~1,500
 * characters are about 100 s, 4.4 MB of samples. The programs use the same chunks (fewer processes).
 */
const CHUNK_CHARS = 1500;

const escapeSsml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One chunk as SSML for espeak-ng's -m: the text escaped, a pause after each paragraph as a reader makes. */
export function chunkSsml(chunk) {
  return `<speak>${chunk.map(escapeSsml).join('<break time="400ms"/>')}<break time="400ms"/></speak>`;
}

/** Segments grouped into chunks of at most CHUNK_CHARS (a longer segment is a chunk of its own). */
export function chunksOf(segments) {
  const chunks = [];
  let current = [];
  let size = 0;
  for (const segment of segments) {
    if (current.length && size + segment.length > CHUNK_CHARS) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(segment);
    size += segment.length;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
