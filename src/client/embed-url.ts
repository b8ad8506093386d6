import { blockSchema, EMBED_PROVIDERS, type EmbedProvider } from '../editor/index.js';

export interface EmbedTarget {
  provider: EmbedProvider;
  url: string;
}

/**
 * Which provider a pasted URL belongs to, or null. The document schema owns the list of hosts per
 * provider, so this asks it instead of keeping a second list. "youtu.be/abc" gets an https:// prefix;
 * a provider's home page ("https://x.com/") is refused because there is nothing to embed.
 */
export function detectEmbed(input: string): EmbedTarget | null {
  let url = input.trim();
  if (url === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) url = `https://${url.replace(/^\/+/, '')}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.pathname.replace(/\/+$/, '') === '' && parsed.search === '') return null;
  const provider = EMBED_PROVIDERS.find((p) => blockSchema.safeParse({ type: 'embed', attrs: { provider: p, url } }).success);
  return provider ? { provider, url } : null;
}
