import type { Translator } from '../../../platform/i18n/i18n.js';

/** The newsletter signup form. A plain form POST, so it works without JavaScript. */
export function SignupBox(props: { t: Translator; action: string; from: string; email?: string; error?: string; headingLevel?: 1 | 2 }) {
  const { t } = props;
  const H = props.headingLevel === 1 ? 'h1' : 'h2';
  const errorId = 'newsletter-error';
  return (
    <section class="newsletter" aria-labelledby="newsletter-title">
      <H id="newsletter-title" class="newsletter__title">
        {t.t('newsletter.title')}
      </H>
      <p class="newsletter__pitch">{t.t('newsletter.pitch')}</p>
      <form class="newsletter__form" method="post" action={props.action} novalidate>
        <input type="hidden" name="from" value={props.from} />
        <label for="newsletter-email">{t.t('newsletter.email')}</label>
        <input
          id="newsletter-email"
          type="email"
          name="email"
          required
          autocomplete="email"
          dir="ltr"
          value={props.email ?? ''}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? errorId : undefined}
        />
        <label for="newsletter-language">{t.t('newsletter.language')}</label>
        <select id="newsletter-language" name="language">
          <option value="en" selected={t.lang === 'en'}>
            {t.t('lang.en')}
          </option>
          <option value="ar" selected={t.lang === 'ar'}>
            {t.t('lang.ar')}
          </option>
        </select>
        <button type="submit">{t.t('newsletter.submit')}</button>
        {props.error ? (
          <p id={errorId} class="form-error" role="alert">
            {props.error}
          </p>
        ) : null}
      </form>
      <p class="newsletter__privacy">{t.t('newsletter.privacy')}</p>
    </section>
  );
}
