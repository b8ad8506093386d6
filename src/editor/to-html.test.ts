import { describe, it, expect } from 'vitest';
import { documentToHtml, escapeHtml } from './to-html.js';
import { fullDocument } from './document.fixture.js';
import type { ArticleDocument, Block } from './document.schema.js';

const render = (...content: Block[]) => documentToHtml({ type: 'doc', content } satisfies ArticleDocument);

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('documentToHtml', () => {
  it('renders every block type', () => {
    const html = documentToHtml(fullDocument);
    expect(html).toContain('<h2 dir="auto">Markets open higher</h2>');
    expect(html).toContain('<h3 dir="rtl">النفط</h3>');
    expect(html).toContain(
      '<p dir="auto">Read the <a href="https://example.com/report?a=1&amp;b=2" rel="noopener">full report</a> or ' +
        '<a href="mailto:desk@example.com" rel="noopener"><strong>email us<br></strong></a><em>today</em></p>',
    );
    expect(html).toContain(
      '<blockquote class="pullquote" dir="auto"><p>Each failure narrows the space for diplomacy.</p>' +
        '<footer dir="auto"><cite>Hala Mansour</cite></footer></blockquote>',
    );
    expect(html).toContain('<ul dir="auto"><li><p>Oil</p></li><li><p>Gold</p></li></ul>');
    expect(html).toContain('<ol dir="rtl"><li><p>أولاً</p></li>');
    expect(html).toContain(
      '<figure dir="auto"><img src="/media/2026/trading-floor.jpg" alt="Traders at their desks" loading="lazy" decoding="async" ' +
        'width="1600" height="900"><figcaption>The trading floor in Riyadh. <span class="credit">Arab Press</span></figcaption></figure>',
    );
    expect(html).toContain('<hr>');
    expect(html).toContain('<p dir="auto"></p>');
  });

  it('escapes text and attribute values', () => {
    const html = render(
      { type: 'paragraph', content: [{ type: 'text', text: '<script>alert("x")</script> & co' }] },
      {
        type: 'blockquote',
        attrs: { cite: '"Ali" <b>' },
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'q', marks: [{ type: 'link', attrs: { href: '/a?"><img onerror=x>' } }] }] }],
      },
      { type: 'image', attrs: { src: '/a.jpg?x=1&y="2"', alt: `He said "no" & <left>`, caption: '<i>', credit: "O'Neil" } },
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img onerror');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(html).toContain('href="/a?&quot;&gt;&lt;img onerror=x&gt;"');
    expect(html).toContain('<cite>&quot;Ali&quot; &lt;b&gt;</cite>');
    expect(html).toContain('src="/a.jpg?x=1&amp;y=&quot;2&quot;" alt="He said &quot;no&quot; &amp; &lt;left&gt;"');
    expect(html).toContain('<span class="credit">O&#39;Neil</span>');
  });

  it('gives every top-level block a dir, defaulting to auto, and nested paragraphs only an explicit one', () => {
    const html = render(
      { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
      { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'b' }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'c' }] },
      { type: 'blockquote', attrs: { dir: 'rtl' }, content: [{ type: 'paragraph' }] },
    );
    expect(html).toBe(
      '<p dir="auto">a</p>\n<p dir="ltr">b</p>\n<h2 dir="auto">c</h2>\n<blockquote dir="rtl"><p></p></blockquote>',
    );
    // Top-level blocks resolve their own direction; a parent's dir="auto" ignores children that carry a
    // dir, so paragraphs in quotes and list items must not carry "auto" (an Arabic quote would turn LTR).
    const topLevel = documentToHtml(fullDocument).split('\n').map((line) => /^<(p|h2|h3|blockquote|ul|ol|figure)\b[^>]*>/.exec(line)?.[0]).filter(Boolean) as string[];
    expect(topLevel.length).toBeGreaterThan(5);
    // Except an embed: its only text is a provider name and a URL (marked ltr), and on the site a note in
    // the page's language, so it takes the article's direction instead of guessing from "YouTube".
    for (const tag of topLevel) expect(tag, tag).toMatch(tag.includes('class="embed"') ? /^<figure class="embed"(?![^>]*\sdir=)/ : / dir="(auto|ltr|rtl)"/);
    expect(documentToHtml(fullDocument)).not.toMatch(/<(li|blockquote)[^>]*>(<p dir="auto">|<li dir="auto">)/);
  });

  it('passes Arabic text through intact', () => {
    const text = 'قال الوزير: «الاقتصاد يَنمو» — ١٢٣ مليون ريال.';
    expect(render({ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text }] })).toBe(`<p dir="rtl">${text}</p>`);
  });

  it('keeps one link open while bold and italic change inside it, in a stable mark order', () => {
    const link = { type: 'link', attrs: { href: '/x' } } as const;
    const html = render({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'a ', marks: [link] },
        { type: 'text', text: 'b', marks: [{ type: 'italic' }, { type: 'bold' }, link] },
        { type: 'text', text: ' c', marks: [link] },
        { type: 'text', text: 'd', marks: [{ type: 'bold' }] },
      ],
    });
    expect(html).toBe('<p dir="auto"><a href="/x" rel="noopener">a <strong><em>b</em></strong> c</a><strong>d</strong></p>');
  });

  it('opens a new link when the href changes', () => {
    const html = render({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'a', marks: [{ type: 'link', attrs: { href: '/a' } }] },
        { type: 'text', text: 'b', marks: [{ type: 'link', attrs: { href: '/b' } }] },
      ],
    });
    expect(html).toBe('<p dir="auto"><a href="/a" rel="noopener">a</a><a href="/b" rel="noopener">b</a></p>');
  });

  it('renders an embed as a link placeholder that loads nothing from the provider', () => {
    const url = 'https://www.youtube.com/watch?v=abc123&t=10';
    const html = render({ type: 'embed', attrs: { provider: 'youtube', url } });
    expect(html).toBe(
      '<figure class="embed" data-provider="youtube"><a href="https://www.youtube.com/watch?v=abc123&amp;t=10" ' +
        'rel="noopener nofollow" target="_blank"><span class="embed-provider">YouTube</span> ' +
        '<span class="embed-url" dir="ltr">https://www.youtube.com/watch?v=abc123&amp;t=10</span></a></figure>',
    );
    expect(html).not.toMatch(/<(iframe|script|img|video|object|embed|link)\b/);
    expect(html).not.toMatch(/\ssrc=/);
  });

  it('gives an embed the provider’s frame address to load on request, and none for a URL that cannot be framed', () => {
    const html = render({ type: 'embed', attrs: { provider: 'youtube', url: 'https://youtu.be/M7lc1UVf-VE?t=3' } });
    expect(html).toContain('data-embed-src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"');
    expect(html).not.toMatch(/<(iframe|script)\b/);
    expect(render({ type: 'embed', attrs: { provider: 'x', url: 'https://x.com/arabpress' } })).not.toContain('data-embed-src');
  });

  it('leaves out figcaption without caption or credit, and width/height when unknown', () => {
    expect(render({ type: 'image', attrs: { src: '/a.jpg', alt: '' } })).toBe(
      '<figure dir="auto"><img src="/a.jpg" alt="" loading="lazy" decoding="async"></figure>',
    );
    expect(render({ type: 'image', attrs: { src: '/a.jpg', alt: 'x', credit: 'AFP' } })).toContain(
      '<figcaption><span class="credit">AFP</span></figcaption>',
    );
  });
});
