import { describe, expect, it } from 'vitest';
import { detectEmbed } from './embed-url.js';

describe('detectEmbed', () => {
  it('knows each provider by its hosts', () => {
    const cases: [string, string][] = [
      ['https://www.youtube.com/watch?v=abc123', 'youtube'],
      ['https://youtu.be/abc123', 'youtube'],
      ['https://m.youtube.com/shorts/abc', 'youtube'],
      ['https://x.com/arabpress/status/1', 'x'],
      ['https://twitter.com/arabpress/status/1', 'x'],
      ['https://www.instagram.com/p/Cabc/', 'instagram'],
      ['https://t.me/arabpress/42', 'telegram'],
      ['https://www.facebook.com/arabpress/videos/1', 'facebook'],
      ['https://fb.watch/abc/', 'facebook'],
    ];
    for (const [url, provider] of cases) expect(detectEmbed(url), url).toEqual({ provider, url });
  });

  it('adds https:// to a pasted address without a scheme and trims it', () => {
    expect(detectEmbed('  youtu.be/abc123 ')).toEqual({ provider: 'youtube', url: 'https://youtu.be/abc123' });
  });

  it('refuses other hosts, look-alikes, other schemes and bare home pages', () => {
    for (const url of ['https://evil.example/watch?v=1', 'https://youtube.com.evil.example/watch', 'https://notyoutube.com/watch?v=1', 'javascript:alert(1)//youtube.com', 'ftp://youtube.com/x', 'https://x.com/', 'https://x.com', '', 'not a url']) {
      expect(detectEmbed(url), url).toBeNull();
    }
  });
});
