import { describe, it, expect } from 'vitest';
import { parseArticleDocument } from './document.schema.js';
import { fullDocument } from './document.fixture.js';

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const linked = (href: string) => para({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] });
const image = (src: string) => ({ type: 'image', attrs: { src, alt: 'a' } });

describe('parseArticleDocument', () => {
  it('accepts a document using every node type', () => {
    const result = parseArticleDocument(fullDocument);
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual(fullDocument);
  });

  it('accepts an empty document and relative, fragment and mailto links', () => {
    expect(parseArticleDocument(doc()).success).toBe(true);
    for (const href of ['/world/', '#notes', '?page=2', 'page.html', 'HTTPS://example.com', 'mailto:a@b.c']) {
      expect(parseArticleDocument(doc(linked(href))).success, href).toBe(true);
    }
  });

  it('treats TipTap nulls as absent and strips attributes it does not know', () => {
    const input = doc(
      { type: 'paragraph', attrs: { dir: null, textAlign: 'left' } },
      { type: 'blockquote', attrs: { cite: null, kind: null, dir: null }, content: [para({ type: 'text', text: 'q' })] },
      para({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: '/a', target: '_blank', rel: 'x', class: null } }] }),
    );
    const result = parseArticleDocument(input);
    expect(result.error).toBeUndefined();
    expect(result.data?.content[0]).toEqual({ type: 'paragraph', attrs: {} });
    expect(result.data?.content[2]).toEqual(linked('/a'));
  });

  const bad: Record<string, unknown> = {
    'not a doc': { type: 'paragraph', content: [] },
    'unknown block type': doc({ type: 'codeBlock', content: [] }),
    'unknown inline type': doc(para({ type: 'mention', attrs: { id: 1 } })),
    'unknown mark': doc(para({ type: 'text', text: 'x', marks: [{ type: 'underline' }] })),
    'repeated mark': doc(para({ type: 'text', text: 'x', marks: [{ type: 'bold' }, { type: 'bold' }] })),
    'empty text node': doc(para({ type: 'text', text: '' })),
    'NUL in text': doc(para({ type: 'text', text: 'a\u0000b' })),
    'lone surrogate in text': doc(para({ type: 'text', text: 'a\ud800b' })),
    'h1 heading': doc({ type: 'heading', attrs: { level: 1 }, content: [] }),
    'bad dir': doc({ type: 'paragraph', attrs: { dir: 'up' } }),
    'javascript: link': doc(linked('javascript:alert(1)')),
    'mixed-case javascript: link': doc(linked('JaVaScRiPt:alert(1)')),
    'javascript: link hidden by a tab': doc(linked('java\tscript:alert(1)')),
    'javascript: link hidden by a leading space': doc(linked(' javascript:alert(1)')),
    'data: link': doc(linked('data:text/html,<script>alert(1)</script>')),
    'vbscript: link': doc(linked('vbscript:msgbox')),
    'protocol-relative link': doc(linked('//evil.example')),
    'backslash network-path link': doc(linked('/\\evil.example')),
    'empty link': doc(linked('')),
    'data: image': doc(image('data:image/png;base64,AAAA')),
    'javascript: image': doc(image('javascript:alert(1)')),
    'mailto: image': doc(image('mailto:a@b.c')),
    'image without alt': doc({ type: 'image', attrs: { src: '/a.jpg' } }),
    'image from another site': doc({ type: 'image', attrs: { src: 'https://cdn.example.com/a.jpg', alt: '' } }),
    'image at a lookalike of the library': doc({ type: 'image', attrs: { src: '//evil.example/media/a.jpg', alt: '' } }),
    'image outside the library folder': doc({ type: 'image', attrs: { src: '/media/../data/arabpress.sqlite', alt: '' } }),
    'image at a site path that is not the library': doc({ type: 'image', attrs: { src: '/admin/a.jpg', alt: '' } }),
    'image with fractional width': doc({ type: 'image', attrs: { src: '/a.jpg', alt: '', width: 10.5 } }),
    'absurd image size': doc({ type: 'image', attrs: { src: '/a.jpg', alt: '', width: 1e9 } }),
    'unknown embed provider': doc({ type: 'embed', attrs: { provider: 'tiktok', url: 'https://tiktok.com/x' } }),
    "embed URL off the provider's domain": doc({ type: 'embed', attrs: { provider: 'youtube', url: 'https://evil.example/watch' } }),
    'embed URL with lookalike host': doc({ type: 'embed', attrs: { provider: 'youtube', url: 'https://youtube.com.evil.example/' } }),
    'embed URL with userinfo trick': doc({ type: 'embed', attrs: { provider: 'x', url: 'https://x.com@evil.example/' } }),
    'javascript: embed': doc({ type: 'embed', attrs: { provider: 'youtube', url: 'javascript://youtube.com/%0aalert(1)' } }),
    'quote nested in a quote': doc({ type: 'blockquote', content: [{ type: 'blockquote', content: [para()] }] }),
    'list nested in a list item': doc({
      type: 'bulletList',
      content: [{ type: 'listItem', content: [para(), { type: 'bulletList', content: [] }] }],
    }),
    'empty list': doc({ type: 'bulletList', content: [] }),
    'too much text': doc(...Array.from({ length: 3 }, () => para({ type: 'text', text: 'x'.repeat(70_000) }))),
    'too many inline nodes in one block': doc(para(...Array.from({ length: 5_001 }, () => ({ type: 'hardBreak' })))),
    'too many nodes in all': doc(...Array.from({ length: 5 }, () => para(...Array.from({ length: 4_500 }, () => ({ type: 'hardBreak' }))))),
  };

  for (const [name, input] of Object.entries(bad)) {
    it(`rejects ${name}`, () => {
      expect(parseArticleDocument(input).success).toBe(false);
    });
  }

  it('rejects absurdly deep nesting without overflowing the stack', () => {
    let node: unknown = para({ type: 'text', text: 'deep' });
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    expect(parseArticleDocument(doc(node)).success).toBe(false);
  });
});
