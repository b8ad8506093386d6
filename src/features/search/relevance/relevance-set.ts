import type { Language } from '../../../platform/i18n/i18n.js';

/**
 * Queries a reader would type, over the demo newsroom (src/features/demo/content), with the headlines
 * of the stories that must come first. Half Arabic (with and without diacritics, alef and taa marbuta
 * variants, prefixes such as وال، بال، لل، و، ب, names), half English (plurals, stems, possessives, names,
 * a phrase). Used by `npm run eval:search` (MRR@5, recall@10 on both databases) and relevance.test.ts.
 * `top: 1` marks the must-find cases that must be the very first result.
 */
export interface RelevanceCase {
  language: Language;
  query: string;
  /** What the case exercises, for the report. */
  why: string;
  relevant: string[];
  top?: 1;
}

export const RELEVANCE_SET: RelevanceCase[] = [
  // ---- Arabic
  { language: 'ar', query: 'فيتو غزة', why: 'name, taa marbuta', relevant: ['فيتو في مجلس الأمن يسقط مشروع قرار لوقف إطلاق النار في غزة'], top: 1 },
  { language: 'ar', query: 'اعادة اعمار غزه', why: 'alef without hamza, ه for ة', relevant: ['القاهرة تستضيف اجتماعا فنيا لبحث خطط إعادة إعمار غزة'], top: 1 },
  { language: 'ar', query: 'قطارات السعودية', why: 'plural, article', relevant: ['الخطوط الحديدية السعودية تطلب قطارات جديدة لمضاعفة الطاقة الاستيعابية لشبكتها الشرقية'], top: 1 },
  { language: 'ar', query: 'الذكاء الإصطناعي', why: 'a misspelt hamza', relevant: ['نماذج لغوية عربية تدخل سباق الذكاء الاصطناعي التوليدي'], top: 1 },
  { language: 'ar', query: 'معرض الدفاع بالرياض', why: 'بال prefix', relevant: ['معرض لتقنيات الدفاع في الرياض يجمع مصنعين محليين ودوليين ويضع التوطين في الصدارة'], top: 1 },
  { language: 'ar', query: 'مياه دجله والفرات', why: 'و prefix on a name, ه for ة', relevant: ['بغداد وأنقرة تستأنفان محادثات تقاسم مياه دجلة والفرات وسط موجة جفاف'], top: 1 },
  { language: 'ar', query: 'تمويل الشركات الناشئة', why: 'phrase-like words', relevant: ['التقنية المالية تتصدر تمويل الشركات الناشئة في الشرق الأوسط وشمال أفريقيا خلال يناير'], top: 1 },
  { language: 'ar', query: 'حقوق البث', why: 'article', relevant: ['حقوق البث ساحة المنافسة الجديدة في الدوري السعودي للمحترفين'], top: 1 },
  { language: 'ar', query: 'تأمين الشحن', why: 'the article dropped', relevant: ['ارتفاع أقساط التأمين على الشحن في البحر الأحمر وشركات الملاحة تتجه إلى رأس الرجاء الصالح'], top: 1 },
  { language: 'ar', query: 'مناورات بحرية', why: 'nisba adjective', relevant: ['مناورات بحرية مشتركة في البحر الأحمر لتعزيز أمن الملاحة'], top: 1 },
  { language: 'ar', query: 'الغرف الفندقيه', why: 'ه for ة on a nisba', relevant: ['خطة لوزارة السياحة لإضافة مئات الآلاف من الغرف الفندقية بحلول 2030'], top: 1 },
  { language: 'ar', query: 'الحكومة الالكترونية', why: 'إ written ا', relevant: ['السعودية الأولى إقليميا في مؤشر الأمم المتحدة للحكومة الإلكترونية والمساعدات الذكية تنتشر في الخدمات العامة'], top: 1 },
  { language: 'ar', query: 'مهرجانات العُلا', why: 'damma typed, ا/ى', relevant: ['العلا تفتتح موسمها الشتوي بمهرجانات تراثية وفعاليات في قلب المواقع الأثرية'], top: 1 },
  { language: 'ar', query: 'الطاقة الشمسية', why: 'article and nisba vs indefinite', relevant: ['محطة طاقة شمسية عملاقة في الصحراء تبدأ إمداد الشبكة السعودية بالكهرباء'], top: 1 },
  { language: 'ar', query: 'إيرادات قناة السويس', why: 'hamza alef', relevant: ['قناة السويس تطرح حوافز جديدة لاستعادة حركة العبور بعد تراجع الإيرادات'], top: 1 },
  { language: 'ar', query: 'تبادل الأسرى في اليمن', why: 'protected name with article', relevant: ['مساع أممية لتثبيت التهدئة في اليمن وإحياء مسار تبادل الأسرى'], top: 1 },
  { language: 'ar', query: 'الأمن السيبراني للبنوك', why: 'لل prefix', relevant: ['بنوك خليجية ترفع إنفاقها على الأمن السيبراني مع تصاعد هجمات التصيد الاحتيالي'], top: 1 },
  { language: 'ar', query: 'تحلية مياه البحر', why: 'phrase words', relevant: ['المغرب يراهن على تحلية مياه البحر بالطاقة المتجددة لمواجهة سنوات الجفاف'], top: 1 },
  { language: 'ar', query: 'الطائرات المسيّرة', why: 'shadda typed', relevant: ['صناعة الطائرات المسيرة تفتح بابا لشراكات دفاعية بين تركيا ودول الخليج'], top: 1 },
  { language: 'ar', query: 'الأقصر', why: 'place name with article', relevant: ['الأقصر وأسوان تستقبلان موسما شتويا نشطا مع زيادة الرحلات الجوية المباشرة'], top: 1 },
  { language: 'ar', query: 'طالبان', why: 'protected name (not طالب)', relevant: ['وكالات أممية تحذر من تراجع المساعدات لأفغانستان مع استمرار القيود التي تفرضها طالبان'], top: 1 },
  { language: 'ar', query: 'واشنطن والرسوم الجمركية', why: 'protected name, وال prefix', relevant: ['مفاوضات تجارية بين واشنطن ودول خليجية تبحث الرسوم الجمركية وسلاسل الإمداد'], top: 1 },
  // ---- English
  { language: 'en', query: 'gaza veto', why: 'names', relevant: ['UN Security Council ceasefire draft on Gaza fails after veto', 'China criticises US veto of Gaza ceasefire resolution'], top: 1 },
  { language: 'en', query: 'truce talks mediators', why: 'plurals', relevant: ['Qatari and Egyptian mediators push for new round of Gaza truce talks'], top: 1 },
  { language: 'en', query: 'Rafah', why: 'a place name', relevant: ['Egypt warns of consequences for peace treaty if fighting moves to Rafah'], top: 1 },
  { language: 'en', query: 'palestinian state normalisation', why: 'stems', relevant: ['Riyadh reiterates that a Palestinian state is a condition for normalisation'], top: 1 },
  { language: 'en', query: 'resolution 1701', why: 'a number', relevant: ['European ministers in Beirut urge full implementation of Resolution 1701'], top: 1 },
  { language: 'en', query: 'customs union', why: 'phrase words', relevant: ['GCC ministers set agenda for customs union and unified visa'], top: 1 },
  { language: 'en', query: "women's role", why: 'possessive', relevant: ["Arab Parliament session highlights women's role in public life"], top: 1 },
  { language: 'en', query: 'Houthi UN staff', why: 'name, case', relevant: ['Houthi authorities order US and British UN staff to leave Yemen'], top: 1 },
  { language: 'en', query: 'parliamentary vote turnout', why: 'words from headline and body', relevant: ['Iran prepares for parliamentary vote amid concerns over turnout'], top: 1 },
  { language: 'en', query: 'sudan talks jeddah', why: 'names', relevant: ['Mediators seek to revive Sudan talks in Jeddah'], top: 1 },
  { language: 'en', query: 'new trains', why: 'plural', relevant: ['Saudi rail operator orders new trains to more than double eastern network capacity'], top: 1 },
  { language: 'en', query: 'solar plants', why: 'plural of a singular headline word', relevant: ['Large desert solar plant begins supplying power to the Saudi grid'], top: 1 },
  { language: 'en', query: 'fintech startup funding', why: 'singular of a plural, stem', relevant: ['MENA startups raise tens of millions of dollars in January as fintech leads'], top: 1 },
  { language: 'en', query: 'Arab Light price', why: 'a product name', relevant: ['Aramco holds Arab Light price to Asia steady for March'], top: 1 },
  { language: 'en', query: 'suez canal revenue', why: 'singular of a plural', relevant: ['Suez Canal revenues fall sharply as ships avoid the Red Sea'], top: 1 },
  { language: 'en', query: 'non-oil exports', why: 'hyphenated word', relevant: ['Saudi non-oil exports rise 2.5 percent in November'], top: 1 },
  { language: 'en', query: 'cyber drills for banks', why: 'plural, stop word', relevant: ['Qatar stages national cyber drill for banks and critical infrastructure'], top: 1 },
  { language: 'en', query: 'subsea cable', why: 'singular of a plural', relevant: ['Egypt bets on subsea cables to attract data centre investment'], top: 1 },
  { language: 'en', query: 'astronauts', why: 'plural of a singular', relevant: ["Turkey's first astronaut heads for the International Space Station"], top: 1 },
  { language: 'en', query: 'drone manufacturing', why: 'stems', relevant: ['UAE defense group opens drone manufacturing plant in Abu Dhabi'], top: 1 },
  { language: 'en', query: 'hotel rooms 2030', why: 'a number', relevant: ['Saudi tourism ministry plans 250,000 new hotel rooms by 2030'], top: 1 },
  { language: 'en', query: '"unified tourist visa"', why: 'a phrase in quotes', relevant: ['Hotels and airlines prepare for the GCC unified tourist visa'], top: 1 },
  { language: 'en', query: 'OPEC output cuts', why: 'acronym, plural', relevant: ['OPEC+ members extend voluntary oil output cuts'], top: 1 },
  { language: 'en', query: 'umrah pilgrims', why: 'plural of a singular', relevant: ['Umrah pilgrim numbers hit record as visa rules are eased'], top: 1 },
];
