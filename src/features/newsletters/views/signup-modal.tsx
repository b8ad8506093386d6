import type { Language, Translator } from '../../../platform/i18n/i18n.js';
import { LanguageField } from './newsletter-fields.js';

/**
 * The signup dialog of article pages. A closed <dialog> is not rendered, so without JavaScript the
 * reader never sees it; site-client/newsletter-modal.ts opens it once the reader has scrolled past
 * the first screen (see that file for when it never does). The form is the same plain POST as the
 * box's, so a reader in the dialog signs up exactly as one at the end of the article.
 */
export function SignupModal(props: { t: Translator; action: string; from: string; languages: readonly Language[] }) {
  const { t } = props;
  return (
    <dialog id="newsletter-modal" class="newsletter-modal" aria-labelledby="newsletter-modal-title" aria-describedby="newsletter-modal-pitch">
      <div class="newsletter-modal__inner">
        <button type="button" class="newsletter-modal__close" aria-label={t.t('newsletter.modal.close')} title={t.t('newsletter.modal.close')}>
          <span aria-hidden="true">×</span>
        </button>
        <h2 id="newsletter-modal-title" class="newsletter-modal__title" tabindex={-1}>
          {t.t('newsletter.modal.title')}
        </h2>
        <p id="newsletter-modal-pitch" class="newsletter-modal__pitch">
          {t.t('newsletter.pitch')}
        </p>
        <form class="newsletter-modal__form" method="post" action={props.action} novalidate>
          <input type="hidden" name="from" value={props.from} />
          <label for="newsletter-modal-email">{t.t('newsletter.email')}</label>
          <input id="newsletter-modal-email" type="email" name="email" required autocomplete="email" dir="ltr" />
          <LanguageField t={t} id="newsletter-modal-language" languages={props.languages} selected={t.lang} />
          <button type="submit">{t.t('newsletter.submit')}</button>
        </form>
        <p class="newsletter-modal__privacy">{t.t('newsletter.privacy')}</p>
      </div>
    </dialog>
  );
}
