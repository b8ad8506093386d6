import type { TextMark } from './document.schema.js';

// Link outermost, so one link stays one <a> while bold/italic change inside it; the schema does not fix
// the order (TipTap's depends on extension order), so every consumer sorts.
const MARK_RANK: Record<TextMark['type'], number> = { link: 0, bold: 1, italic: 2 };

export function sortMarks(marks: readonly TextMark[] = []): TextMark[] {
  return [...marks].sort((a, b) => MARK_RANK[a.type] - MARK_RANK[b.type]);
}

export function isSameMark(a: TextMark | undefined, b: TextMark | undefined): boolean {
  if (a === undefined || b === undefined || a.type !== b.type) return false;
  return a.type !== 'link' || (b.type === 'link' && a.attrs.href === b.attrs.href);
}
