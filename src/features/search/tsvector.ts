import type { AnalyzedWord } from './analysis/index.js';

/**
 * A PostgreSQL tsvector literal built from our analyzer's words (cast with ::tsvector, so PostgreSQL's
 * own parser and stemmer never run). Each word contributes its exact form and its stems, marked with
 * STEM_MARK so an exact match and a stem match are different lexemes (an exact match then counts
 * twice in the rank, as in SQLite's separate columns). Stems share their word's position, so phrase
 * search over exact forms sees the real word order. Fields are separated by a gap in positions so a
 * phrase never runs from a headline into the standfirst.
 *
 * Each pair of neighbouring words in a field is a lexeme too ("central bank", with the space), so the
 * GIN index answers a phrase by itself (tsquery.ts): a phrase operator (<->) would make PostgreSQL read
 * every candidate's whole document to check positions, a second for a common pair in a large archive.
 */
export const STEM_MARK = '~';
export type Weight = 'A' | 'B' | 'C' | 'D';

// PostgreSQL keeps positions up to 16383 and at most 256 positions per lexeme; beyond that, ranking
// gains nothing, so we stop adding rather than depend on its truncation.
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
const FIELD_GAP = 8;

/**
 * Each lexeme with its positions and weights ("12A"), in the order first seen. `pairs: false` leaves
 * out the word pairs: the ranking vector does without them (tsquery.ts ranks a phrase by its words).
 */
export function tsvectorEntries(fields: { words: AnalyzedWord[]; weight: Weight }[], options: { pairs?: boolean } = {}): Map<string, string[]> {
  const pairs = options.pairs ?? true;
  const positions = new Map<string, string[]>();
  const add = (lexeme: string, entry: string) => {
    const list = positions.get(lexeme) ?? [];
    if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(entry);
    positions.set(lexeme, list);
  };
  let position = 1;
  for (const field of fields) {
    let previous: string | undefined;
    for (const word of field.words) {
      if (position > MAX_POSITION) break;
      const entry = `${position}${field.weight}`;
      add(word.exact, entry);
      for (const stem of new Set(word.stems)) add(STEM_MARK + stem, entry);
      if (pairs && previous !== undefined) add(`${previous} ${word.exact}`, `${position - 1}${field.weight}`);
      previous = word.exact;
      position++;
    }
    position += FIELD_GAP;
  }
  return positions;
}

/**
 * The literal for entries; `markers` are extra lexemes without positions (the time buckets, which
 * only the GIN index reads). Terms are letters and digits only (the analyzer guarantees it) and
 * markers start with "_", so quoting needs no escaping.
 */
export function formatTsvector(entries: Map<string, string[]>, markers: readonly string[] = []): string {
  return [...[...entries].map(([lexeme, list]) => `'${lexeme}':${list.join(',')}`), ...markers.map((m) => `'${m}'`)].join(' ');
}

export function toTsvectorLiteral(fields: { words: AnalyzedWord[]; weight: Weight }[]): string {
  return formatTsvector(tsvectorEntries(fields));
}
