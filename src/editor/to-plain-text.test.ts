import { describe, it, expect } from 'vitest';
import { documentToPlainText } from './to-plain-text.js';
import { fullDocument } from './document.fixture.js';

describe('documentToPlainText', () => {
  it('joins blocks with blank lines and leaves out images, embeds and rules', () => {
    expect(documentToPlainText(fullDocument)).toBe(
      [
        'Markets open higher',
        'Read the full report or email us\ntoday',
        'ارتفعت الأسواق الخليجية في مستهل التداولات.',
        'النفط',
        'Each failure narrows the space for diplomacy.\n— Hala Mansour',
        'Oil\nGold',
        '1. أولاً\n2. ثانياً',
      ].join('\n\n'),
    );
  });

  it('puts each quote paragraph on its own line and item paragraphs on one line', () => {
    const text = documentToPlainText({
      type: 'doc',
      content: [
        {
          type: 'blockquote',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'One.' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Two.' }] },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'First' }] },
                { type: 'paragraph', content: [{ type: 'text', text: 'more' }] },
              ],
            },
            { type: 'listItem', content: [{ type: 'paragraph' }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Second' }] }] },
          ],
        },
      ],
    });
    expect(text).toBe('One.\nTwo.\n\nFirst more\nSecond');
  });

  it('returns an empty string for a document without words', () => {
    expect(documentToPlainText({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'horizontalRule' }] })).toBe('');
  });
});
