import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';

/**
 * Static assets held in memory with content-hashed URLs (cached for a year) and their compressed
 * forms made once at start. Fonts are self-hosted from npm font packages: no request leaves our host.
 */
export interface Asset {
  url: string;
  contentType: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

export interface Assets {
  css: Asset;
  adminCss: Asset;
  /** The newsroom editor's script, when it has been built (scripts/build-client.mjs); absent in a source-only checkout. */
  adminEditorJs: Asset | undefined;
  /** The masthead's instant search and the article's Listen player, likewise built by scripts/build-client.mjs. */
  siteSearchJs: Asset | undefined;
  siteAudioJs: Asset | undefined;
  siteEmbedsJs: Asset | undefined;
  /** The newsletter signup dialog of article pages. */
  siteNewsletterJs: Asset | undefined;
  fonts: { latin400: Asset; latin700: Asset; arabic400: Asset; arabic700: Asset };
  byUrl: Map<string, Asset>;
}

// In the source tree this file sits in src/http/ and the stylesheet in src/http/assets/; the build
// copies it to dist/assets/ beside the bundle, so the same relative path works in both.
const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return path.dirname(require.resolve(name));
}

function asset(urlPrefix: string, name: string, ext: string, contentType: string, body: Buffer, compress: boolean): Asset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
  const a: Asset = { url: `${urlPrefix}${name}.${hash}.${ext}`, contentType, body };
  if (compress) {
    // Start-up time matters (first byte within 2 s): the best brotli level only for small files.
    const quality = body.length > 64 * 1024 ? 5 : 11;
    a.gzip = gzipSync(body, { level: 9 });
    a.br = brotliCompressSync(body, { params: { [zc.BROTLI_PARAM_QUALITY]: quality } });
  }
  return a;
}

export function loadAssets(): Assets {
  const cssFile = path.join(here, 'assets', 'site.css');
  if (!existsSync(cssFile)) throw new Error(`site.css not found at ${cssFile}`);
  const css = asset('/assets/', 'site', 'css', 'text/css; charset=utf-8', readFileSync(cssFile), false);
  const font = (pkg: string, file: string, name: string) =>
    asset('/assets/fonts/', name, 'woff2', 'font/woff2', readFileSync(path.join(packageDir(pkg), 'files', file)), false);
  const fonts = {
    latin400: font('@fontsource/source-serif-4', 'source-serif-4-latin-400-normal.woff2', 'serif-400'),
    latin700: font('@fontsource/source-serif-4', 'source-serif-4-latin-700-normal.woff2', 'serif-700'),
    arabic400: font('@fontsource/noto-naskh-arabic', 'noto-naskh-arabic-arabic-400-normal.woff2', 'naskh-400'),
    arabic700: font('@fontsource/noto-naskh-arabic', 'noto-naskh-arabic-arabic-700-normal.woff2', 'naskh-700'),
  };
  // The stylesheet names fonts by stable placeholders; point them at the hashed URLs.
  const cssText = css.body
    .toString('utf8')
    .replaceAll('url(/fonts/serif-400.woff2)', `url(${fonts.latin400.url})`)
    .replaceAll('url(/fonts/serif-700.woff2)', `url(${fonts.latin700.url})`)
    .replaceAll('url(/fonts/naskh-400.woff2)', `url(${fonts.arabic400.url})`)
    .replaceAll('url(/fonts/naskh-700.woff2)', `url(${fonts.arabic700.url})`);
  const finalCss = asset('/assets/', 'site', 'css', 'text/css; charset=utf-8', Buffer.from(cssText), true);
  const adminCss = asset('/assets/', 'admin', 'css', 'text/css; charset=utf-8', readFileSync(path.join(path.dirname(cssFile), 'admin.css')), true);
  // Built beside the bundle (dist/assets); run from source, the last build's copy in dist/assets.
  const script = (name: string) => {
    const file = [path.join(here, 'assets', `${name}.js`), path.join(here, '..', '..', 'dist', 'assets', `${name}.js`)].find(existsSync);
    return file ? asset('/assets/', name, 'js', 'text/javascript; charset=utf-8', readFileSync(file), true) : undefined;
  };
  const adminEditorJs = script('admin-editor');
  const siteSearchJs = script('site-search');
  const siteAudioJs = script('site-audio');
  const siteEmbedsJs = script('site-embeds');
  // The live progress bar of a newsletter send; the page finds it by its URL in byUrl.
  const newsletterProgressJs = script('newsletter-progress');
  const siteNewsletterJs = script('site-newsletter');
  const scripts = [adminEditorJs, siteSearchJs, siteAudioJs, siteEmbedsJs, newsletterProgressJs, siteNewsletterJs].filter((a): a is Asset => a !== undefined);
  const byUrl = new Map<string, Asset>([finalCss, adminCss, ...scripts, ...Object.values(fonts)].map((a) => [a.url, a]));
  return { css: finalCss, adminCss, adminEditorJs, siteSearchJs, siteAudioJs, siteEmbedsJs, siteNewsletterJs, fonts, byUrl };
}
