/**
 * Results while typing in the masthead's search box (ARIA 1.2 combobox with a listbox popup). The
 * box is a plain GET form to /search; this only adds suggestions, so without JavaScript, or when the
 * request fails, the form works as before. Labels come from data attributes the server wrote in the
 * page's language; the script itself has no strings.
 */
interface InstantResult {
  headline: string;
  url: string;
  section: string;
  date: string;
}

const DEBOUNCE_MS = 150;
const MIN_CHARS = 2;

function setup(form: HTMLFormElement, input: HTMLInputElement): void {
  const endpoint = form.dataset['instantUrl'];
  if (!endpoint) return;
  const list = document.createElement('ul');
  list.id = 'site-search-results';
  list.className = 'instant-results';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', form.dataset['labelResults'] ?? '');
  list.hidden = true;
  form.append(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';

  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;

  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index: number) => {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active]!.id);
    all[active]!.scrollIntoView({ block: 'nearest' });
  };
  // Options hold text, not links: a link inside an option is a control inside a control, which
  // screen readers announce badly. Choosing an option (click or Enter) follows its data-href.
  const option = (id: string, href: string, build: (li: HTMLLIElement) => void): HTMLLIElement => {
    const li = document.createElement('li');
    li.id = id;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset['href'] = href;
    build(li);
    return li;
  };
  const render = (q: string, results: InstantResult[]) => {
    list.replaceChildren(
      ...results.map((r, i) =>
        option(`site-search-result-${i}`, r.url, (li) => {
          const headline = document.createElement('span');
          headline.className = 'instant-results__headline';
          headline.textContent = r.headline;
          const meta = document.createElement('span');
          meta.className = 'instant-results__meta';
          meta.textContent = `${r.section} · ${r.date}`;
          li.append(headline, meta);
        }),
      ),
      option('site-search-all', `${form.action}?q=${encodeURIComponent(q)}`, (li) => {
        li.className = 'instant-results__all';
        li.textContent = (results.length ? form.dataset['labelAll'] : form.dataset['labelNone']) ?? '';
      }),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    input.removeAttribute('aria-activedescendant');
  };
  const lookUp = async (q: string) => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const url = `${endpoint}?q=${encodeURIComponent(q)}&lang=${encodeURIComponent(document.documentElement.lang)}`;
      const res = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
      if (!res.ok) return close();
      const body = (await res.json()) as { results: InstantResult[] };
      if (input.value.trim() === q) render(q, body.results);
    } catch {
      // Aborted by a newer keystroke, or offline: the form still submits to /search.
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < MIN_CHARS) return close();
    timer = setTimeout(() => void lookUp(q), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      highlight(active + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      highlight(active - 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      const href = options()[active]?.dataset['href'];
      if (href) window.location.assign(href);
    }
  });
  // Leaving the box (but not for a click on a suggestion) closes the list.
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) close();
  });
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const href = (e.target as Element).closest<HTMLLIElement>('[role="option"]')?.dataset['href'];
    if (href) window.location.assign(href);
  });
}

const form = document.querySelector<HTMLFormElement>('form.search-form');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
if (form && input) setup(form, input);
