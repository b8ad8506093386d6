import { DOMParser, type Element } from '@xmldom/xmldom';

/**
 * The RSS 2.0 and Atom 1.0 rules the W3C Feed Validation Service checks in the test cases under
 * `../shared/fixtures/feeds/feedvalidator/` (channel and item elements, guids, enclosures, dates, the Atom
 * feed and entry elements), reporting the validator's own event names. `feed-check.test.ts` first shows
 * that it agrees with every one of those test cases; the feeds tests then hold our feeds to it.
 */
export interface FeedReport {
  errors: string[];
  warnings: string[];
}

const ATOM = 'http://www.w3.org/2005/Atom';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const children = (el: Element, ns: string | null = null): Element[] =>
  Array.from(el.childNodes as unknown as ArrayLike<Element>).filter((n) => n.nodeType === 1 && (n.namespaceURI ?? null) === ns);
const allChildren = (el: Element): Element[] => Array.from(el.childNodes as unknown as ArrayLike<Element>).filter((n) => n.nodeType === 1);
const text = (el: Element | undefined) => (el?.textContent ?? '').trim();

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const RFC2822 = new RegExp(`^(?:(${DAYS.join('|')}), )?(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4}) (\\d\\d):(\\d\\d)(?::(\\d\\d))? (UT|GMT|Z|[ECMP][SD]T|[+-]\\d{4})$`);

/** 'valid', 'problematic' (readable only by lenient parsers) or 'invalid', as the validator grades RSS dates. */
export function gradeRfc2822(value: string): 'valid' | 'problematic' | 'invalid' {
  const strict = (v: string) => {
    const m = RFC2822.exec(v);
    if (!m) return false;
    const [, dow, day, mon, year, hh, mm, ss = '00', zone = ''] = m;
    const month = MONTHS.indexOf(mon!) + 1;
    if (!validDay(Number(year), month, Number(day)) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 60) return false;
    if (dow && DAYS[new Date(Date.UTC(Number(year), month - 1, Number(day))).getUTCDay()] !== dow) return false;
    return { zone };
  };
  const ok = strict(value);
  if (ok) return /^[+-]\d{4}$/.test(ok.zone) && Number(ok.zone.slice(3)) % 15 !== 0 ? 'problematic' : 'valid';
  // What lenient readers forgive: comments (nested, with escapes), odd spacing, any letter case, a
  // two-digit year, a military zone letter. A date they can read is problematic; one they cannot, or a
  // wrong weekday or day of the month, is invalid.
  let lenient = value.replace(/\\./g, '');
  for (let prev = ''; prev !== lenient; ) [prev, lenient] = [lenient, lenient.replace(/\([^()]*\)/g, ' ')];
  lenient = lenient
    .replace(/\s+/g, ' ')
    .replace(/ ?, ?/, ', ')
    .trim()
    .replace(/[A-Za-z]+/g, (w) => (w.length === 3 && !/^(UT|GMT|[ECMP][SD]T)$/i.test(w) ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w.toUpperCase()))
    .replace(/^((?:\w{3}, )?\d{1,2} \w{3} )(\d\d)( )/, (_, a: string, y: string, b: string) => `${a}${Number(y) < 50 ? 20 : 19}${y}${b}`)
    .replace(/ [A-IK-Z]$/, ' +0000');
  return lenient !== value && strict(lenient) ? 'problematic' : 'invalid';
}

/** RFC 3339 as Atom requires: upper-case T and Z, full date and time, every field in range. */
export function isRfc3339(value: string): boolean {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-](\d\d):(\d\d))$/.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, , , zh = '00', zm = '00'] = m;
  return validDay(Number(y), Number(mo), Number(d)) && Number(h) < 24 && Number(mi) < 60 && Number(s) < 61 && Number(zh) < 24 && Number(zm) < 60;
}

const isHttpUrl = (v: string) => /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(v);
const isUri = (v: string) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(v);
const isMime = (v: string) => /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;.*)?$/i.test(v);

export function checkFeed(xml: string): FeedReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(`NotWellFormed: ${message}`) }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root) return { errors: errors.length ? errors : ['NotWellFormed'], warnings };
  if (root.localName === 'rss') checkRss(root, errors, warnings);
  else if (root.namespaceURI === ATOM && root.localName === 'entry') checkAtomEntry(root, false, errors);
  else if (root.namespaceURI === ATOM && root.localName === 'feed') checkAtom(root, errors, warnings);
  else errors.push('UnknownFeedType');
  return { errors, warnings };
}

