import type { Translator } from '../../../platform/i18n/i18n.js';
import { isolate } from './newsletter-fields.js';

/** After the confirmation link: what the reader will now receive, and where to change it. */
export function ConfirmedPage(props: { t: Translator; languageName: string; listNames: readonly string[]; preferencesPath: string }) {
  const { t } = props;
  return (
    <section class="newsletter newsletter--done" aria-labelledby="newsletter-title">
      <h1 id="newsletter-title" class="newsletter__title">
        {t.t('newsletter.confirmed.title')}
      </h1>
      {props.listNames.length ? (
        <>
          <p class="notice" role="status">
            {t.t('newsletter.confirmed.lists', { language: props.languageName })}
          </p>
          <ul class="newsletter__chosen">
            {props.listNames.map((name) => (
              <li>{name}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="notice" role="status">
          {t.t('newsletter.confirmed.none')}
        </p>
      )}
      <p>
        <a href={props.preferencesPath}>{t.t('newsletter.preferencesLink')}</a>
      </p>
    </section>
  );
}

/** A forged, altered or expired link: nothing was changed; the way back is to sign up again. */
export function BadLinkPage(props: { t: Translator; hours: number; signupPath: string }) {
  const { t } = props;
  return (
    <section class="newsletter newsletter--bad-link" aria-labelledby="newsletter-title">
      <h1 id="newsletter-title" class="newsletter__title">
        {t.t('newsletter.badLink.title')}
      </h1>
      <p>{t.t('newsletter.badLink.body', { hours: props.hours })}</p>
      <p>
        <a href={props.signupPath}>{t.t('newsletter.badLink.signup')}</a>
      </p>
    </section>
  );
}

/**
 * GET of the unsubscribe link: one button and nothing else, because mail scanners and link previews
 * follow links in email; only the POST (the button, or the mail client's one-click) unsubscribes.
 */
export function UnsubscribePage(props: { t: Translator; email: string; alreadyOut: boolean; action: string; preferencesPath: string }) {
  const { t } = props;
  return (
    <section class="newsletter newsletter--unsubscribe" aria-labelledby="newsletter-title">
      <h1 id="newsletter-title" class="newsletter__title">
        {t.t('newsletter.unsubscribe.title')}
      </h1>
      {props.alreadyOut ? (
        <p class="notice" role="status">
          {t.t('newsletter.unsubscribe.already')}
        </p>
      ) : (
        <form class="newsletter__unsubscribe" method="post" action={props.action}>
          <p>{t.t('newsletter.unsubscribe.intro', { email: isolate(props.email) })}</p>
          <button type="submit">{t.t('newsletter.unsubscribe.button')}</button>
        </form>
      )}
      <p>
        <a href={props.preferencesPath}>{t.t('newsletter.preferencesLink')}</a>
      </p>
    </section>
  );
}

/** After the POST: done, and how to come back. */
export function UnsubscribedPage(props: { t: Translator; email: string; preferencesPath: string }) {
  const { t } = props;
  return (
    <section class="newsletter newsletter--done" aria-labelledby="newsletter-title">
      <h1 id="newsletter-title" class="newsletter__title">
        {t.t('newsletter.unsubscribe.doneTitle')}
      </h1>
      <p class="notice" role="status">
        {t.t('newsletter.unsubscribe.doneBody', { email: isolate(props.email) })}
      </p>
      <p>
        <a href={props.preferencesPath}>{t.t('newsletter.unsubscribe.changedMind')}</a>
      </p>
    </section>
  );
}
