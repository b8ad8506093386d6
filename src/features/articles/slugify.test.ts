import { describe, expect, it } from 'vitest';
import { articlePath, slugify } from './article.js';

describe('slugify: Latin headlines', () => {
  it('lower-cases and joins words with single hyphens, dropping punctuation', () => {
    expect(slugify('Gulf ministers agree on a rail link')).toBe('gulf-ministers-agree-on-a-rail-link');
    expect(slugify('Oil prices: up 5% — again?!')).toBe('oil-prices-up-5-again');
    expect(slugify('  "Quoted"  headline...  ')).toBe('quoted-headline');
    expect(slugify('UN vote (draft #2) fails; talks go on')).toBe('un-vote-draft-2-fails-talks-go-on');
    expect(slugify('Riyadh/Jeddah rail & road plan')).toBe('riyadh-jeddah-rail-road-plan');
  });

  it('folds accents to plain letters', () => {
    expect(slugify('Café culture returns to Beyrouth')).toBe('cafe-culture-returns-to-beyrouth');
    expect(slugify('Tunisie: élections à Sfax')).toBe('tunisie-elections-a-sfax');
    expect(slugify('Türkiye and İstanbul ÉCOLE façade niño')).toBe('turkiye-and-istanbul-ecole-facade-nino');
  });

  it('folds Latin letters that have no separate accent mark instead of dropping them', () => {
    // "rsted" or "strae" would be a broken word in the address bar.
    expect.soft(slugify('Ørsted wins Saudi offshore wind deal')).toBe('orsted-wins-saudi-offshore-wind-deal');
    expect.soft(slugify('Straße project in Łódź')).toMatch(/^stra(ss|s)e-project-in-lodz$/);
  });

  it('drops apostrophes inside words rather than splitting them', () => {
    expect(slugify("Saudi Arabia's new budget")).toBe('saudi-arabias-new-budget');
    expect(slugify('Egypt’s central bank holds rates')).toBe('egypts-central-bank-holds-rates');
    expect(slugify("Don't panic, says minister")).toBe('dont-panic-says-minister');
  });
});

describe('slugify: Arabic headlines', () => {
  it('keeps Arabic letters, including the hamza forms, ta marbuta and alif maqsura', () => {
    expect(slugify('فشل التصويت على وقف إطلاق النار')).toBe('فشل-التصويت-على-وقف-إطلاق-النار');
    expect(slugify('أإآؤئةى')).toBe('أإآؤئةى');
    expect(slugify('مسؤول يؤكد أن الاقتصاد سيتعافى')).toBe('مسؤول-يؤكد-أن-الاقتصاد-سيتعافى');
    expect(slugify('رئيس الهيئة في آسيا')).toBe('رئيس-الهيئة-في-آسيا');
  });

  it('drops tashkeel (vowel marks) and tatweel but keeps the letters they sit on', () => {
    expect(slugify('مُحَمَّدٌ')).toBe('محمد');
    expect(slugify('إِطْلَاقُ سَرَاحِ')).toBe('إطلاق-سراح');
    expect(slugify('أَعْلَنَ الْمُؤْتَمَرُ')).toBe('أعلن-المؤتمر');
    expect(slugify('عـــــرب بـــرس')).toBe('عرب-برس');
    // The same headline with and without marks gets the same address.
    expect(slugify('وَقْفُ إِطْلَاقِ النَّارِ')).toBe(slugify('وقف إطلاق النار'));
  });

  it('turns Arabic punctuation into word breaks', () => {
    expect(slugify('غزة، الضفة؛ القدس؟')).toBe('غزة-الضفة-القدس');
    expect(slugify('«هدنة» جديدة!')).toBe('هدنة-جديدة');
  });

  it('keeps digits, Latin and Arabic-Indic', () => {
    expect(slugify('رؤية 2030')).toBe('رؤية-2030');
    expect(slugify('رؤية ٢٠٣٠')).toBe('رؤية-٢٠٣٠');
  });
});

describe('slugify: mixed, long and empty', () => {
  it('handles a headline mixing Arabic and Latin', () => {
    expect(slugify('OPEC+ و السعودية: Output cut')).toBe('opec-و-السعودية-output-cut');
    expect(slugify('Saudi Arabia’s رؤية 2030 plan')).toBe('saudi-arabias-رؤية-2030-plan');
  });

  it('cuts a very long headline at a word boundary, never mid-word, within 80 characters', () => {
    const headline = 'Regional ministers gather in Riyadh to discuss an ambitious railway linking every Gulf capital by the end of the decade';
    const full = slugify(headline, 1000);
    const slug = slugify(headline);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.length).toBeGreaterThan(40);
    expect(full.startsWith(`${slug}-`)).toBe(true);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('cuts a very long Arabic headline at a word boundary too', () => {
    const headline = 'وزراء المنطقة يجتمعون في الرياض لبحث مشروع سكة حديد طموح يربط جميع عواصم الخليج العربي بحلول نهاية العقد الحالي';
    const full = slugify(headline, 1000);
    const slug = slugify(headline);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(full.startsWith(`${slug}-`)).toBe(true);
  });

  it('respects a custom maximum length', () => {
    const slug = slugify('one two three four five six seven eight nine ten', 20);
    expect(slug.length).toBeLessThanOrEqual(20);
    expect('one-two-three-four-five-six-seven-eight-nine-ten'.startsWith(`${slug}-`)).toBe(true);
  });

  it('gives an empty slug for empty or punctuation-only headlines', () => {
    expect(slugify('')).toBe('');
    expect(slugify('   ')).toBe('');
    expect(slugify('!!! ??? ...')).toBe('');
    expect(slugify('؟؟؟ ،،، «»')).toBe('');
    expect(slugify('ـــ')).toBe('');
    expect(slugify('— – -')).toBe('');
  });
});

describe('articlePath', () => {
  it('puts English articles under their section', () => {
    expect(articlePath('en', 'politics', 'gulf-rail-link')).toBe('/politics/gulf-rail-link');
  });

  it('puts Arabic articles under /ar and percent-encodes the Arabic slug', () => {
    const path = articlePath('ar', 'politics', 'غزة-اليوم');
    expect(path).toBe('/ar/politics/%D8%BA%D8%B2%D8%A9-%D8%A7%D9%84%D9%8A%D9%88%D9%85');
    expect(/^[\x21-\x7e]+$/.test(path)).toBe(true);
    expect(decodeURIComponent(path)).toBe('/ar/politics/غزة-اليوم');
  });

  it('round-trips a slug made from any Arabic headline', () => {
    const slug = slugify('أَعْلَنَ الْمُؤْتَمَرُ عن إطلاق مبادرة ٢٠٣٠');
    expect(decodeURIComponent(articlePath('ar', 'economy', slug).split('/').pop()!)).toBe(slug);
  });
});
