/**
 * Live progress of a newsletter send (/admin/newsletters/sends/:id while it is sending). The page
 * carries the numbers as the server rendered them; this script asks the progress endpoint for new
 * ones every two seconds and puts them in place: the bar, its text, the counts and the status. When
 * the send is over it reloads the page once, which then shows the full send report. No strings of
 * its own: the endpoint answers in the newsroom's language.
 */
interface Progress {
  status: string;
  statusLabel: string;
  counts: { total: number; queued: number; sending: number; sent: number; failed: number; suppressed: number };
  handled: number;
  text: string;
}

const POLL_MS = 2000;
const MAX_BACKOFF_MS = 30_000;

function isProgress(v: unknown): v is Progress {
  const p = v as Partial<Progress> | null;
  return !!p && typeof p.status === 'string' && typeof p.text === 'string' && typeof p.handled === 'number' && typeof p.counts === 'object' && p.counts !== null;
}

function apply(section: HTMLElement, p: Progress): void {
  const c = p.counts;
  const bar = section.querySelector<HTMLProgressElement>('progress[data-progress-bar]');
  if (bar) {
    bar.max = Math.max(c.total, 1);
    bar.value = c.total === 0 ? (p.status === 'sent' ? 1 : 0) : p.handled;
    bar.textContent = p.text;
  }
  const text = section.querySelector('[data-progress-text]');
  if (text) text.textContent = p.text;
  const values: Record<string, number> = { total: c.total, queued: c.queued + c.sending, sent: c.sent, failed: c.failed, suppressed: c.suppressed };
  for (const dd of section.querySelectorAll<HTMLElement>('[data-count]')) {
    const v = values[dd.dataset['count'] ?? ''];
    // The newsroom writes numbers in Latin digits without grouping in both languages, as String() does.
    if (v !== undefined) dd.textContent = String(v);
  }
  const label = document.querySelector('[data-status-label]');
  if (label) label.textContent = p.statusLabel;
  section.dataset['status'] = p.status;
}

async function fetchProgress(url: string): Promise<Progress | undefined> {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store', redirect: 'manual' });
  // A redirect (the session ended) or an error page: keep the last numbers and try again later.
  if (!res.ok || !(res.headers.get('Content-Type') ?? '').includes('application/json')) return undefined;
  const body: unknown = await res.json();
  return isProgress(body) ? body : undefined;
}

function watch(section: HTMLElement): void {
  const url = section.dataset['progressUrl'];
  if (!url) return;
  let delay = POLL_MS;
  const tick = async () => {
    if (document.hidden) return void setTimeout(tick, POLL_MS);
    let p: Progress | undefined;
    try {
      p = await fetchProgress(url);
    } catch {
      p = undefined;
    }
    if (!p) {
      delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      return void setTimeout(tick, delay);
    }
    delay = POLL_MS;
    apply(section, p);
    if (p.status === 'sending') return void setTimeout(tick, POLL_MS);
    // Finished: the page as the server renders it now has the send report.
    location.reload();
  };
  setTimeout(tick, POLL_MS);
}

const section = document.querySelector<HTMLElement>('[data-progress-url]');
if (section?.dataset['status'] === 'sending') watch(section);
