/**
 * The article's "Listen" player. The page holds a Listen button showing the duration (and, for readers
 * without JavaScript, a native <audio> player); this script turns the button into a player with
 * play/pause, a seek bar, back and forward 15 s, speed 0.75×–2× and close. The player docks to the
 * bottom of the screen while the reader scrolls past its place, which keeps its height, so nothing
 * below moves. The position is remembered per article. Labels come from data attributes the server
 * wrote in the page's language; the layout mirrors itself for Arabic through logical CSS properties.
 */
const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
const SKIP_SECONDS = 15;
const STORAGE_PREFIX = 'arabpress:audio:';

function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function button(className: string, label: string, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.setAttribute('aria-label', label);
  const glyph = document.createElement('span');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = text;
  b.append(glyph);
  return b;
}

function remembered(key: string): number {
  try {
    return Number(localStorage.getItem(key)) || 0;
  } catch {
    return 0; // storage blocked: start from the beginning
  }
}

function remember(key: string, seconds: number): void {
  try {
    if (seconds > 0) localStorage.setItem(key, String(Math.floor(seconds)));
    else localStorage.removeItem(key);
  } catch {
    // storage full or blocked: the position is simply not kept
  }
}

function setup(slot: HTMLElement): void {
  const d = slot.dataset;
  const start = slot.querySelector<HTMLButtonElement>('.listen__start');
  if (!d['src'] || !start) return;
  const durationFromPage = Number(d['durationMs']) / 1000;
  const storageKey = STORAGE_PREFIX + (d['articleId'] ?? d['src']);
  const audio = new Audio();
  audio.preload = 'none';
  audio.src = d['src'];

  const player = document.createElement('div');
  player.className = 'player';
  player.setAttribute('role', 'group');
  player.setAttribute('aria-label', d['labelPlayer'] ?? '');
  const title = document.createElement('span');
  title.className = 'player__title';
  title.textContent = d['title'] ?? '';
  const play = button('player__play', d['labelPlay'] ?? 'Play', '▶');
  const back = button('player__back', d['labelBack'] ?? '', '↺');
  const forward = button('player__forward', d['labelForward'] ?? '', '↻');
  const seek = document.createElement('input');
  seek.type = 'range';
  seek.className = 'player__seek';
  seek.min = '0';
  seek.step = '1';
  seek.max = String(Math.round(durationFromPage));
  seek.value = '0';
  seek.setAttribute('aria-label', d['labelSeek'] ?? '');
  const time = document.createElement('span');
  time.className = 'player__time';
  time.setAttribute('aria-hidden', 'true'); // the seek bar's aria-valuetext says it for screen readers
  const speed = button('player__speed', d['labelSpeed'] ?? '', '1×');
  const close = button('player__close', d['labelClose'] ?? 'Close', '×');
  player.append(title, back, play, forward, seek, time, speed, close);

  const duration = () => (Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : durationFromPage);
  const render = () => {
    const now = audio.currentTime;
    time.textContent = `${clock(now)} / ${clock(duration())}`;
    seek.max = String(Math.round(duration()));
    if (document.activeElement !== seek) seek.value = String(Math.round(now));
    seek.setAttribute('aria-valuetext', `${clock(now)} / ${clock(duration())}`);
    const paused = audio.paused;
    play.setAttribute('aria-label', (paused ? d['labelPlay'] : d['labelPause']) ?? '');
    play.querySelector('span')!.textContent = paused ? '▶' : '❚❚';
    play.setAttribute('aria-pressed', String(!paused));
  };
  const skip = (by: number) => {
    audio.currentTime = Math.min(Math.max(0, audio.currentTime + by), duration());
    render();
  };

  play.addEventListener('click', () => void (audio.paused ? audio.play() : audio.pause()));
  back.addEventListener('click', () => skip(-SKIP_SECONDS));
  forward.addEventListener('click', () => skip(SKIP_SECONDS));
  seek.addEventListener('input', () => {
    audio.currentTime = Number(seek.value);
    render();
  });
  speed.addEventListener('click', () => {
    const next = SPEEDS[(SPEEDS.indexOf(audio.playbackRate) + 1) % SPEEDS.length] ?? 1;
    audio.playbackRate = next;
    speed.querySelector('span')!.textContent = `${next}×`;
    speed.setAttribute('aria-label', `${d['labelSpeed'] ?? ''} ${next}×`);
  });
  close.addEventListener('click', () => {
    audio.pause();
    remember(storageKey, audio.currentTime);
    player.replaceWith(start);
    slot.classList.remove('listen--open', 'listen--docked');
    start.focus();
  });
  for (const event of ['timeupdate', 'play', 'pause', 'durationchange', 'loadedmetadata']) audio.addEventListener(event, render);
  audio.addEventListener('timeupdate', () => remember(storageKey, audio.currentTime));
  audio.addEventListener('ended', () => {
    remember(storageKey, 0);
    render();
  });

  start.addEventListener('click', () => {
    const resumeAt = remembered(storageKey);
    if (resumeAt > 0 && resumeAt < duration() - 1) audio.currentTime = resumeAt;
    start.replaceWith(player);
    slot.classList.add('listen--open');
    render();
    void audio.play().catch(() => render());
    play.focus();
  });

  // Docked to the bottom while its place is off screen and it is open; its place keeps its height.
  new IntersectionObserver(([entry]) => {
    slot.classList.toggle('listen--docked', Boolean(entry && !entry.isIntersecting && slot.classList.contains('listen--open')));
  }).observe(slot);
}

for (const slot of document.querySelectorAll<HTMLElement>('[data-audio-player]')) setup(slot);