const CHANNEL_ONCE = ['title', 'link', 'description', 'language', 'copyright', 'managingEditor', 'webMaster', 'pubDate', 'lastBuildDate', 'generator', 'docs', 'cloud', 'ttl', 'image', 'rating', 'textInput', 'skipHours', 'skipDays'];
const ITEM_ONCE = ['title', 'link', 'description', 'author', 'comments', 'guid', 'pubDate', 'source'];
const ITEM_KNOWN = new Set([...ITEM_ONCE, 'category', 'enclosure']);

function once(parent: Element, names: string[], errors: string[], ns: string | null = null): void {
  for (const name of names) if (children(parent, ns).filter((c) => c.localName === name).length > 1) errors.push('DuplicateElement');
}

function checkRss(rss: Element, errors: string[], warnings: string[]): void {
  const channel = children(rss).find((c) => c.localName === 'channel');
  if (!channel) return void errors.push('MissingElement');
  const own = children(channel);
  const first = (name: string) => own.find((c) => c.localName === name);
  if (!first('title')) errors.push('MissingTitle');
  if (!first('link')) errors.push('MissingLink');
  if (!first('description')) errors.push('MissingDescription');
  once(channel, CHANNEL_ONCE, errors);
  const firstItem = own.findIndex((c) => c.localName === 'item');
  if (firstItem >= 0 && own.slice(firstItem).some((c) => c.localName !== 'item')) warnings.push('MisplacedItem');
  for (const dateName of ['pubDate', 'lastBuildDate']) for (const d of own.filter((c) => c.localName === dateName)) gradeDate(text(d), errors, warnings);
  const guids = new Map<string, number>();
  for (const item of own.filter((c) => c.localName === 'item')) {
    const parts = children(item);
    once(item, ITEM_ONCE, errors);
    for (const p of parts) if (!ITEM_KNOWN.has(p.localName ?? '')) errors.push('UndefinedElement');
    if (!parts.some((p) => p.localName === 'title') && !parts.some((p) => p.localName === 'description')) errors.push('ItemMustContainTitleOrDescription');
    for (const d of parts.filter((p) => p.localName === 'pubDate')) gradeDate(text(d), errors, warnings);
    const enclosures = parts.filter((p) => p.localName === 'enclosure');
    if (enclosures.length > 1) warnings.push('DuplicateEnclosure');
    for (const e of enclosures) checkEnclosure(e, errors);
    const guid = parts.find((p) => p.localName === 'guid');
    if (!guid) warnings.push('MissingGuid');
    else {
      const value = text(guid);
      guids.set(value, (guids.get(value) ?? 0) + 1);
      checkGuid(guid, value, errors, warnings);
    }
  }
  if ([...guids.values()].some((n) => n > 1)) errors.push('DuplicateValue');
}

function gradeDate(value: string, errors: string[], warnings: string[]): void {
  if (!value) return void errors.push('NotBlank');
  const grade = gradeRfc2822(value);
  if (grade === 'invalid') errors.push('InvalidRFC2822Date');
  else if (grade === 'problematic') warnings.push('ProblematicalRFC822Date');
}

function checkGuid(guid: Element, value: string, errors: string[], warnings: string[]): void {
  const attrs = Array.from(guid.attributes as unknown as ArrayLike<{ name: string; value: string }>);
  if (attrs.some((a) => a.name !== 'isPermaLink' && a.name.toLowerCase() === 'ispermalink')) errors.push('UnexpectedAttribute');
  const flag = guid.getAttribute('isPermaLink');
  if (flag !== null && flag !== 'true' && flag !== 'false') errors.push('InvalidBooleanAttribute');
  if (flag === 'false') {
    if (/^\d+$/.test(value) && Number(value) < 10_000_000) warnings.push('NotSufficientlyUnique');
    return;
  }
  if (isHttpUrl(value)) return;
  errors.push(isUri(value) ? 'InvalidPermalink' : 'InvalidHttpGUID');
}

function checkEnclosure(e: Element, errors: string[]): void {
  for (const name of ['url', 'length', 'type']) if (!e.hasAttribute(name)) errors.push('MissingAttribute');
  const length = e.getAttribute('length');
  if (length !== null && e.hasAttribute('length')) {
    if (/^-\d+$/.test(length)) errors.push('InvalidNonNegativeInteger');
    else if (!/^\d+$/.test(length)) errors.push('InvalidIntegerAttribute');
  }
  const type = e.getAttribute('type');
  if (type !== null && e.hasAttribute('type') && !isMime(type)) errors.push('InvalidMIMEAttribute');
  const url = e.getAttribute('url');
  if (url !== null && e.hasAttribute('url') && !isHttpUrl(url)) errors.push('InvalidURLAttribute');
}

