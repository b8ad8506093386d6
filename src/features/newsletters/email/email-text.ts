import type { FooterLink } from './email-layout.js';

/**
 * The plain-text part: the same content as the HTML, in the same order, as text a person can read in
 * any client. Nothing here is escaped (there is no markup to escape for), and every URL stands on a line
 * of its own, so clients make it clickable and the sender's per-recipient placeholders stay intact.
 */

export const TEXT_RULE = '-'.repeat(40);

/** A block is a run of lines; blocks are separated by one blank line. Empty lines inside a block are kept. */
export type TextBlock = (string | undefined | false)[];

export function joinTextBlocks(blocks: TextBlock[]): string {
  const kept = blocks
    .map((block) => block.filter((line): line is string => typeof line === 'string'))
    .filter((lines) => lines.some((line) => line.trim() !== ''));
  return `${kept.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

export function textMasthead(siteName: string, motto: string, dateLabel?: string): TextBlock {
  return [siteName, motto, dateLabel, TEXT_RULE];
}

/** A label on one line, its URL alone on the next. */
export function textLink(link: FooterLink): TextBlock {
  return [`${link.label}:`, link.href];
}

export function textFooter(reason: string, links: FooterLink[]): TextBlock[] {
  return [[TEXT_RULE, reason], ...links.map(textLink)];
}
