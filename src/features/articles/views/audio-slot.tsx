import type { Translator } from '../../../platform/i18n/i18n.js';
import { audioClock, type ArticleAudio } from '../audio-lookup.js';

/**
 * Where the article's "Listen" player goes. Without audio it renders nothing at all: no empty
 * player, no layout shift. With audio: a Listen button showing the duration, which the player script
 * (src/site-client/audio-player.ts) turns into the player; without JavaScript, a native audio player.
 */
export function AudioSlot(props: { audio: ArticleAudio | null; t: Translator; articleId: string; siteName: string }) {
  const { audio, t } = props;
  if (!audio) return null;
  return (
    <section
      class="listen"
      aria-label={t.t('audio.listen')}
      data-audio-player=""
      data-src={audio.url}
      data-duration-ms={String(audio.durationMs)}
      data-article-id={props.articleId}
      data-title={props.siteName}
      data-label-player={t.t('audio.player')}
      data-label-play={t.t('audio.play')}
      data-label-pause={t.t('audio.pause')}
      data-label-back={t.t('audio.back15')}
      data-label-forward={t.t('audio.forward15')}
      data-label-seek={t.t('audio.seek')}
      data-label-speed={t.t('audio.speed')}
      data-label-close={t.t('audio.close')}
    >
      <button type="button" class="listen__start">
        <span class="listen__icon" aria-hidden="true">
          ▶
        </span>
        {t.t('audio.listenButton')}
        <span class="listen__duration">
          <span class="visually-hidden">{t.t('audio.duration')} </span>
          <time datetime={`PT${Math.round(audio.durationMs / 1000)}S`} dir="ltr">
            {audioClock(audio.durationMs)}
          </time>
        </span>
      </button>
      <noscript>
        <audio controls preload="none" src={audio.url} />
      </noscript>
    </section>
  );
}
