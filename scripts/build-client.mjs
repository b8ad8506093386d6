// Bundles the browser code of src/client/ into dist/assets/ (run after scripts/build.mjs, which empties
// dist/). One ES module per entry, minified for browsers of 2020 on; the server content-hashes the file.
// Stylesheets imported by client code travel inside the bundle as text and are adopted at run time.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/**
 * esbuild cannot tree-shake zod's `z` when it is imported as `import { z } from 'zod'` (a re-exported
 * namespace): the bundle then carries every zod locale and JSON-schema tool, about 350 KiB. The
 * namespace import `import * as z from 'zod'` means the same to TypeScript and zod and shakes well, so
 * client builds read it that way. Remove this once src/ writes the namespace import itself.
 */
const zodNamespaceImport = {
  name: 'zod-namespace-import',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(/^import \{ z \} from 'zod';$/m, "import * as z from 'zod';"), loader: 'ts' };
    });
  },
};

mkdirSync('dist/assets', { recursive: true });
const result = await build({
  // admin-editor: the newsroom's editor; site-search: the masthead's results while typing (every site page);
  // site-audio: the Listen player (article pages with audio); site-embeds: click-to-load embeds.
  entryPoints: { 'admin-editor': 'src/client/admin-editor.ts', 'site-search': 'src/site-client/instant-search.ts', 'site-audio': 'src/site-client/audio-player.ts', 'site-embeds': 'src/site-client/embeds.ts', 'newsletter-progress': 'src/client/newsletter-progress.ts', 'site-newsletter': 'src/site-client/newsletter-modal.ts' },
  outdir: 'dist/assets',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2020',
  minify: true,
  // Module scripts are always read as UTF-8; Arabic labels stay readable and a third of the size.
  charset: 'utf8',
  loader: { '.css': 'text' },
  legalComments: 'eof',
  plugins: [zodNamespaceImport],
  metafile: true,
  logLevel: 'warning',
});
for (const file of Object.keys(result.metafile.outputs)) {
  const body = await readFile(file);
  console.log(`${file}  ${(body.length / 1024).toFixed(1)} KiB, ${(gzipSync(body, { level: 9 }).length / 1024).toFixed(1)} KiB gzip`);
}
