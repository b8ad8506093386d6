// Test helpers for the newsroom: a small cookie-keeping browser over the in-process app, staff
// accounts made through the real service, and signing in through the real sign-in form.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { Secret, TOTP } from 'otpauth';
import { createStaffUser, type StaffUser } from '../src/features/staff/index.js';
import type { StaffRole } from '../src/http/access.js';
import type { TestSite } from './kit.js';

let browsers = 0;
let accounts = 0;

/**
 * A browser as far as the newsroom can tell: it keeps the cookies the app sets (dropping those it
 * deletes, and forgetting them when their Max-Age runs out on the site's clock), sends them back,
 * and comes from its own address (X-Forwarded-For, which the app only believes with
 * TRUST_PROXY=true; otherwise every request comes from the same "local" address).
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** When each cookie with a Max-Age runs out (ms since the epoch, on the site's clock). */
  readonly expiries = new Map<string, number>();

  constructor(
    readonly site: Pick<TestSite, 'app'> & { clock?: TestSite['clock'] },
    readonly ip = `198.51.100.${++browsers % 250}`,
    readonly headers: Record<string, string> = {},
  ) {}

  /** A second browser that starts with a copy of this one's cookies (e.g. to keep an old session cookie). */
  clone(): Browser {
    const copy = new Browser(this.site, this.ip, { ...this.headers });
    for (const [k, v] of this.cookies) copy.cookies.set(k, v);
    for (const [k, v] of this.expiries) copy.expiries.set(k, v);
    return copy;
  }

  /** Sets the newsroom language a visitor chose before signing in. */
  speak(lang: 'en' | 'ar'): this {
    this.cookies.set('ap_admin_lang', lang);
    return this;
  }

  private now(): number {
    return this.site.clock?.now().getTime() ?? Date.now();
  }

  async request(p: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    for (const [name, at] of this.expiries) {
      if (at <= this.now()) {
        this.cookies.delete(name);
        this.expiries.delete(name);
      }
    }
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.site.app.request(p, {
      method: init.method ?? 'GET',
      body: init.body,
      headers: { 'X-Forwarded-For': this.ip, 'User-Agent': 'staff-kit', ...(cookie ? { Cookie: cookie } : {}), ...this.headers, ...init.headers },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const maxAge = attrs.map((a) => /^\s*max-age\s*=\s*(-?\d+)\s*$/i.exec(a)?.[1]).find((v) => v !== undefined);
      if (value === '' || (maxAge !== undefined && Number(maxAge) <= 0)) {
        this.cookies.delete(name);
        this.expiries.delete(name);
        continue;
      }
      this.cookies.set(name, value);
      if (maxAge === undefined) this.expiries.delete(name);
      else this.expiries.set(name, this.now() + Number(maxAge) * 1000);
    }
    return res;
  }

  get(p: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(p, { headers });
  }

  post(p: string, form: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(p, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  /** The CSRF token from a page's hidden `_csrf` input. */
  async csrf(from = '/admin'): Promise<string> {
    const res = await this.get(from);
    const html = await res.text();
    const token = csrfIn(html);
    if (!token) throw new Error(`No _csrf on ${from} (status ${res.status}, location ${res.headers.get('Location')})`);
    return token;
  }

  /** The session cookie's value, if any. */
  get session(): string | undefined {
    return this.cookies.get('ap_session');
  }
}

export function csrfIn(html: string): string | undefined {
  return /<input[^>]*name="_csrf"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? /<input[^>]*value="([^"]+)"[^>]*name="_csrf"/.exec(html)?.[1];
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What a reader sees: tags dropped, entities decoded, white space collapsed. */
export function visibleText(html: string): string {
  return decode(html.replace(/<(script|style|svg)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of the page's error message (`role="alert"`), or undefined. */
export function alertIn(html: string): string | undefined {
  const m = /<p[^>]*role="alert"[^>]*>([\s\S]*?)<\/p>/.exec(html);
  return m ? visibleText(m[1]!) : undefined;
}

/** The text of the page's notice (`role="status"`), or undefined. */
export function noticeIn(html: string): string | undefined {
  const m = /<p[^>]*role="status"[^>]*>([\s\S]*?)<\/p>/.exec(html);
  return m ? visibleText(m[1]!) : undefined;
}

export interface StaffAccount {
  user: StaffUser;
  email: string;
  password: string;
}

/** A staff account with a password, made through the staff service (as the CLI would). */
export async function createStaff(
  site: TestSite,
  role: StaffRole,
  opts: { email?: string; name?: string; password?: string; language?: 'en' | 'ar' } = {},
): Promise<StaffAccount> {
  const n = ++accounts;
  const email = opts.email ?? `${role}-${n}@example.com`;
  const password = opts.password ?? `correct horse battery ${n}`;
  const user = await createStaffUser(site.deps, { userId: null, label: 'test', ip: 'test' }, { email, name: opts.name ?? `${role} number ${n}`, role, language: opts.language, password });
  return { user, email: user.email, password };
}

/** Posts the sign-in form as a browser would. */
export function submitSignIn(browser: Browser, email: string, password: string, next?: string): Promise<Response> {
  return browser.post(next === undefined ? '/admin/sign-in' : `/admin/sign-in?next=${encodeURIComponent(next)}`, { email, password });
}

export interface SignedIn extends StaffAccount {
  browser: Browser;
  csrf: string;
}

/** Signs in through POST /admin/sign-in, as a new account of `role` unless `account` is given. */
export async function signInAs(
  site: TestSite,
  role: StaffRole,
  opts: { account?: StaffAccount; browser?: Browser; language?: 'en' | 'ar'; csrfFrom?: string } = {},
): Promise<SignedIn> {
  const account = opts.account ?? (await createStaff(site, role, { language: opts.language }));
  const browser = opts.browser ?? new Browser(site);
  const res = await submitSignIn(browser, account.email, account.password);
  if (res.status !== 303 || res.headers.get('Location') !== '/admin') {
    throw new Error(`Signing in as ${account.email} answered ${res.status} → ${res.headers.get('Location')}: ${alertIn(await res.text())}`);
  }
  return { ...account, browser, csrf: await browser.csrf(opts.csrfFrom) };
}

/** The current code of an authenticator app holding `key`, at the site's clock. */
export function totpCode(site: TestSite, key: string, offsetMs = 0): string {
  return new TOTP({ secret: Secret.fromBase32(key) }).generate({ timestamp: site.clock.now().getTime() + offsetMs });
}

export interface OutboxMail {
  file: string;
  mail: ParsedMail;
}

/** Every message the outbox mailer wrote to `<dataDir>/outbox`, oldest first. */
export async function outbox(site: TestSite): Promise<OutboxMail[]> {
  const dir = path.join(site.dataDir, 'outbox');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (f) => ({ file: f, mail: await simpleParser(await readFile(path.join(dir, f))) })));
}

/** The messages sent to one address, oldest first. */
export async function mailsTo(site: TestSite, address: string): Promise<ParsedMail[]> {
  const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
  return (await outbox(site)).map((o) => o.mail).filter((m) => to(m).includes(address.toLowerCase()));
}

/** The first newsroom link (`/admin/…`) in a message's text, as a path. */
export function linkIn(mail: ParsedMail): string {
  const m = /https?:\/\/[^\s]+(\/admin\/[^\s]+)/.exec(mail.text ?? '');
  if (!m) throw new Error(`No newsroom link in: ${mail.text}`);
  return m[1]!;
}

/** Submits an admin form as the signed-in person, with their CSRF token. */
export function postForm(who: SignedIn, path: string, fields: Record<string, string>): Promise<Response> {
  return who.browser.request(path, { method: 'POST', body: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}
