import { describe, expect, it } from 'vitest';
import { embedFrameUrl } from './embed-frame.js';

describe('embedFrameUrl', () => {
  it('turns every common YouTube address into the privacy-enhanced player', () => {
    for (const url of ['https://www.youtube.com/watch?v=M7lc1UVf-VE', 'https://youtube.com/watch?v=M7lc1UVf-VE&t=10s', 'https://youtu.be/M7lc1UVf-VE', 'https://m.youtube.com/watch?v=M7lc1UVf-VE', 'https://www.youtube.com/shorts/M7lc1UVf-VE', 'https://www.youtube.com/embed/M7lc1UVf-VE', 'https://www.youtube.com/live/M7lc1UVf-VE']) {
      expect(embedFrameUrl('youtube', url), url).toBe('https://www.youtube-nocookie.com/embed/M7lc1UVf-VE');
    }
  });

  it('frames posts on X, Instagram, Telegram and Facebook', () => {
    expect(embedFrameUrl('x', 'https://x.com/arabpress/status/1790000000000000000')).toBe('https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000');
    expect(embedFrameUrl('x', 'https://twitter.com/arabpress/status/123?s=20')).toBe('https://platform.twitter.com/embed/Tweet.html?id=123');
    expect(embedFrameUrl('instagram', 'https://www.instagram.com/p/C1a2b3c4d5/')).toBe('https://www.instagram.com/p/C1a2b3c4d5/embed');
    expect(embedFrameUrl('instagram', 'https://www.instagram.com/reel/C1a2b3c4d5/')).toBe('https://www.instagram.com/p/C1a2b3c4d5/embed');
    expect(embedFrameUrl('telegram', 'https://t.me/arabpress/42')).toBe('https://t.me/arabpress/42?embed=1');
    expect(embedFrameUrl('facebook', 'https://www.facebook.com/arabpress/posts/12345')).toBe(`https://www.facebook.com/plugins/post.php?href=${encodeURIComponent('https://www.facebook.com/arabpress/posts/12345')}`);
    expect(embedFrameUrl('facebook', 'https://www.facebook.com/arabpress/videos/987/')).toMatch(/^https:\/\/www\.facebook\.com\/plugins\/video\.php\?href=/);
  });

  it('frames nothing it cannot identify, and never another scheme or a malformed id', () => {
    for (const [provider, url] of [
      ['youtube', 'https://www.youtube.com/watch?v=short'],
      ['youtube', 'https://www.youtube.com/channel/UC123'],
      ['youtube', 'javascript:alert(1)//youtube.com/watch?v=M7lc1UVf-VE'],
      ['youtube', 'https://www.youtube.com/watch?v=M7lc1UVf-VE"onload="x'],
      ['x', 'https://x.com/arabpress'],
      ['instagram', 'https://www.instagram.com/arabpress/'],
      ['telegram', 'https://t.me/arabpress'],
      ['facebook', 'https://www.facebook.com/arabpress'],
      ['youtube', 'not a url'],
    ] as const) {
      expect(embedFrameUrl(provider, url), url).toBeUndefined();
    }
  });
});
