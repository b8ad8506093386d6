import type { EmbedProvider } from './document.schema.js';

/**
 * The provider's own embeddable page for a post or video URL the newsroom pasted, or undefined when
 * the URL is not one that can be shown in a frame (a profile, a search). Only called for URLs the
 * document schema already accepted for that provider; the hosts returned are the ones the site's CSP
 * lets frames load from (EMBED_FRAME_ORIGINS). Pure: runs on the server when the body is rendered.
 */
export const EMBED_FRAME_ORIGINS = ['https://www.youtube-nocookie.com', 'https://platform.twitter.com', 'https://www.instagram.com', 'https://t.me', 'https://www.facebook.com'] as const;

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

function youtube(u: URL): string | undefined {
  const host = u.hostname.replace(/^www\.|^m\./, '');
  let id: string | null | undefined;
  if (host === 'youtu.be') id = u.pathname.split('/')[1];
  else if (u.pathname === '/watch') id = u.searchParams.get('v');
  else id = /^\/(?:shorts|embed|live)\/([^/?#]+)/.exec(u.pathname)?.[1];
  return id && YOUTUBE_ID.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : undefined;
}

function x(u: URL): string | undefined {
  const id = /^\/[A-Za-z0-9_]{1,15}\/status(?:es)?\/(\d{1,25})/.exec(u.pathname)?.[1];
  return id ? `https://platform.twitter.com/embed/Tweet.html?id=${id}` : undefined;
}

function instagram(u: URL): string | undefined {
  const code = /^\/(?:p|reel|tv)\/([A-Za-z0-9_-]{5,40})/.exec(u.pathname)?.[1];
  return code ? `https://www.instagram.com/p/${code}/embed` : undefined;
}

function telegram(u: URL): string | undefined {
  const m = /^\/(?:s\/)?([A-Za-z][A-Za-z0-9_]{3,31})\/(\d{1,12})\/?$/.exec(u.pathname);
  return m ? `https://t.me/${m[1]}/${m[2]}?embed=1` : undefined;
}

function facebook(u: URL): string | undefined {
  const video = /\/videos\/|^\/watch\/?$|^\/reel\//.test(u.pathname) || u.hostname === 'fb.watch';
  const post = /\/posts\/|\/permalink\.php|\/photos\/|^\/story\.php/.test(u.pathname);
  if (!video && !post) return undefined;
  const href = encodeURIComponent(`https://www.facebook.com${u.pathname}${u.search}`);
  return `https://www.facebook.com/plugins/${video ? 'video' : 'post'}.php?href=${href}`;
}

const BUILDERS: Record<EmbedProvider, (u: URL) => string | undefined> = { youtube, x, instagram, telegram, facebook };

export function embedFrameUrl(provider: EmbedProvider, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return BUILDERS[provider](parsed);
}
