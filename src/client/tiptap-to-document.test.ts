import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS, documentToHtml } from '../editor/index.js';
import { fullDocument } from '../editor/document.fixture.js';
import { cleanText, tiptapToDocument } from './tiptap-to-document.js';

// TipTap JSON as `editor.getJSON()` writes it with our extensions: every declared attribute, unset ones null.
const text = (t: string, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (content: unknown[] = [], dir = 'auto') => ({ type: 'paragraph', attrs: { dir }, ...(content.length ? { content } : {}) });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const tiptapLink = (href: string) => ({ type: 'link', attrs: { href, target: null, rel: 'noopener nofollow', class: null, title: null } });

function mapOk(json: unknown) {
  const result = tiptapToDocument(json);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('tiptapToDocument', () => {
  it('maps a TipTap document using every node and mark to exactly our schema', () => {
    const json = doc(
      { type: 'heading', attrs: { level: 2, dir: 'auto' }, content: [text('Markets open higher')] },
      p([text('Read the '), text('full report', [tiptapLink('https://example.com/report?a=1&b=2')]), text(' or '), text('email us', [{ type: 'bold' }, tiptapLink('mailto:desk@example.com')]), { type: 'hardBreak' }, text('today', [{ type: 'italic' }])]),
      p([text('ارتفعت الأسواق الخليجية في مستهل التداولات.')], 'rtl'),
      { type: 'heading', attrs: { level: 3, dir: 'rtl' }, content: [text('النفط')] },
      { type: 'blockquote', attrs: { cite: 'Hala Mansour', kind: 'pullquote', dir: 'auto' }, content: [p([text('Each failure narrows the space for diplomacy.')])] },
      { type: 'bulletList', attrs: { dir: 'auto' }, content: [{ type: 'listItem', content: [p([text('Oil')])] }, { type: 'listItem', content: [p([text('Gold')])] }] },
      { type: 'orderedList', attrs: { dir: 'rtl', start: 1, type: null }, content: [{ type: 'listItem', content: [p([text('أولاً')])] }, { type: 'listItem', content: [p([text('ثانياً')])] }] },
      { type: 'image', attrs: { src: '/media/2026/trading-floor.jpg', alt: 'Traders at their desks', title: null, caption: 'The trading floor in Riyadh.', credit: 'Arab Press', width: 1600, height: 900 } },
      { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=abc123' } },
      { type: 'horizontalRule' },
      { type: 'paragraph', attrs: { dir: 'auto' } },
    );
    const result = mapOk(json);
    expect(result.dropped).toEqual([]);
    // Same content as the schema's own fixture; marks come out link-first, as the renderer sorts them.
    expect(result.doc).toEqual(fullDocument);
    expect(JSON.stringify(result.doc)).not.toContain('null');
  });

  it('maps our own stored format to itself, so loading and saving changes nothing', () => {
    expect(mapOk(fullDocument).doc).toEqual(fullDocument);
    expect(mapOk(mapOk(fullDocument).doc).doc).toEqual(fullDocument);
  });

  it('writes dir only when a direction was chosen: auto is the default and is left out', () => {
    const result = mapOk(doc(p([text('a')], 'auto'), p([text('b')], 'ltr'), p([text('ج')], 'rtl'), p([text('d')], 'sideways'), { type: 'paragraph', attrs: { dir: null } }));
    expect(result.doc.content).toEqual([
      { type: 'paragraph', content: [text('a')] },
      { type: 'paragraph', attrs: { dir: 'ltr' }, content: [text('b')] },
      { type: 'paragraph', attrs: { dir: 'rtl' }, content: [text('ج')] },
      { type: 'paragraph', content: [text('d')] },
      { type: 'paragraph' },
    ]);
    const html = documentToHtml(result.doc);
    expect(html).toContain('<p dir="auto">a</p>');
    expect(html).toContain('<p dir="rtl">ج</p>');
  });

  it('keeps dir on headings, quotes, lists and the paragraphs inside them', () => {
    const result = mapOk(
      doc(
        { type: 'heading', attrs: { level: 2, dir: 'ltr' }, content: [text('h')] },
        { type: 'blockquote', attrs: { cite: null, kind: 'quote', dir: 'rtl' }, content: [p([text('ق')], 'ltr')] },
        { type: 'bulletList', attrs: { dir: 'rtl' }, content: [{ type: 'listItem', content: [p([text('x')], 'ltr')] }] },
      ),
    );
    expect(result.doc.content).toEqual([
      { type: 'heading', attrs: { level: 2, dir: 'ltr' }, content: [text('h')] },
      { type: 'blockquote', attrs: { dir: 'rtl' }, content: [{ type: 'paragraph', attrs: { dir: 'ltr' }, content: [text('ق')] }] },
      { type: 'bulletList', attrs: { dir: 'rtl' }, content: [{ type: 'listItem', content: [{ type: 'paragraph', attrs: { dir: 'ltr' }, content: [text('x')] }] }] },
    ]);
  });

  it('limits headings to levels 2 and 3', () => {
    const levels = [1, 2, 3, 4, 6, undefined].map((level) => ({ type: 'heading', attrs: { level, dir: 'auto' }, content: [text('t')] }));
    const result = mapOk(doc(...levels));
    expect(result.doc.content.map((b) => (b.type === 'heading' ? b.attrs.level : 0))).toEqual([2, 2, 3, 3, 3, 2]);
  });

  it('maps quotes: attribution, pull quote, plain quote and an empty quote', () => {
    const result = mapOk(
      doc(
        { type: 'blockquote', attrs: { cite: '  Hala  Mansour ', kind: 'quote', dir: 'auto' }, content: [p([text('q')])] },
        { type: 'blockquote', attrs: { cite: '', kind: 'pullquote', dir: 'auto' }, content: [p([text('pq')])] },
        { type: 'blockquote', attrs: { cite: null, kind: null, dir: null }, content: [] },
      ),
    );
    expect(result.doc.content).toEqual([
      { type: 'blockquote', attrs: { cite: 'Hala Mansour' }, content: [{ type: 'paragraph', content: [text('q')] }] },
      { type: 'blockquote', attrs: { kind: 'pullquote' }, content: [{ type: 'paragraph', content: [text('pq')] }] },
      { type: 'blockquote', content: [{ type: 'paragraph' }] },
    ]);
  });

  it('flattens what a quote cannot hold into paragraphs, keeping every word', () => {
    const result = mapOk(
      doc({
        type: 'blockquote',
        attrs: { cite: null, kind: 'quote', dir: 'auto' },
        content: [
          { type: 'heading', attrs: { level: 2, dir: 'rtl' }, content: [text('عنوان')] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [p([text('item')])] }] },
          { type: 'horizontalRule' },
        ],
      }),
    );
    expect(result.doc.content).toEqual([
      {
        type: 'blockquote',
        content: [
          { type: 'paragraph', attrs: { dir: 'rtl' }, content: [text('عنوان')] },
          { type: 'paragraph', content: [text('item')] },
        ],
      },
    ]);
    expect(result.dropped).toEqual(['nested:horizontalRule']);
  });

  it('maps lists, drops the ordered list start it cannot store, and unnests nested items in order', () => {
    const item = (...content: unknown[]) => ({ type: 'listItem', content });
    const result = mapOk(
      doc(
        { type: 'orderedList', attrs: { dir: 'auto', start: 3, type: 'a' }, content: [item(p([text('one')]), { type: 'bulletList', attrs: { dir: 'auto' }, content: [item(p([text('one.a')]))] }), item(p([text('two')]))] },
        { type: 'bulletList', attrs: { dir: 'auto' }, content: [] },
      ),
    );
    expect(result.doc.content).toEqual([
      {
        type: 'orderedList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [text('one')] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [text('one.a')] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [text('two')] }] },
        ],
      },
    ]);
  });

  it('continues a list longer than the schema allows as a second list', () => {
    const items = Array.from({ length: DOCUMENT_LIMITS.maxChildren + 1 }, (_, i) => ({ type: 'listItem', content: [p([text(`i${i}`)])] }));
    const result = mapOk(doc({ type: 'bulletList', attrs: { dir: 'auto' }, content: items }));
    expect(result.doc.content.map((b) => (b.type === 'bulletList' ? b.content.length : 0))).toEqual([DOCUMENT_LIMITS.maxChildren, 1]);
  });

  it('maps images: alt defaults to empty, TipTap-only attributes go, bad sizes are left out', () => {
    const result = mapOk(
      doc(
        { type: 'image', attrs: { src: '/media/a.jpg', alt: null, title: 'x', caption: ' ', credit: null, width: null, height: null } },
        { type: 'image', attrs: { src: '/media/b.jpg', alt: 'صورة', title: null, caption: 'تعليق', credit: 'AFP', width: 10.5, height: -1 } },
      ),
    );
    expect(result.doc.content).toEqual([
      { type: 'image', attrs: { src: '/media/a.jpg', alt: '' } },
      { type: 'image', attrs: { src: '/media/b.jpg', alt: 'صورة', caption: 'تعليق', credit: 'AFP' } },
    ]);
  });

  it('drops images whose address the site would refuse', () => {
    const bad = ['data:image/png;base64,AAAA', 'javascript:alert(1)', 'file:///C:/Users/me/image001.png', 'blob:https://x/1', '', null, 'https://cdn.example.com/a.jpg', '//evil.example/media/a.jpg', '/media/../secret'];
    const result = mapOk(doc(...bad.map((src) => ({ type: 'image', attrs: { src, alt: 'a' } }))));
    expect(result.doc.content).toEqual([]);
    expect(result.dropped).toHaveLength(bad.length);
  });

  it('maps embeds, fixing a provider that does not match its URL and dropping unknown hosts', () => {
    const result = mapOk(
      doc(
        { type: 'embed', attrs: { provider: 'x', url: 'https://x.com/arabpress/status/1' } },
        { type: 'embed', attrs: { provider: 'youtube', url: 'https://t.me/arabpress/42' } },
        { type: 'embed', attrs: { provider: 'youtube', url: 'https://evil.example/watch?v=1' } },
        { type: 'embed', attrs: { provider: 'youtube', url: 'javascript:alert(1)//youtube.com' } },
      ),
    );
    expect(result.doc.content).toEqual([
      { type: 'embed', attrs: { provider: 'x', url: 'https://x.com/arabpress/status/1' } },
      { type: 'embed', attrs: { provider: 'telegram', url: 'https://t.me/arabpress/42' } },
    ]);
    expect(result.dropped).toHaveLength(2);
  });

  it('maps the horizontal rule and hard break', () => {
    const result = mapOk(doc({ type: 'horizontalRule' }, p([text('a'), { type: 'hardBreak' }, text('b')])));
    expect(result.doc.content).toEqual([{ type: 'horizontalRule' }, { type: 'paragraph', content: [text('a'), { type: 'hardBreak' }, text('b')] }]);
  });

  it('maps bold, italic and link marks, once each, link first', () => {
    const result = mapOk(doc(p([text('x', [{ type: 'italic' }, { type: 'bold' }, { type: 'bold' }, tiptapLink('/a')])])));
    expect(result.doc.content[0]).toEqual({
      type: 'paragraph',
      content: [text('x', [{ type: 'link', attrs: { href: '/a' } }, { type: 'bold' }, { type: 'italic' }])],
    });
  });

  it('drops marks the schema does not know and joins the text they separated', () => {
    const result = mapOk(doc(p([text('a'), text('b', [{ type: 'underline' }]), text('c', [{ type: 'strike' }, { type: 'bold' }])])));
    expect(result.doc.content[0]).toEqual({ type: 'paragraph', content: [text('ab'), text('c', [{ type: 'bold' }])] });
    expect(result.dropped).toEqual(['mark:underline', 'mark:strike']);
  });

  it('refuses javascript: and other unsafe links but keeps their text', () => {
    const unsafe = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'vbscript:msgbox', 'data:text/html,<script>alert(1)</script>', '//evil.example', '', 'https://exa mple.com'];
    for (const href of unsafe) {
      const result = mapOk(doc(p([text('click', [tiptapLink(href), { type: 'bold' }])])));
      expect(result.doc.content[0], JSON.stringify(href)).toEqual({ type: 'paragraph', content: [text('click', [{ type: 'bold' }])] });
      expect(result.dropped[0]).toMatch(/^link:/);
      expect(JSON.stringify(result.doc)).not.toMatch(/script:/i);
    }
  });

  it('accepts safe links, trimming stray spaces', () => {
    for (const href of ['https://example.com/a', 'http://example.com', 'mailto:desk@example.com', '/world/', '#notes', ' https://example.com/b ']) {
      const result = mapOk(doc(p([text('x', [tiptapLink(href)])])));
      expect(result.doc.content[0]).toEqual({ type: 'paragraph', content: [text('x', [{ type: 'link', attrs: { href: href.trim() } }])] });
    }
  });

  it('keeps Arabic text, marks and direction marks exactly, and removes only invisible controls', () => {
    const arabic = 'قال الوزير: «النمو ٣٫٥٪» (تقرير)، ثم غادر.\u200f';
    const result = mapOk(doc(p([text(arabic), text('\u000bمن Word\u000c', [{ type: 'bold' }]), text('a\u0000b\ud800c')], 'rtl')));
    expect(result.doc.content[0]).toEqual({
      type: 'paragraph',
      attrs: { dir: 'rtl' },
      content: [text(arabic), text('من Word', [{ type: 'bold' }]), text('ab\ufffdc')],
    });
    expect(cleanText('😀\t\n\u007f\udc00')).toBe('😀\t\n\ufffd');
  });

  it('turns other textblocks into paragraphs and opens unknown containers', () => {
    const result = mapOk(
      doc(
        { type: 'codeBlock', attrs: { language: null }, content: [text('x = 1')] },
        { type: 'details', content: [p([text('inside')])] },
        { type: 'mention', attrs: { id: 1 } },
        p([text('a'), { type: 'image', attrs: { src: '/i.jpg' } }, text('b')]),
      ),
    );
    expect(result.doc.content).toEqual([
      { type: 'paragraph', content: [text('x = 1')] },
      { type: 'paragraph', content: [text('inside')] },
      { type: 'paragraph', content: [text('ab')] },
    ]);
    expect(result.dropped).toEqual(['block:mention', 'inline:image']);
  });

  it('cuts over-long attributes at the schema limit without splitting a character', () => {
    const cite = `${'a'.repeat(DOCUMENT_LIMITS.maxAttrChars - 1)}😀tail`;
    const result = mapOk(doc({ type: 'blockquote', attrs: { cite, kind: 'quote', dir: 'auto' }, content: [p([text('q')])] }));
    const block = result.doc.content[0];
    expect(block?.type === 'blockquote' && block.attrs?.cite).toBe('a'.repeat(DOCUMENT_LIMITS.maxAttrChars - 1));
  });

  it('reports what it cannot repair without losing words, and what is not a document', () => {
    const long = tiptapToDocument(doc(p([text('x'.repeat(DOCUMENT_LIMITS.maxTextChars + 1))])));
    expect(long.ok).toBe(false);
    expect(long.ok ? '' : long.error).toMatch(/longer than/i);
    expect(tiptapToDocument({ type: 'paragraph' }).ok).toBe(false);
    expect(tiptapToDocument(null).ok).toBe(false);
    expect(tiptapToDocument('{"type":"doc"}').ok).toBe(false);
  });

  it('maps an empty editor to an empty paragraph document', () => {
    expect(mapOk(doc(p())).doc).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(mapOk({ type: 'doc' }).doc).toEqual({ type: 'doc', content: [] });
  });
});
