import type { Child } from 'hono/jsx';
import { FormField } from '../../../http/components/form-field.js';
import type { Language } from '../../../platform/i18n/i18n.js';
import { issuePath, languageLabel, type SendsView } from './sends-common.js';

/** What the form holds: as typed, so a refused form comes back exactly as it was sent. */
export interface ComposeValues {
  subject: string;
  language: string;
  list: string;
  intro: string;
  articleIds: string[];
}

export interface StoryChoice {
  id: string;
  headline: string;
  section: string;
  language: Language;
  publishedAt: Date | null;
}

export interface ComposeData {
  /** Undefined for a new issue. */
  issueId: string | undefined;
  values: ComposeValues;
  lists: { key: string; name: string }[];
  /** Recent published stories per language (plus any already chosen), newest first. */
  stories: Record<Language, StoryChoice[]>;
  /** The field the error is about, to mark it invalid. */
  invalid?: 'subject' | 'language' | 'list' | 'intro' | 'stories';
  csrf: Child;
}

function StoryGroup(props: { v: SendsView; lang: Language; stories: StoryChoice[]; chosen: Set<string> }) {
  const { v, lang, stories } = props;
  const { t } = v;
  const legendId = `stories-${lang}`;
  return (
    <fieldset aria-labelledby={legendId} style="border: 1px solid var(--line); padding: 0.5rem 1rem;">
      <legend id={legendId}>{t.t(lang === 'en' ? 'admin.sends.compose.storiesEn' : 'admin.sends.compose.storiesAr')}</legend>
      {stories.length ? (
        <ul style="list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35rem;">
          {stories.map((s) => {
            const id = `story-${s.id}`;
            return (
              <li style="display: flex; gap: 0.5rem; align-items: baseline;">
                <input type="checkbox" id={id} name="articleIds" value={s.id} checked={props.chosen.has(s.id)} data-language={s.language} />
                <label for={id} style="font-weight: normal;">
                  <span lang={s.language} dir="auto" style="font-weight: 600;">
                    {s.headline}
                  </span>{' '}
                  <span class="help">
                    ({s.section}
                    {s.publishedAt ? (
                      <>
                        {' · '}
                        <time datetime={s.publishedAt.toISOString()}>{v.dates.dateTime(s.publishedAt)}</time>
                      </>
                    ) : null}
                    )
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t.t('admin.sends.compose.noStories')}</p>
      )}
    </fieldset>
  );
}

/** /admin/newsletters/compose and /admin/newsletters/sends/:id/edit: a hand-made issue. */
export function ComposeForm(props: { v: SendsView; data: ComposeData }) {
  const { v, data } = props;
  const { t } = v;
  const vals = data.values;
  const chosen = new Set(vals.articleIds);
  const action = data.issueId ? `${issuePath(data.issueId)}/edit` : '/admin/newsletters/compose';
  const bad = (f: ComposeData['invalid']) => data.invalid === f;
  // The issue's language first: those are the stories it can carry.
  const order: Language[] = vals.language === 'ar' ? ['ar', 'en'] : ['en', 'ar'];
  return (
    <form method="post" action={action} class="stack compose-form" style="max-inline-size: 48rem;" novalidate>
      {data.csrf}
      <FormField id="subject" label={t.t('admin.sends.compose.subject')} value={vals.subject} help={t.t('admin.sends.compose.subjectHelp')} dir="auto" required invalid={bad('subject')} />
      <div>
        <label for="language">{t.t('admin.sends.compose.language')}</label>
        <select id="language" name="language" aria-describedby="language-help" aria-invalid={bad('language') ? 'true' : undefined}>
          {(['en', 'ar'] as const).map((l) => (
            <option value={l} selected={vals.language === l}>
              {languageLabel(t, l)}
            </option>
          ))}
        </select>
        <p id="language-help" class="help">
          {t.t('admin.sends.compose.languageHelp')}
        </p>
      </div>
      <div>
        <label for="list">{t.t('admin.sends.compose.list')}</label>
        <select id="list" name="list" aria-invalid={bad('list') ? 'true' : undefined}>
          {data.lists.map((l) => (
            <option value={l.key} selected={vals.list === l.key}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <FormField id="intro" label={t.t('admin.sends.compose.intro')} value={vals.intro} help={t.t('admin.sends.compose.introHelp')} long rows={5} dir="auto" invalid={bad('intro')} />
      <fieldset aria-describedby="stories-help" style="border: 0; padding: 0; margin: 0; display: grid; gap: 0.75rem;">
        <legend style="font-weight: 600;">{t.t('admin.sends.compose.stories')}</legend>
        <p id="stories-help" class="help" style="margin: 0;">
          {t.t('admin.sends.compose.storiesHelp')}
        </p>
        {order.map((lang) => (
          <StoryGroup v={v} lang={lang} stories={data.stories[lang]} chosen={chosen} />
        ))}
      </fieldset>
      <p>
        <button type="submit">{t.t('admin.sends.compose.save')}</button>{' '}
        <a href={data.issueId ? issuePath(data.issueId) : '/admin/newsletters/sends'}>{t.t('admin.sends.compose.cancel')}</a>
      </p>
    </form>
  );
}
