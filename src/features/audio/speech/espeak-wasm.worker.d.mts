/** Types of espeak-wasm.worker.mjs (plain JavaScript so it runs unbuilt in a worker thread). */
export declare function chunksOf(segments: readonly string[]): string[][];
export declare function chunkSsml(chunk: readonly string[]): string;
