import { normalizeArabic } from './arabic-normalize.js';

/**
 * Names that Arabic light stemming would cut into other words or into nothing: a leading و/ف/ب/ك/ل
 * or a trailing ان/ين/ات/ون/ي is part of the name, not an affix (فلسطين is not ف + لسط + ين, طالبان is
 * not طالب + ان). A name here is never cut; a word made of an optional prefix, the name and a
 * nisba/plural ending (الفلسطينيون, لواشنطن, بيروتي) stems to the name itself. Written as newsrooms spell
 * them; normalized when loaded, so the list may use any spelling.
 *
 * Add a name when a search for it finds unrelated words or misses its own inflections.
 */
const NAMES = [
  // Places
  'فلسطين', 'واشنطن', 'لبنان', 'بيروت', 'بغداد', 'إيران', 'طهران', 'السودان', 'اليابان', 'باكستان', 'أفغانستان',
  'كردستان', 'أذربيجان', 'كازاخستان', 'أوزبكستان', 'طاجيكستان', 'تركمانستان', 'قرغيزستان', 'الفاتيكان', 'البحرين',
  'الإمارات', 'عمان', 'عمّان', 'اليمن', 'الجزائر', 'موريتانيا', 'فرنسا', 'بريطانيا', 'برلين', 'لندن', 'بكين',
  'موسكو', 'فيينا', 'وارسو', 'ويلز', 'بلجيكا', 'بولندا', 'كندا', 'فنزويلا', 'كوبا', 'كابول', 'بنغازي', 'طرابلس',
  'بنزرت', 'فاس', 'وهران', 'الخرطوم', 'أسوان', 'حلوان', 'بيسان', 'بئر السبع', 'تطوان', 'عجمان',
  'الفجيرة', 'دمشق', 'القدس', 'غزة', 'رفح', 'جنين', 'نابلس', 'بابل', 'البصرة', 'لوزان', 'ميلان', 'بوسطن', 'فيتنام',
  'تايوان', 'أوكرانيا', 'ليبيا', 'سيناء', 'البلقان', 'الفلبين', 'الأرجنتين',
  // Organisations and movements
  'طالبان', 'حماس', 'البرلمان', 'الكرملين', 'البنتاغون', 'الناتو', 'أوبك',
  // People, given names, God (الله would lose its final letter to the ه rule)
  'الله', 'بوتين', 'بايدن', 'ترامب', 'نتنياهو', 'أردوغان', 'سلمان', 'عثمان', 'عمران', 'حمدان', 'بنيامين', 'ياسين',
  'زيلينسكي', 'ماكرون', 'لولا', 'بلينكن', 'عرفات', 'رمضان',
  // Months
  'كانون', 'تشرين', 'حزيران', 'نيسان', 'أيلول', 'آذار', 'تموز', 'آب', 'شباط', 'أيار', 'يناير', 'فبراير', 'يونيو',
  'يوليو', 'أكتوبر', 'نوفمبر', 'ديسمبر',
] as const;

/** The protected names, normalized, without the article (the stemmer tries it as a prefix). */
export const PROTECTED_NAMES: ReadonlySet<string> = new Set(
  NAMES.map((name) => normalizeArabic(name))
    .map((word) => (word.startsWith('ال') && word.length > 4 ? word.slice(2) : word))
    .filter((word) => word.length >= 2),
);
