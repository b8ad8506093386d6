import { describe, expect, it } from 'vitest';
import { detailsFor, itemLabel, type PickerItem } from './media-picker.js';

const item = (over: Partial<PickerItem> = {}): PickerItem => ({
  id: '0190a7c4-0000-7000-8000-000000000001',
  src: '/media/abc.jpg',
  width: 1200,
  height: 800,
  thumb: { src: '/media/abc-1x1-320.webp', width: 320, height: 320 },
  alt: { en: 'A crowded market alley', ar: 'زقاق سوق مزدحم' },
  caption: { en: 'The old souk', ar: 'السوق القديمة' },
  credit: 'Reuters',
  name: 'souk.jpg',
  ...over,
});

describe('what the picker prefills', () => {
  it('takes the library’s texts in the article’s language, never the other one', () => {
    expect(detailsFor(item(), 'ar')).toEqual({ alt: 'زقاق سوق مزدحم', caption: 'السوق القديمة', credit: 'Reuters' });
    expect(detailsFor(item(), 'en')).toEqual({ alt: 'A crowded market alley', caption: 'The old souk', credit: 'Reuters' });
    // An English text alternative would be read wrongly in an Arabic article: left empty to be written.
    expect(detailsFor(item({ alt: { en: 'A crowded market alley', ar: '' } }), 'ar').alt).toBe('');
  });

  it('names each image by its caption, else its text alternative, else the other language, else the file', () => {
    expect(itemLabel(item(), 'ar')).toBe('السوق القديمة');
    expect(itemLabel(item({ caption: { en: 'The old souk', ar: '' } }), 'ar')).toBe('زقاق سوق مزدحم');
    expect(itemLabel(item({ caption: { en: 'The old souk', ar: '' }, alt: { en: '', ar: '' } }), 'ar')).toBe('The old souk');
    expect(itemLabel(item({ caption: { en: '', ar: '' }, alt: { en: '', ar: '' } }), 'en')).toBe('souk.jpg');
  });
});
