import { LANGUAGES, type Language, type Translator } from '../../../platform/i18n/i18n.js';
import { EmailInput, LanguageField } from './newsletter-fields.js';
import { SignupModal } from './signup-modal.js';

/**
 * The short signup form at the end of an article: email and language, posted as a plain form so it
 * works without JavaScript. It asks for no list: the subscription is the daily digest (the full
 * choice is on /newsletter). Unless `modal` is false it also carries the signup dialog, which stays
 * hidden until site-client/newsletter-modal.ts opens it; without that script nothing else appears.
 */
export function SignupBox(props: {
  t: Translator;
  action: string;
  from: string;
  email?: string;
  error?: string;
  headingLevel?: 1 | 2;
  /** The languages the site serves (settings); both when not given. */
  languages?: readonly Language[];
  modal?: boolean;
}) {
  const { t } = props;
  const H = props.headingLevel === 1 ? 'h1' : 'h2';
  const errorId = 'newsletter-error';
  const languages = props.languages ?? LANGUAGES;
  return (
    <>
      <section class="newsletter" aria-labelledby="newsletter-title">
        <H id="newsletter-title" class="newsletter__title">
          {t.t('newsletter.title')}
        </H>
        <p class="newsletter__pitch">{t.t('newsletter.pitch')}</p>
        <form class="newsletter__form" method="post" action={props.action} novalidate>
          <input type="hidden" name="from" value={props.from} />
          <label for="newsletter-email">{t.t('newsletter.email')}</label>
          <EmailInput value={props.email ?? ''} errorId={props.error ? errorId : undefined} />
          <LanguageField t={t} id="newsletter-language" languages={languages} selected={t.lang} />
          <button type="submit">{t.t('newsletter.submit')}</button>
          {props.error ? (
            <p id={errorId} class="form-error" role="alert">
              {props.error}
            </p>
          ) : null}
        </form>
        <p class="newsletter__privacy">{t.t('newsletter.privacy')}</p>
      </section>
      {props.modal === false || props.headingLevel === 1 ? null : <SignupModal t={t} action={props.action} from={props.from} languages={languages} />}
    </>
  );
}