const FEED_ONCE = ['id', 'title', 'updated', 'generator', 'icon', 'logo', 'rights', 'subtitle'];
const ENTRY_ONCE = ['id', 'title', 'updated', 'published', 'content', 'rights', 'source', 'summary'];
const IMPLAUSIBLE_BEFORE = Date.UTC(1970, 0, 1);

function checkAtom(feed: Element, errors: string[], warnings: string[]): void {
  const own = children(feed, ATOM);
  const has = (el: Element, name: string) => children(el, ATOM).some((c) => c.localName === name);
  for (const name of ['id', 'title', 'updated']) if (!has(feed, name)) errors.push('MissingElement');
  once(feed, FEED_ONCE, errors, ATOM);
  const firstEntry = own.findIndex((c) => c.localName === 'entry');
  if (firstEntry >= 0 && own.slice(firstEntry).some((c) => c.localName !== 'entry')) errors.push('MisplacedMetadata');
  checkLinks(children(feed, ATOM).filter((c) => c.localName === 'link'), errors);
  if (!children(feed, ATOM).some((c) => c.localName === 'link' && c.getAttribute('rel') === 'self')) warnings.push('MissingSelf');
  const feedAuthor = has(feed, 'author');
  const entries = own.filter((c) => c.localName === 'entry');
  const ids: string[] = [];
  const updated: string[] = [];
  for (const entry of entries) {
    checkAtomEntry(entry, feedAuthor, errors);
    ids.push(text(children(entry, ATOM).find((c) => c.localName === 'id')));
    updated.push(text(children(entry, ATOM).find((c) => c.localName === 'updated')));
  }
  // Every entry under one id is an error; some entries repeated is a warning (two is not yet "every", as the validator's cases have it).
  if (entries.length > 2 && new Set(ids).size === 1) errors.push('DuplicateIds');
  else if (new Set(ids).size < ids.length) warnings.push('DuplicateEntries');
  if (new Set(updated).size < updated.length) warnings.push('DuplicateUpdated');
  // Every date in the feed, wherever it is.
  const dates = [feed, ...entries].flatMap((el) => children(el, ATOM).filter((c) => c.localName === 'updated' || c.localName === 'published'));
  for (const d of dates) {
    const value = text(d);
    if (!isRfc3339(value)) errors.push('InvalidRFC3339Date');
    else {
      const t = Date.parse(value);
      if (t < IMPLAUSIBLE_BEFORE || t > Date.now() + 365 * 86_400_000) warnings.push('ImplausibleDate');
    }
  }
  for (const el of [feed, ...entries]) for (const c of allChildren(el)) if (c.namespaceURI === null) errors.push('UndefinedElement');
}

function checkAtomEntry(entry: Element, feedAuthor: boolean, errors: string[]): void {
  const has = (el: Element, name: string) => children(el, ATOM).some((c) => c.localName === name);
  for (const name of ['id', 'title', 'updated']) if (!has(entry, name)) errors.push('MissingElement');
  once(entry, ENTRY_ONCE, errors, ATOM);
  const source = children(entry, ATOM).find((c) => c.localName === 'source');
  if (!feedAuthor && !has(entry, 'author') && !(source && has(source, 'author'))) errors.push('MissingElement');
  const links = children(entry, ATOM).filter((c) => c.localName === 'link');
  checkLinks(links, errors);
  const content = children(entry, ATOM).find((c) => c.localName === 'content');
  if (!content && !links.some((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate')) errors.push('MissingContentOrAlternate');
  if (content && !has(entry, 'summary')) {
    const type = content.getAttribute('type') ?? 'text';
    const base64 = !['text', 'html', 'xhtml'].includes(type) && !/^text\/|[+/]xml$/.test(type);
    if (content.hasAttribute('src') || base64) errors.push('MissingSummary');
  }
}

/** Two alternate links with the same type and hreflang say the same thing twice. */
function checkLinks(links: Element[], errors: string[]): void {
  const seen = new Set<string>();
  for (const l of links) {
    if ((l.getAttribute('rel') ?? 'alternate') !== 'alternate') continue;
    const key = `${l.getAttribute('type') ?? ''}|${l.getAttribute('hreflang') ?? ''}`;
    if (seen.has(key)) errors.push('DuplicateAtomLink');
    seen.add(key);
  }
}
