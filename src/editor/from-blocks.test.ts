import { describe, it, expect } from 'vitest';
import { documentFromBlocks, parseInlineText } from './from-blocks.js';
import { documentToHtml } from './to-html.js';
import { parseArticleDocument } from './document.schema.js';

describe('parseInlineText', () => {
  it('parses links, bold and italic', () => {
    expect(parseInlineText('See [our page](/world/), **now** and *later*.')).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'text', text: 'our page', marks: [{ type: 'link', attrs: { href: '/world/' } }] },
      { type: 'text', text: ', ' },
      { type: 'text', text: 'now', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'later', marks: [{ type: 'italic' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('nests marks and sorts them link first', () => {
    expect(parseInlineText('**[a *b*](https://x.example)**')).toEqual([
      { type: 'text', text: 'a ', marks: [{ type: 'link', attrs: { href: 'https://x.example' } }, { type: 'bold' }] },
      { type: 'text', text: 'b', marks: [{ type: 'link', attrs: { href: 'https://x.example' } }, { type: 'bold' }, { type: 'italic' }] },
    ]);
    expect(parseInlineText('*a **b** c*').map((n) => (n.type === 'text' ? [n.text, n.marks?.map((m) => m.type)] : n.type))).toEqual([
      ['a ', ['italic']],
      ['b', ['bold', 'italic']],
      [' c', ['italic']],
    ]);
  });

  it('keeps unmatched delimiters and escaped characters as text', () => {
    expect(parseInlineText('2 * 3 = 6, [not a link] and **open')).toEqual([{ type: 'text', text: '2 * 3 = 6, [not a link] and **open' }]);
    expect(parseInlineText('\\*literal\\* and \\[x](y)')).toEqual([{ type: 'text', text: '*literal* and [x](y)' }]);
  });

  it('turns newlines into hard breaks and keeps Arabic intact', () => {
    expect(parseInlineText('سطر أول\n**سطر ثانٍ**')).toEqual([
      { type: 'text', text: 'سطر أول' },
      { type: 'hardBreak' },
      { type: 'text', text: 'سطر ثانٍ', marks: [{ type: 'bold' }] },
    ]);
  });
});

describe('documentFromBlocks', () => {
  it('builds a valid document from simple blocks', () => {
    const doc = documentFromBlocks([
      { type: 'h2', text: 'What *happens* next' },
      { type: 'p', text: 'Reactions are on our [world page](/world/).' },
      { type: 'quote', text: 'A **setback**.', cite: 'Arab League' },
      { type: 'h3', text: 'Pictures' },
      { type: 'image', src: '/media/a.jpg', alt: 'A chamber', caption: 'The vote', width: 800, height: 600 },
      { type: 'p', text: '' },
    ]);
    expect(parseArticleDocument(doc).success).toBe(true);
    expect(doc.content.map((b) => b.type)).toEqual(['heading', 'paragraph', 'blockquote', 'heading', 'image', 'paragraph']);
    expect(documentToHtml(doc)).toBe(
      [
        '<h2 dir="auto">What *happens* next</h2>',
        '<p dir="auto">Reactions are on our <a href="/world/" rel="noopener">world page</a>.</p>',
        '<blockquote dir="auto"><p>A <strong>setback</strong>.</p><footer dir="auto"><cite>Arab League</cite></footer></blockquote>',
        '<h3 dir="auto">Pictures</h3>',
        '<figure dir="auto"><img src="/media/a.jpg" alt="A chamber" loading="lazy" decoding="async" width="800" height="600">' +
          '<figcaption>The vote</figcaption></figure>',
        '<p dir="auto"></p>',
      ].join('\n'),
    );
  });

  it('throws on content the schema refuses', () => {
    expect(() => documentFromBlocks([{ type: 'p', text: '[click](javascript:alert(1))' }])).toThrow();
    expect(() => documentFromBlocks([{ type: 'image', src: 'data:image/png;base64,AA', alt: 'x' }])).toThrow();
  });
});
