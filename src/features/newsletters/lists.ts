import type { Section } from '../sections/index.js';
import type { Language } from '../../platform/i18n/i18n.js';

/**
 * The lists a reader can choose: the daily digest, breaking news, and a weekly digest per section.
 * A list is a string key so a new section needs no migration: `daily`, `breaking`, `weekly:<section id>`.
 */
export type ListKey = 'daily' | 'breaking' | `weekly:${string}`;

export interface ListChoice {
  key: ListKey;
  name: Record<Language, string>;
}

const FIXED: ListChoice[] = [
  { key: 'daily', name: { en: 'Daily digest', ar: 'الموجز اليومي' } },
  { key: 'breaking', name: { en: 'Breaking news', ar: 'الأخبار العاجلة' } },
];

/** Every list offered, in the order forms show them: daily, breaking, then each section's weekly. */
export function availableLists(sections: readonly Section[]): ListChoice[] {
  return [
    ...FIXED,
    ...sections.map((s) => ({
      key: `weekly:${s.id}` as const,
      name: { en: `${s.name.en} this week`, ar: `${s.name.ar} هذا الأسبوع` },
    })),
  ];
}

/** Keeps only lists that exist now, without repeats, in the offered order. */
export function validLists(requested: readonly string[], sections: readonly Section[]): ListKey[] {
  const wanted = new Set(requested);
  return availableLists(sections)
    .map((l) => l.key)
    .filter((k) => wanted.has(k));
}

export function listName(key: string, sections: readonly Section[], lang: Language): string {
  return availableLists(sections).find((l) => l.key === key)?.name[lang] ?? key;
}

export function sectionIdOfWeekly(key: string): string | undefined {
  return key.startsWith('weekly:') ? key.slice('weekly:'.length) : undefined;
}
