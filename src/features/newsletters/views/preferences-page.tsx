import type { Language, Translator } from '../../../platform/i18n/i18n.js';
import type { ListChoice } from '../lists.js';
import { isolate, LanguageField, ListChoices } from './newsletter-fields.js';

export type PreferencesNotice = 'saved' | 'pending' | 'unsubscribed' | undefined;

/**
 * The page a signed link in every email leads to: language and lists with Save, and apart from it
 * a form with the one Unsubscribe button. Both are plain POSTs to the signed URLs.
 */
export function PreferencesPage(props: {
  t: Translator;
  email: string;
  status: 'pending' | 'active' | 'unsubscribed';
  action: string;
  unsubscribeAction: string;
  lists: readonly ListChoice[];
  languages: readonly Language[];
  values: { language: Language; lists: readonly string[] };
  saved?: boolean;
}) {
  const { t } = props;
  const notices: string[] = [];
  if (props.saved) notices.push(t.t(props.status === 'unsubscribed' ? 'newsletter.prefs.unsubscribed' : 'newsletter.prefs.saved'));
  else if (props.status === 'unsubscribed') notices.push(t.t('newsletter.prefs.unsubscribed'));
  if (props.status === 'pending') notices.push(t.t('newsletter.prefs.pending'));
  return (
    <section class="newsletter newsletter--page newsletter--prefs" aria-labelledby="newsletter-title">
      <h1 id="newsletter-title" class="newsletter__title">
        {t.t('newsletter.prefs.title')}
      </h1>
      <p class="newsletter__for">{t.t('newsletter.prefs.for', { email: isolate(props.email) })}</p>
      {notices.map((n) => (
        <p class="notice" role="status">
          {n}
        </p>
      ))}
      <p class="newsletter__pitch">{t.t('newsletter.prefs.intro')}</p>
      <form class="newsletter-page__form" method="post" action={props.action}>
        {props.languages.length > 1 ? (
          <div class="newsletter-page__field">
            <LanguageField t={t} id="newsletter-language" languages={props.languages} selected={props.values.language} />
          </div>
        ) : (
          <LanguageField t={t} id="newsletter-language" languages={props.languages} selected={props.values.language} />
        )}
        <ListChoices t={t} lists={props.lists} checked={props.values.lists} />
        <div class="newsletter-page__actions">
          <button type="submit">{t.t('newsletter.prefs.save')}</button>
        </div>
      </form>
      {props.status === 'unsubscribed' ? null : (
        <form class="newsletter__unsubscribe" method="post" action={props.unsubscribeAction} aria-labelledby="newsletter-unsubscribe-title">
          <h2 id="newsletter-unsubscribe-title">{t.t('newsletter.prefs.unsubscribeTitle')}</h2>
          <p>{t.t('newsletter.prefs.unsubscribeHint')}</p>
          <button type="submit">{t.t('newsletter.unsubscribe.button')}</button>
        </form>
      )}
    </section>
  );
}
