import type { Language } from '../src/platform/i18n/i18n.js';
import type { TestSite } from './kit.js';

/**
 * Confirmed subscribers written straight to the tables (as an import would), for tests that are about
 * sending, not signing up: `<prefix>-<n>@example.com`, on `lists`, in `language`. Returns the addresses.
 */
export async function addSubscribers(
  site: TestSite,
  count: number,
  opts: { prefix?: string; lists?: string[]; language?: Language; status?: 'active' | 'pending' | 'unsubscribed' } = {},
): Promise<string[]> {
  const { prefix = 'reader', lists = ['daily'], language = 'en', status = 'active' } = opts;
  const at = site.clock.now().toISOString();
  const emails: string[] = [];
  for (let start = 0; start < count; start += 400) {
    const rows = Array.from({ length: Math.min(400, count - start) }, (_, i) => {
      const n = start + i;
      const email = `${prefix}-${n}@example.com`;
      emails.push(email);
      return { id: `${prefix}-${String(n).padStart(7, '0')}`, email, language, status, source: 'test', created_at: at, updated_at: at, confirmed_at: status === 'active' ? at : null, unsubscribed_at: null, confirmation_sent_at: null };
    });
    await site.deps.db.insertInto('newsletter_subscribers').values(rows).execute();
    const subs = rows.flatMap((r) => lists.map((list) => ({ subscriber_id: r.id, list })));
    for (let i = 0; i < subs.length; i += 400) await site.deps.db.insertInto('newsletter_subscriptions').values(subs.slice(i, i + 400)).execute();
  }
  return emails;
}
