/** Types of speech-chunks.mjs (plain JavaScript so the worker thread can load it unbuilt). */
export declare function chunksOf(segments: readonly string[]): string[][];
export declare function chunkSsml(chunk: readonly string[]): string;
