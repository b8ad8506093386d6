export { analyzeText, analyzeWord, indexableText, MAX_WORD_LENGTH, type AnalyzedWord } from './analyzer.js';
export { normalizeArabic, isArabicWord } from './arabic-normalize.js';
export { arabicStems, MIN_STEM } from './arabic-stem.js';
export { englishTerms } from './english.js';
