import type { SimpleBlock } from '../src/editor/index.js';

/**
 * Deterministic fake newsroom content for the benchmark: same seed, same 10,000 articles, so runs
 * compare. Word lists are the bench's own (not the demo content) so changing the demo never moves
 * the figures.
 */

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for picking words. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

export function pickSome<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

// The demo newsroom's own sections, topics and writers: one list for the product and the benchmark.
export { demoSections as sections, demoTags as tags, demoPeople as people } from '../src/features/demo/content/taxonomy.js';

export const agencies = { en: ['Arab Press Wire', 'Reuters', 'AFP'], ar: ['وكالة عرب برس', 'رويترز', 'فرانس برس'] } as const;

const EN = {
  subjects: ['Ministers', 'The central bank', 'Regional carriers', 'Gulf investors', 'Aid agencies', 'Port operators', 'The United Nations', 'Start-up founders', 'Oil producers', 'Hotel groups', 'Defense planners', 'Negotiators', 'Farmers', 'Telecom firms', 'City planners', 'Shipping lines', 'Energy regulators', 'University researchers', 'Border officials', 'Tourism boards', 'Rail operators', 'Cyber experts', 'Central planners', 'Trade envoys', 'Water authorities', 'Airport managers', 'Solar developers', 'Diplomats', 'Local councils', 'Fund managers'],
  verbs: ['weigh', 'back', 'delay', 'expand', 'review', 'reject', 'unveil', 'approve', 'question', 'fund', 'launch', 'pause', 'renew', 'tighten', 'ease', 'study', 'defend', 'double', 'cut', 'extend'],
  objects: ['new rail links', 'a ceasefire plan', 'fuel subsidies', 'visa rules', 'desalination projects', 'an AI strategy', 'port fees', 'border crossings', 'hotel capacity', 'drone exports', 'solar tenders', 'food imports', 'cloud data centres', 'aid corridors', 'airline routes', 'bond sales', 'grid upgrades', 'pipeline deals', 'trade talks', 'housing targets', 'water tariffs', 'tax reforms', 'cyber defences', 'museum openings', 'shipping insurance', 'wheat reserves', 'interest rates', 'school budgets', 'fishing quotas', 'election timetables'],
  places: ['Riyadh', 'Cairo', 'Doha', 'Dubai', 'Amman', 'Beirut', 'Muscat', 'Kuwait', 'Manama', 'Rabat', 'Tunis', 'Baghdad', 'Jeddah', 'Abu Dhabi', 'Istanbul', 'Aden', 'Khartoum', 'Algiers', 'Tehran', 'Gaza'],
  words: 'the of and to in a that for on with as by said officials government plan year new market region people economic public policy minister agency report data growth security talks deal trade energy oil prices investment sector project companies capital workers demand supply exports imports council budget bank analysts according percent billion million week month while after before during between across under within further since however although despite amid including without towards against among around through expected announced reported raised reduced increased agreed signed planned proposed warned noted added stressed confirmed denied insisted argued estimated recorded reached opened closed launched completed delayed ministry parliament committee board authority regional international national local foreign domestic private state federal coastal northern southern eastern western central major key first second third last next early late recent current former future long short high low strong weak steady rapid slow large small wider broader deeper closer'.split(' '),
  quotes: ['We cannot wait for perfect conditions; the work has to start now.', 'This is the largest change the sector has seen in a generation.', 'Every delay makes the final bill higher for ordinary families.', 'The numbers are encouraging, but one good quarter is not a trend.', 'We are ready to talk, but not at any price.'],
  cites: ['a senior official who asked not to be named', 'an economist at a Gulf investment bank', 'a spokesperson for the ministry', 'a researcher at a regional think tank', 'a former ambassador'],
  h2: ['What happens next', 'A long road', 'The numbers behind the plan', 'Reaction in the region', 'Questions remain', 'Why it matters'],
};

