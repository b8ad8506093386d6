import type { Language, Translator } from '../../../platform/i18n/i18n.js';
import type { ListChoice } from '../lists.js';

/** An address inside a sentence of either direction: isolated, so "@" and "." stay where they belong. */
export const isolate = (email: string) => `\u2068${email}\u2069`;

/**
 * The newsletter language: a select among the languages the site serves, or, when it serves one, a
 * hidden field (a choice of one is no choice).
 */
export function LanguageField(props: { t: Translator; id: string; languages: readonly Language[]; selected: Language }) {
  const { t, languages } = props;
  if (languages.length < 2) return <input type="hidden" name="language" value={languages[0] ?? props.selected} />;
  return (
    <>
      <label for={props.id}>{t.t('newsletter.language')}</label>
      <select id={props.id} name="language">
        {languages.map((l) => (
          <option value={l} selected={props.selected === l}>
            {t.t(l === 'ar' ? 'lang.ar' : 'lang.en')}
          </option>
        ))}
      </select>
    </>
  );
}

/** One checkbox per list (daily, breaking, a weekly per section), named in the page's language. */
export function ListChoices(props: { t: Translator; lists: readonly ListChoice[]; checked: readonly string[]; error?: string }) {
  const { t } = props;
  const errorId = 'newsletter-lists-error';
  return (
    <fieldset class="newsletter-choices" aria-describedby={props.error ? errorId : undefined}>
      <legend>{t.t('newsletter.lists')}</legend>
      {props.lists.map((l, i) => (
        <div class="newsletter-choices__item">
          <input type="checkbox" id={`newsletter-list-${i}`} name="lists" value={l.key} checked={props.checked.includes(l.key)} />
          <label for={`newsletter-list-${i}`}>{l.name[t.lang]}</label>
        </div>
      ))}
      {props.error ? (
        <p id={errorId} class="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The address box of every signup form: typed value kept, the error (if any) tied to it. */
export function EmailInput(props: { value: string; errorId?: string | undefined }) {
  return (
    <input
      id="newsletter-email"
      type="email"
      name="email"
      required
      autocomplete="email"
      dir="ltr"
      value={props.value}
      aria-invalid={props.errorId ? 'true' : undefined}
      aria-describedby={props.errorId}
    />
  );
}
