import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { newsletterEmailEn } from '../../../platform/i18n/newsletter-email.en.js';
import { fillRecipientPlaceholders, renderIssueEmail, type IssueEmailInput } from './index.js';

const window = new Window();
afterAll(() => window.happyDOM.close());
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html');
/** What a reader sees of an element: its text with runs of whitespace as one space. */
const seen = (el: { textContent: string | null } | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const linkByText = (doc: ReturnType<typeof parse>, text: string) => [...doc.querySelectorAll('a')].find((a) => seen(a) === text);

/** The text-align of every MJML text block (mj-text renders as a div styled with the font and alignment). */
const textBlockAlignments = (doc: ReturnType<typeof parse>) =>
  [...doc.querySelectorAll('div[style*="font-family"]')].map((d) => /text-align:(\w+)/.exec(d.getAttribute('style') ?? '')?.[1]);

const MOTTO = 'بالشعب و للشعب';

function englishIssue(overrides: Partial<IssueEmailInput> = {}): IssueEmailInput {
  return {
    lang: 'en',
    kind: 'daily',
    siteName: 'Arab Press',
    motto: MOTTO,
    siteUrl: 'https://news.example',
    dateLabel: 'Friday 4 December 2026',
    title: 'Daily digest',
    preheader: 'Budget passes after a night of talks',
    intro: 'Good morning.\n\nA busy day in parliament.',
    leads: [
      {
        headline: 'Parliament passes the budget',
        standfirst: 'After a night of talks, the vote was 88 to 41.',
        url: 'https://news.example/politics/budget',
        section: 'Politics',
        imageUrl: 'https://news.example/media/budget.jpg',
        imageAlt: 'Members of parliament voting',
        byline: 'Sara Haddad',
      },
      { headline: 'Storm closes the port', standfirst: 'Ships wait offshore.', url: 'https://news.example/weather/storm' },
    ],
    sections: [
      {
        title: 'Economy',
        stories: [
          { headline: 'Oil prices rise', standfirst: 'Brent up 3%.', url: 'https://news.example/economy/oil' },
          { headline: 'Gold slips', standfirst: 'A quiet week.', url: 'https://news.example/economy/gold' },
        ],
      },
      { title: 'Sport', stories: [{ headline: 'Cup final tonight', standfirst: 'Kick-off at eight.', url: 'https://news.example/sport/cup' }] },
    ],
    preferencesUrl: '%%PREFERENCES_URL%%',
    unsubscribeUrl: '%%UNSUBSCRIBE_URL%%',
    ...overrides,
  };
}

function arabicIssue(overrides: Partial<IssueEmailInput> = {}): IssueEmailInput {
  return {
    lang: 'ar',
    kind: 'weekly',
    siteName: 'عرب برس',
    motto: MOTTO,
    siteUrl: 'https://news.example/ar',
    dateLabel: 'الجمعة 4 ديسمبر 2026',
    title: 'السياسة هذا الأسبوع',
    preheader: 'البرلمان يقر الميزانية',
    leads: [
      {
        headline: 'البرلمان يقر الميزانية',
        standfirst: 'بعد ليلة من المفاوضات.',
        url: 'https://news.example/ar/politics/budget',
        imageUrl: 'https://news.example/media/budget.jpg',
        imageAlt: 'نواب يصوتون',
        byline: 'سارة حداد',
      },
    ],
    sections: [{ title: 'الاقتصاد', stories: [{ headline: 'ارتفاع أسعار النفط', standfirst: 'برنت يرتفع 3%.', url: 'https://news.example/ar/economy/oil' }] }],
    preferencesUrl: '%%PREFERENCES_URL%%',
    unsubscribeUrl: '%%UNSUBSCRIBE_URL%%',
    ...overrides,
  };
}

describe('renderIssueEmail in English', () => {
  it('is a left-to-right English email with the masthead, the stories as links and the footer', async () => {
    const { html } = await renderIssueEmail(englishIssue());
    const doc = parse(html);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.documentElement.getAttribute('dir')).toBe('ltr');
    expect(seen(doc.querySelector('title'))).toBe('Daily digest – Arab Press');

    // Masthead: the site name links home; the Arabic motto is marked as Arabic, right to left.
    expect(linkByText(doc, 'Arab Press')?.getAttribute('href')).toBe('https://news.example');
    const motto = [...doc.querySelectorAll('[lang="ar"]')].find((el) => seen(el) === MOTTO);
    expect(motto?.getAttribute('dir')).toBe('rtl');
    expect(seen(doc.body)).toContain('Friday 4 December 2026');
    expect(seen(doc.querySelector('h1'))).toBe('Daily digest');
    expect([...doc.querySelectorAll('p')].map(seen)).toEqual(expect.arrayContaining(['Good morning.', 'A busy day in parliament.']));

    // The preheader is in the body, hidden.
    const preheader = [...doc.querySelectorAll('div')].find((d) => seen(d) === 'Budget passes after a night of talks');
    expect(preheader?.getAttribute('style')).toContain('display:none');

    // Headlines link to their stories; the lead has a "read more" link too.
    expect(linkByText(doc, 'Parliament passes the budget')?.getAttribute('href')).toBe('https://news.example/politics/budget');
    expect(linkByText(doc, 'Read the full story →')?.getAttribute('href')).toBe('https://news.example/politics/budget');
    expect(linkByText(doc, 'Gold slips')?.getAttribute('href')).toBe('https://news.example/economy/gold');
    expect(seen(doc.body)).toContain('By Sara Haddad');

    // Footer: why, preferences, unsubscribe, site.
    expect(seen(doc.body)).toContain('You are receiving this email because you subscribed to the daily digest from Arab Press.');
    expect(linkByText(doc, 'Visit Arab Press')?.getAttribute('href')).toBe('https://news.example');

    // English headlines are set in a serif; text runs from the left.
    const headline = [...doc.querySelectorAll('h3')].find((h) => seen(h) === 'Parliament passes the budget');
    expect(headline?.getAttribute('style')).toMatch(/font-family:Georgia, 'Times New Roman'.*serif/);
    const aligns = textBlockAlignments(doc);
    expect(aligns).toContain('left');
    expect(aligns.filter((a) => a !== 'left' && a !== 'center')).toEqual([]);
  });

  it('shows the first lead’s image, linked, with its alt text and a width within the 600px body', async () => {
    const { html } = await renderIssueEmail(englishIssue());
    const doc = parse(html);
    const images = [...doc.querySelectorAll('img')];
    expect(images).toHaveLength(1);
    const img = images[0]!;
    expect(img.getAttribute('src')).toBe('https://news.example/media/budget.jpg');
    expect(img.getAttribute('alt')).toBe('Members of parliament voting');
    const width = Number(img.getAttribute('width'));
    expect(width).toBeGreaterThan(0);
    expect(width).toBeLessThanOrEqual(600);
    expect(img.closest('a')?.getAttribute('href')).toBe('https://news.example/politics/budget');
    expect(html).toContain('max-width:600px');
    // Table layout from MJML, no third-party font links.
    expect(doc.querySelectorAll('table[role="presentation"]').length).toBeGreaterThan(3);
    expect(html).not.toMatch(/fonts\.googleapis/);
  });

  it('shows the blocks in order: title, leads, then each section with its stories', async () => {
    const { html, text } = await renderIssueEmail(englishIssue());
    const doc = parse(html);
    expect([...doc.querySelectorAll('h1, h2, h3')].map((h) => `${h.tagName}:${seen(h)}`)).toEqual([
      'H1:Daily digest',
      'H2:Top stories',
      'H3:Parliament passes the budget',
      'H3:Storm closes the port',
      'H2:Economy',
      'H3:Oil prices rise',
      'H3:Gold slips',
      'H2:Sport',
      'H3:Cup final tonight',
    ]);
    const order = ['Daily digest', 'Parliament passes the budget', 'Storm closes the port', '=== Economy ===', 'Oil prices rise', 'Gold slips', '=== Sport ===', 'Cup final tonight'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('leaves out sections without stories, and the "Top stories" heading when there are no sections', async () => {
    const { html, text } = await renderIssueEmail(
      englishIssue({ kind: 'breaking', title: 'Breaking news', intro: undefined, leads: englishIssue().leads.slice(0, 1), sections: [{ title: 'Empty', stories: [] }] }),
    );
    const doc = parse(html);
    expect([...doc.querySelectorAll('h1, h2, h3')].map(seen)).toEqual(['Breaking news', 'Parliament passes the budget']);
    expect(text).not.toContain('Empty');
    expect(text).not.toContain('Top stories');
    expect(seen(doc.body)).toContain('you subscribed to breaking news alerts from Arab Press.');
  });

  it('writes the plain-text part in the same order, every URL on its own line, and no HTML', async () => {
    const { text } = await renderIssueEmail(englishIssue());
    expect(text).toBe(
      [
        'Arab Press',
        MOTTO,
        'Friday 4 December 2026',
        '----------------------------------------',
        '',
        'Daily digest',
        '',
        'Good morning.',
        '',
        'A busy day in parliament.',
        '',
        '=== Top stories ===',
        '',
        'Parliament passes the budget',
        'After a night of talks, the vote was 88 to 41.',
        'By Sara Haddad',
        'https://news.example/politics/budget',
        '',
        'Storm closes the port',
        'Ships wait offshore.',
        'https://news.example/weather/storm',
        '',
        '=== Economy ===',
        '',
        'Oil prices rise',
        'Brent up 3%.',
        'https://news.example/economy/oil',
        '',
        'Gold slips',
        'A quiet week.',
        'https://news.example/economy/gold',
        '',
        '=== Sport ===',
        '',
        'Cup final tonight',
        'Kick-off at eight.',
        'https://news.example/sport/cup',
        '',
        '----------------------------------------',
        'You are receiving this email because you subscribed to the daily digest from Arab Press.',
        '',
        'Manage your newsletters and language:',
        '%%PREFERENCES_URL%%',
        '',
        'Unsubscribe:',
        '%%UNSUBSCRIBE_URL%%',
        '',
        'Visit Arab Press:',
        'https://news.example',
        '',
      ].join('\n'),
    );
  });

  it('keeps &, < and quotes as themselves in the plain text (no entities)', async () => {
    const { text } = await renderIssueEmail(
      englishIssue({
        title: 'Q&A: "Why <now>?"',
        intro: 'Tom & Jerry’s <b>guide</b>',
        leads: [{ headline: 'Oil & gas <update>', standfirst: '5 > 3 & "quotes"', url: 'https://news.example/a?x=1&y=2' }],
      }),
    );
    expect(text).toContain('Q&A: "Why <now>?"');
    expect(text).toContain('Tom & Jerry’s <b>guide</b>');
    expect(text).toContain('Oil & gas <update>\n5 > 3 & "quotes"\nhttps://news.example/a?x=1&y=2\n');
    expect(text).not.toMatch(/&(amp|lt|gt|quot|nbsp|#\d+);/);
  });
});

describe('renderIssueEmail in Arabic', () => {
  it('is right to left, in Arabic type, with Arabic strings and no English ones', async () => {
    const { html, text } = await renderIssueEmail(arabicIssue());
    const doc = parse(html);
    expect(doc.documentElement.getAttribute('lang')).toBe('ar');
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    // Every text block is set right (or centred, in the masthead); none from the left.
    const aligns = textBlockAlignments(doc);
    expect(aligns).toContain('right');
    expect(aligns.filter((a) => a !== 'right' && a !== 'center')).toEqual([]);
    expect(html).toContain("font-family:'Noto Naskh Arabic', 'Geeza Pro', Tahoma, Arial, sans-serif");

    const body = seen(doc.body);
    expect(body).toContain('عرب برس');
    expect(body).toContain('الجمعة 4 ديسمبر 2026');
    expect(body).toContain('بقلم سارة حداد');
    expect(body).toContain('أبرز الأخبار');
    expect(body).toContain('تصلك هذه الرسالة لأنك اشتركت في النشرة الأسبوعية من عرب برس.');
    expect(linkByText(doc, 'إلغاء الاشتراك')?.getAttribute('href')).toBe('%%UNSUBSCRIBE_URL%%');
    expect(linkByText(doc, 'إدارة نشراتك ولغتها')?.getAttribute('href')).toBe('%%PREFERENCES_URL%%');
    expect(linkByText(doc, 'زيارة موقع عرب برس')?.getAttribute('href')).toBe('https://news.example/ar');
    expect(linkByText(doc, 'اقرأ الخبر كاملًا ←')?.getAttribute('href')).toBe('https://news.example/ar/politics/budget');
    expect(seen(doc.querySelector('title'))).toBe('السياسة هذا الأسبوع – عرب برس');

    // No English interface text in either part (the fixed words of every English string).
    for (const value of Object.values(newsletterEmailEn)) {
      for (const words of value.split(/\{\w+\}/).map((s) => s.trim()).filter((s) => s.length > 3)) {
        expect(body, words).not.toContain(words);
        expect(text, words).not.toContain(words);
      }
    }
    expect(body).not.toMatch(/Unsubscribe|Top stories|Read the full story|By /);
  });

  it('writes an Arabic plain text with the links on their own lines', async () => {
    const { text } = await renderIssueEmail(arabicIssue());
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual(['عرب برس', MOTTO, 'الجمعة 4 ديسمبر 2026', '----------------------------------------', '', 'السياسة هذا الأسبوع']);
    expect(text).toContain('البرلمان يقر الميزانية\nبعد ليلة من المفاوضات.\nبقلم سارة حداد\nhttps://news.example/ar/politics/budget\n');
    expect(text).toContain('=== الاقتصاد ===\n\nارتفاع أسعار النفط\nبرنت يرتفع 3%.\nhttps://news.example/ar/economy/oil\n');
    expect(text).toContain('إلغاء الاشتراك:\n%%UNSUBSCRIBE_URL%%\n');
    expect(text).toContain('إدارة نشراتك ولغتها:\n%%PREFERENCES_URL%%\n');
    // No bidi control characters in the Arabic text itself.
    expect(text).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('escaping', () => {
  it('shows markup in headlines, intro, titles and names as text, never as HTML', async () => {
    const { html } = await renderIssueEmail(
      englishIssue({
        siteName: 'Arab <i>Press</i>',
        title: 'Digest <script>alert(1)</script>',
        intro: 'Hello <script>alert("intro")</script> & welcome',
        leads: [
          {
            headline: '<script>alert("x")</script> Budget',
            standfirst: '<img src=x onerror=alert(1)>',
            url: 'https://news.example/a',
            imageUrl: 'https://news.example/i.jpg',
            imageAlt: '" onerror="alert(1)',
          },
        ],
        sections: [
          {
            title: '<b>Economy</b>',
            stories: [
              { headline: 'A "quoted" <em>word</em>', standfirst: 'x', url: 'https://news.example/b' },
              { headline: 'No link <script>alert(2)</script>', standfirst: 'y', url: '' },
            ],
          },
        ],
      }),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<i>Press');
    const doc = parse(html);
    expect(doc.querySelectorAll('script, em, b, i').length).toBe(0);
    expect(doc.querySelectorAll('[onerror]').length).toBe(0);
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe('" onerror="alert(1)');
    expect(seen(doc.querySelector('h1'))).toBe('Digest <script>alert(1)</script>');
    expect([...doc.querySelectorAll('h3')].map(seen)).toEqual(['<script>alert("x")</script> Budget', 'A "quoted" <em>word</em>', 'No link <script>alert(2)</script>']);
    expect(seen(doc.body)).toContain('Hello <script>alert("intro")</script> & welcome');
    expect(seen(doc.body)).toContain('<img src=x onerror=alert(1)>');
    expect([...doc.querySelectorAll('h2')].map(seen)).toContain('<b>Economy</b>');
    expect(seen(doc.querySelector('title'))).toBe('Digest <script>alert(1)</script> – Arab <i>Press</i>');
  });

  it('drops links and images that are not http(s), keeping the story text', async () => {
    const { html, text } = await renderIssueEmail(
      englishIssue({
        leads: [{ headline: 'Bad link', standfirst: 'Still shown.', url: 'javascript:alert(1)', imageUrl: 'data:image/png;base64,AAAA' }],
        sections: [
          {
            title: 'Mixed',
            stories: [
              { headline: 'Relative', standfirst: 's', url: '/politics/x' },
              { headline: 'Good', standfirst: 's', url: 'http://news.example/good' },
            ],
          },
        ],
      }),
    );
    expect(html).not.toMatch(/javascript:|data:image|\/politics\/x/);
    expect(text).not.toMatch(/javascript:|data:image|\/politics\/x/);
    const doc = parse(html);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    const bad = [...doc.querySelectorAll('h3')].find((h) => seen(h) === 'Bad link');
    expect(bad).toBeDefined();
    expect(bad?.querySelector('a')).toBeNull();
    expect(linkByText(doc, 'Read the full story →')).toBeUndefined();
    expect(linkByText(doc, 'Good')?.getAttribute('href')).toBe('http://news.example/good');
    expect(text).toContain('Bad link\nStill shown.\n\n');
    expect(text).toContain('Good\ns\nhttp://news.example/good\n');
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^(https?:\/\/|%%[A-Z_]+%%$)/);
  });

  it('refuses a site, preferences or unsubscribe link that is neither http(s) nor a %%NAME%% placeholder', async () => {
    await expect(renderIssueEmail(englishIssue({ siteUrl: '/' }))).rejects.toThrow(/siteUrl/);
    await expect(renderIssueEmail(englishIssue({ unsubscribeUrl: 'javascript:alert(1)' }))).rejects.toThrow(/unsubscribeUrl/);
    await expect(renderIssueEmail(englishIssue({ preferencesUrl: '{{prefs}}' }))).rejects.toThrow(/preferencesUrl/);
  });
});

describe('per-recipient placeholders', () => {
  it('come out verbatim in the HTML links and on their own lines in the text', async () => {
    for (const input of [englishIssue(), arabicIssue()]) {
      const { html, text } = await renderIssueEmail(input);
      const doc = parse(html);
      const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).toContain('%%UNSUBSCRIBE_URL%%');
      expect(hrefs).toContain('%%PREFERENCES_URL%%');
      // Verbatim in the raw HTML too: a plain string replace must find them.
      expect(html).toContain('href="%%UNSUBSCRIBE_URL%%"');
      expect(html).toContain('href="%%PREFERENCES_URL%%"');
      const lines = text.split('\n');
      expect(lines).toContain('%%UNSUBSCRIBE_URL%%');
      expect(lines).toContain('%%PREFERENCES_URL%%');
    }
  });

  it('are filled per recipient by fillRecipientPlaceholders, escaped for HTML and verbatim in text', async () => {
    const rendered = await renderIssueEmail(englishIssue());
    const unsubscribe = 'https://news.example/newsletters/unsubscribe?token=a$&b&list=daily';
    const preferences = 'https://news.example/newsletters/preferences?token=a$&b';
    const filled = fillRecipientPlaceholders(rendered, { '%%UNSUBSCRIBE_URL%%': unsubscribe, '%%PREFERENCES_URL%%': preferences });
    expect(filled.html).not.toContain('%%');
    expect(filled.text).not.toContain('%%');
    const doc = parse(filled.html);
    expect(linkByText(doc, 'Unsubscribe')?.getAttribute('href')).toBe(unsubscribe);
    expect(linkByText(doc, 'Manage your newsletters and language')?.getAttribute('href')).toBe(preferences);
    expect(filled.text).toContain(`Unsubscribe:\n${unsubscribe}\n`);
    expect(filled.text).toContain(`Manage your newsletters and language:\n${preferences}\n`);
    // The rendered issue itself is untouched, ready for the next recipient.
    expect(rendered.html).toContain('%%UNSUBSCRIBE_URL%%');
    expect(() => fillRecipientPlaceholders(rendered, { '%%UNSUBSCRIBE_URL%%': 'javascript:alert(1)' })).toThrow();
  });

  it('also survive when the links are real URLs with query strings', async () => {
    const unsubscribe = 'https://news.example/u?t=abc&l=1';
    const { html, text } = await renderIssueEmail(englishIssue({ unsubscribeUrl: unsubscribe }));
    expect(linkByText(parse(html), 'Unsubscribe')?.getAttribute('href')).toBe(unsubscribe);
    expect(text.split('\n')).toContain(unsubscribe);
  });
});
