// Builds the server into dist/: one ESM bundle of src/ (npm packages stay external) plus the assets
// it reads at run time. Fast (well under a second), so `npm start` always runs what is in src/.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/assets', { recursive: true });
await build({
  entryPoints: { main: 'src/main.ts' },
  outdir: 'dist',
  // Dynamic imports become chunks of their own, so SQLite installs never load pg (and vice versa).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  logLevel: 'warning',
  banner: { js: '#!/usr/bin/env node' },
});
cpSync('src/http/assets', 'dist/assets', { recursive: true });
// The WebAssembly voice's worker thread is plain JavaScript, loaded beside the bundle that starts it.
for (const file of ['espeak-wasm.worker.mjs', 'speech-chunks.mjs']) cpSync(`src/features/audio/speech/${file}`, `dist/${file}`);
// The newsroom editor's browser bundle (TipTap), beside the other assets.
await import('./build-client.mjs');
