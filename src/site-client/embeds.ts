/**
 * Click-to-load embeds. The article body holds each embed as a link to the post or video (which is what
 * readers without JavaScript get) with the provider's frame address in data-embed-src. Nothing is
 * fetched from the provider until the reader asks: this script adds a short note saying where the
 * content comes from and a button; the click replaces the placeholder with the provider's frame.
 * Labels come from the article body's data attributes, written by the server in the page's language.
 */
const ASPECT: Record<string, string> = { youtube: '16 / 9', facebook: '16 / 9' };

function setup(figure: HTMLElement, labels: DOMStringMap): void {
  const src = figure.dataset['embedSrc'];
  const provider = figure.querySelector('.embed-provider')?.textContent?.trim() ?? '';
  if (!src || figure.querySelector('.embed__load')) return;
  const note = document.createElement('p');
  note.className = 'embed__note';
  note.textContent = (labels['embedNote'] ?? '').replace('{provider}', provider);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'embed__load';
  button.textContent = (labels['embedLoad'] ?? '').replace('{provider}', provider);
  button.addEventListener('click', () => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = (labels['embedTitle'] ?? '{provider}').replace('{provider}', provider);
    frame.loading = 'eager';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.allow = 'encrypted-media; picture-in-picture; fullscreen';
    // The provider's player runs in its own origin; it may open its own site in a new tab, nothing more.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation');
    frame.className = 'embed__frame';
    frame.style.aspectRatio = ASPECT[figure.dataset['provider'] ?? ''] ?? '';
    figure.classList.add('embed--loaded');
    figure.replaceChildren(frame);
    frame.focus();
  });
  figure.append(note, button);
}

const body = document.querySelector<HTMLElement>('.article__body');
if (body) for (const figure of body.querySelectorAll<HTMLElement>('figure.embed[data-embed-src]')) setup(figure, body.dataset);
