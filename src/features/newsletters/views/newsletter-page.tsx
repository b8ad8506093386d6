import type { Language, Translator } from '../../../platform/i18n/i18n.js';
import type { ListChoice } from '../lists.js';
import { EmailInput, LanguageField, ListChoices } from './newsletter-fields.js';

export interface SignupValues {
  email: string;
  language: Language;
  lists: readonly string[];
}

/**
 * /newsletter: email, language and every list. A plain form POST; `choices` tells the server the
 * lists were offered, so choosing none is an error here (the short box offers none and means daily).
 */
export function NewsletterPage(props: {
  t: Translator;
  action: string;
  from: string;
  lists: readonly ListChoice[];
  languages: readonly Language[];
  values: SignupValues;
  errors?: { email?: string; lists?: string; form?: string };
}) {
  const { t, values } = props;
  const errors = props.errors ?? {};
  const emailErrorId = 'newsletter-error';
  return (
    <section class="newsletter newsletter--page" aria-labelledby="newsletter-title">
      <h1 id="newsletter-title" class="newsletter__title">
        {t.t('newsletter.title')}
      </h1>
      <p class="newsletter__pitch">{t.t('newsletter.pageIntro')}</p>
      {errors.form ? (
        <p class="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <form class="newsletter-page__form" method="post" action={props.action} novalidate>
        <input type="hidden" name="from" value={props.from} />
        <input type="hidden" name="choices" value="1" />
        <div class="newsletter-page__field">
          <label for="newsletter-email">{t.t('newsletter.email')}</label>
          <EmailInput value={values.email} errorId={errors.email ? emailErrorId : undefined} />
          {errors.email ? (
            <p id={emailErrorId} class="form-error" role="alert">
              {errors.email}
            </p>
          ) : null}
        </div>
        {props.languages.length > 1 ? (
          <div class="newsletter-page__field">
            <LanguageField t={t} id="newsletter-language" languages={props.languages} selected={values.language} />
          </div>
        ) : (
          <LanguageField t={t} id="newsletter-language" languages={props.languages} selected={values.language} />
        )}
        <ListChoices t={t} lists={props.lists} checked={values.lists} error={errors.lists} />
        <div class="newsletter-page__actions">
          <button type="submit">{t.t('newsletter.submit')}</button>
        </div>
      </form>
      <p class="newsletter__privacy">{t.t('newsletter.privacy')}</p>
    </section>
  );
}

/** The answer to every accepted signup, whatever the address: the same words, the same page. */
export function SignupDone(props: { t: Translator; back: string }) {
  const { t } = props;
  return (
    <section class="newsletter newsletter--done" aria-labelledby="newsletter-title">
      <h1 id="newsletter-title" class="newsletter__title">
        {t.t('newsletter.checkInbox')}
      </h1>
      <p class="notice" role="status">
        {t.t('newsletter.thanks')}
      </p>
      <p>
        <a href={props.back}>{t.t('newsletter.back')}</a>
      </p>
    </section>
  );
}
