import type { Translator } from '../../../platform/i18n/i18n.js';
import type { ArticleAudio } from '../audio-lookup.js';

/**
 * Where the article's "Listen" player goes. Without audio it renders nothing at all: no empty
 * player, no layout shift.
 */
export function AudioSlot(props: { audio: ArticleAudio | null; t: Translator }) {
  const { audio, t } = props;
  if (!audio) return null;
  return (
    <section class="listen" aria-label={t.t('audio.listen')}>
      <audio controls preload="none" src={audio.url} />
    </section>
  );
}
