import type { ArticleDocument } from './document.schema.js';

/** A document using every node, mark and attribute, in both languages; for the tests in this folder. */
export const fullDocument: ArticleDocument = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Markets open higher' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Read the ' },
        { type: 'text', text: 'full report', marks: [{ type: 'link', attrs: { href: 'https://example.com/report?a=1&b=2' } }] },
        { type: 'text', text: ' or ' },
        { type: 'text', text: 'email us', marks: [{ type: 'link', attrs: { href: 'mailto:desk@example.com' } }, { type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'today', marks: [{ type: 'italic' }] },
      ],
    },
    { type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'ارتفعت الأسواق الخليجية في مستهل التداولات.' }] },
    { type: 'heading', attrs: { level: 3, dir: 'rtl' }, content: [{ type: 'text', text: 'النفط' }] },
    {
      type: 'blockquote',
      attrs: { cite: 'Hala Mansour', kind: 'pullquote' },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Each failure narrows the space for diplomacy.' }] }],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Oil' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gold' }] }] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { dir: 'rtl' },
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'أولاً' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ثانياً' }] }] },
      ],
    },
    {
      type: 'image',
      attrs: { src: '/media/2026/trading-floor.jpg', alt: 'Traders at their desks', caption: 'The trading floor in Riyadh.', credit: 'Arab Press', width: 1600, height: 900 },
    },
    { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=abc123' } },
    { type: 'horizontalRule' },
    { type: 'paragraph' },
  ],
};