const AR = {
  subjects: ['الوزراء', 'البنك المركزي', 'شركات الطيران', 'المستثمرون الخليجيون', 'وكالات الإغاثة', 'مشغلو الموانئ', 'الأمم المتحدة', 'رواد الأعمال', 'منتجو النفط', 'مجموعات الفنادق', 'المخططون العسكريون', 'المفاوضون', 'المزارعون', 'شركات الاتصالات', 'البلديات', 'خطوط الشحن', 'هيئات الطاقة', 'الباحثون', 'مسؤولو الحدود', 'هيئات السياحة'],
  verbs: ['تدرس', 'تدعم', 'تؤجل', 'توسع', 'تراجع', 'ترفض', 'تكشف', 'تقر', 'تمول', 'تطلق', 'تعلق', 'تجدد', 'تشدد', 'تخفف', 'تضاعف'],
  objects: ['خطوط سكك حديدية جديدة', 'خطة لوقف إطلاق النار', 'دعم الوقود', 'قواعد التأشيرات', 'مشاريع تحلية المياه', 'استراتيجية الذكاء الاصطناعي', 'رسوم الموانئ', 'المعابر الحدودية', 'الطاقة الفندقية', 'مناقصات الطاقة الشمسية', 'واردات الغذاء', 'مراكز البيانات', 'ممرات المساعدات', 'مسارات الطيران', 'إصدار السندات', 'تحديث الشبكة', 'صفقات خطوط الأنابيب', 'المحادثات التجارية', 'أهداف الإسكان', 'تعرفة المياه'],
  places: ['الرياض', 'القاهرة', 'الدوحة', 'دبي', 'عمّان', 'بيروت', 'مسقط', 'الكويت', 'المنامة', 'الرباط', 'تونس', 'بغداد', 'جدة', 'أبوظبي', 'إسطنبول', 'عدن', 'الخرطوم', 'الجزائر', 'طهران', 'غزة'],
  words: 'في من إلى على أن التي الذي مع عن هذا هذه بين خلال بعد قبل حيث كما وقال وأضاف وأكد المسؤولون الحكومة الخطة العام الجديد السوق المنطقة الناس الاقتصادي العام السياسة الوزير الوكالة التقرير البيانات النمو الأمن المحادثات الاتفاق التجارة الطاقة النفط الأسعار الاستثمار القطاع المشروع الشركات رأس المال العمال الطلب العرض الصادرات الواردات المجلس الميزانية البنك المحللون بحسب بالمئة مليار مليون الأسبوع الشهر بينما رغم وسط بما فيها دون نحو ضد حول عبر تحت ضمن منذ المتوقع أعلن أفاد رفع خفض زاد اتفق وقع خطط اقترح حذر أشار شدد أكد نفى أصر قدر سجل بلغ افتتح أغلق أطلق أنجز أجل الوزارة البرلمان اللجنة الهيئة الإقليمية الدولية الوطنية المحلية الخارجية الخاصة الدولة الساحلية الشمالية الجنوبية الشرقية الغربية الرئيسية الأولى الثانية الأخيرة المقبلة المبكرة الحالية السابقة طويلة قصيرة مرتفعة منخفضة قوية ضعيفة سريعة بطيئة كبيرة صغيرة أوسع أعمق'.split(' '),
  quotes: ['لا يمكننا انتظار الظروف المثالية، فالعمل يجب أن يبدأ الآن.', 'هذا أكبر تغيير يشهده القطاع منذ جيل كامل.', 'كل تأخير يرفع الفاتورة النهائية على الأسر العادية.', 'الأرقام مشجعة، لكن ربعا جيدا واحدا لا يصنع اتجاها.', 'نحن مستعدون للحوار، لكن ليس بأي ثمن.'],
  cites: ['مسؤول رفيع طلب عدم ذكر اسمه', 'خبير اقتصادي في بنك استثماري خليجي', 'متحدث باسم الوزارة', 'باحث في مركز دراسات إقليمي', 'سفير سابق'],
  h2: ['ماذا بعد؟', 'طريق طويل', 'الأرقام وراء الخطة', 'ردود الفعل في المنطقة', 'أسئلة معلقة', 'لماذا يهم ذلك'],
};

type Lang = 'en' | 'ar';
const lex = (lang: Lang) => (lang === 'ar' ? AR : EN);

function sentence(rng: Rng, lang: Lang): string {
  const L = lex(lang);
  const words = Array.from({ length: int(rng, 9, 22) }, () => pick(rng, L.words));
  if (rng() < 0.4) words.splice(int(rng, 0, words.length - 1), 0, pick(rng, L.places));
  if (lang === 'en') words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return `${words.join(' ')}.`;
}

/** A paragraph of 3–5 sentences, sometimes with bold, italic or a link in the editor's inline syntax. */
function paragraph(rng: Rng, lang: Lang, sectionSlug: string, lead: boolean): string {
  const sentences = Array.from({ length: int(rng, 3, 5) }, () => sentence(rng, lang));
  let text = sentences.join(' ');
  if (lead) text = `**${pick(rng, lex(lang).places)}** - ${text}`;
  if (rng() < 0.2) text += ` *${sentence(rng, lang)}*`;
  if (rng() < 0.25) text += ` [${lang === 'ar' ? 'المزيد' : 'More'}](${lang === 'ar' ? '/ar' : ''}/${sectionSlug}/)`;
  return text;
}

export function headline(rng: Rng, lang: Lang): string {
  const L = lex(lang);
  return lang === 'ar'
    ? `${pick(rng, L.subjects)} ${pick(rng, L.verbs)} ${pick(rng, L.objects)} في ${pick(rng, L.places)}`
    : `${pick(rng, L.subjects)} ${pick(rng, L.verbs)} ${pick(rng, L.objects)} in ${pick(rng, L.places)}`;
}

export function standfirst(rng: Rng, lang: Lang): string {
  return `${sentence(rng, lang)} ${sentence(rng, lang)}`;
}

/** 8–15 blocks: paragraphs, one h2 about halfway, one quote; one article in six gets a second h2. */
export function body(rng: Rng, lang: Lang, sectionSlug: string): SimpleBlock[] {
  const L = lex(lang);
  const n = int(rng, 8, 15);
  const h2At = Math.floor(n / 2);
  let quoteAt = int(rng, 1, n - 1);
  if (quoteAt === h2At) quoteAt = h2At + 1;
  const secondH2 = rng() < 1 / 6 ? n - 2 : -1;
  const blocks: SimpleBlock[] = [];
  for (let i = 0; i < n; i++) {
    if (i === quoteAt) blocks.push({ type: 'quote', text: pick(rng, L.quotes), cite: pick(rng, L.cites) });
    else if (i === h2At || i === secondH2) blocks.push({ type: 'h2', text: pick(rng, L.h2) });
    else blocks.push({ type: 'p', text: paragraph(rng, lang, sectionSlug, i === 0) });
  }
  return blocks;
}

/** A flat-colour 16:9 placeholder picture, like the demo's, so article pages carry a real <img>. */
export function placeholderSvg(color: string, n: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675"><rect width="1200" height="675" fill="${color}"/><circle cx="${200 + n * 97}" cy="337" r="180" fill="#ffffff" fill-opacity="0.2"/></svg>`;
}
