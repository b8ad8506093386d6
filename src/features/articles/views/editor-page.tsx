import { FormField, type FormFieldProps } from '../../../http/components/form-field.js';
import type { Translator } from '../../../platform/i18n/i18n.js';
import type { Section } from '../../sections/index.js';
import type { ArticleInput } from '../articles.service.js';
import { bodyToText } from '../article-form.js';
import type { Transition } from '../workflow.js';

export interface EditorPageData {
  id: string | null;
  input: ArticleInput & { body?: unknown };
  status: string;
  revision: number;
  savedAt: string;
  sections: Section[];
  transitions: Transition[];
  csrf: string;
  translationOf?: string;
  publicPath?: string;
  canCorrect: boolean;
  lockedBy?: string;
  error?: { field: string };
}

/** The editor's fields: text in either language, so each resolves its own direction unless told. */
function Text(props: Omit<FormFieldProps, 'dir'> & { dir?: FormFieldProps['dir'] }) {
  return <FormField {...props} dir={props.dir ?? 'auto'} />;
}

/** The article editor: a plain form that works without JavaScript, enhanced by the TipTap client. */
export function EditorPage(props: { t: Translator; data: EditorPageData; editorScript: string }) {
  const { t, data } = props;
  const i = data.input;
  const bad = (f: string) => data.error?.field === f;
  const action = data.id ? `/admin/articles/${data.id}` : '/admin/articles';
  const articleDir = i.language === 'ar' ? 'rtl' : 'ltr';
  const body = i.body && typeof i.body === 'object' ? (i.body as Parameters<typeof bodyToText>[0]) : undefined;
  return (
    <>
      {data.lockedBy ? (
        <div class="form-error" role="alert" id="lock-warning">
          <p>{t.t('admin.article.lockedBy', { holder: data.lockedBy })}</p>
        </div>
      ) : null}
      {data.id ? (
        <p class="article-status">
          {t.t('admin.article.status')}: <strong>{t.t(`admin.status.${data.status}` as 'admin.status.draft')}</strong>
          {data.publicPath ? (
            <>
              {' · '}
              <a href={data.publicPath}>{t.t('admin.article.viewOnSite')}</a>
            </>
          ) : null}
          {' · '}
          <a href={`/admin/articles/${data.id}/preview`}>{t.t('admin.article.preview')}</a>
          {' · '}
          <a href={`/admin/articles/${data.id}/revisions`}>{t.t('admin.article.revisions')}</a>
          {' · '}
          <a href={`/admin/articles/${data.id}/audio`}>{t.t('admin.audio.title')}</a>
          {data.canCorrect && data.status === 'published' ? (
            <>
              {' · '}
              <a href={`/admin/newsletters/breaking?article=${data.id}`}>{t.t('admin.sends.breaking.link')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      <form
        id="article-form"
        class="stack editor-form"
        method="post"
        action={action}
        data-article-id={data.id ?? ''}
        data-revision={String(data.revision)}
        data-saved-at={data.savedAt}
        data-autosave-url={data.id ? `/admin/articles/${data.id}/autosave` : ''}
        data-lock-url={data.id ? `/admin/articles/${data.id}/lock` : ''}
        data-unlock-url={data.id ? `/admin/articles/${data.id}/unlock` : ''}
        data-csrf={data.csrf}
      >
        <input type="hidden" name="_csrf" value={data.csrf} />
        {data.translationOf ? <input type="hidden" name="translationOf" value={data.translationOf} /> : null}
        {data.id ? null : (
          <div>
            <label for="language">{t.t('admin.article.language')}</label>
            <select id="language" name="language">
              <option value="en" selected={i.language === 'en'}>
                {t.t('lang.en')}
              </option>
              <option value="ar" selected={i.language === 'ar'}>
                {t.t('lang.ar')}
              </option>
            </select>
          </div>
        )}
        {/* The article's language and direction go on its text fields; the labels stay in the newsroom's. */}
        <Text id="headline" label={t.t('admin.article.headline')} value={i.headline} required invalid={bad('headline')} lang={i.language} dir={articleDir} />
        <Text id="standfirst" label={t.t('admin.article.standfirst')} value={i.standfirst} long invalid={bad('standfirst')} lang={i.language} dir={articleDir} />
        <div>
          <label for="bodyText" class="body-text-label">
            {t.t('admin.article.bodyText')}
          </label>
          <div class="editor-mount" aria-label={t.t('admin.article.body')}></div>
          <textarea id="bodyText" name="bodyText" rows={16} dir={articleDir} lang={i.language} aria-invalid={bad('body') ? 'true' : undefined}>
            {body ? bodyToText(body) : ''}
          </textarea>
          <input type="hidden" name="body" value={body ? JSON.stringify(body) : ''} />
        </div>
        <div>
          <label for="sectionSlug">{t.t('admin.article.section')}</label>
          <select id="sectionSlug" name="sectionSlug" aria-invalid={bad('sectionSlug') ? 'true' : undefined}>
            {data.sections.map((s) => (
              <option value={s.slug} selected={s.slug === i.sectionSlug}>
                {s.name[t.lang]}
              </option>
            ))}
          </select>
        </div>
        <Text id="tags" label={t.t('admin.article.tags')} value={(i.tagSlugs ?? []).join(', ')} dir="ltr" invalid={bad('tags')} />
        <Text
          id="bylines"
          label={t.t('admin.article.bylines')}
          value={(i.bylines ?? []).map((b) => ('personSlug' in b ? b.personSlug : b.name)).join('\n')}
          long
          invalid={bad('bylines')}
        />
        <Text id="slug" label={t.t('admin.article.slug')} value={i.slug} dir="auto" help={t.t('admin.article.slugHelp')} invalid={bad('slug')} />
        <fieldset>
          <legend>{t.t('admin.article.featured')}</legend>
          <Text id="featuredMediaId" label={t.t('admin.article.featuredMediaId')} value={i.featuredImage?.mediaId} dir="ltr" />
          <Text id="featuredCaption" label={t.t('admin.article.caption')} value={i.featuredImage?.caption} />
          <Text id="featuredCredit" label={t.t('admin.article.credit')} value={i.featuredImage?.credit} />
          <Text id="featuredAlt" label={t.t('admin.article.alt')} value={i.featuredImage?.alt} />
        </fieldset>
        <Text id="seoTitle" label={t.t('admin.article.seoTitle')} value={i.seoTitle} />
        <Text id="seoDescription" label={t.t('admin.article.seoDescription')} value={i.seoDescription} long />
        <Text id="canonicalUrl" label={t.t('admin.article.canonicalUrl')} value={i.canonicalUrl} dir="ltr" invalid={bad('canonicalUrl')} />
        <p class="save-status" role="status" aria-live="polite"></p>
        <button type="submit">{data.id ? t.t('admin.article.save') : t.t('admin.article.create')}</button>
      </form>
      {data.id && data.transitions.length ? (
        <section aria-labelledby="workflow-title">
          <h2 id="workflow-title">{t.t('admin.article.status')}</h2>
          {data.transitions.map((tr) => (
            <form method="post" action={`/admin/articles/${data.id}/transition`} class="transition">
              <input type="hidden" name="_csrf" value={data.csrf} />
              <input type="hidden" name="transition" value={tr} />
              {tr === 'schedule' ? (
                <>
                  <label for="schedule-at">{t.t('admin.article.scheduleAt')}</label>
                  <input id="schedule-at" type="datetime-local" name="at" required />
                </>
              ) : null}
              <button type="submit" class={tr === 'publish' ? undefined : 'secondary'}>
                {t.t(`admin.transition.${tr}`)}
              </button>
            </form>
          ))}
        </section>
      ) : null}
      {data.id && data.canCorrect && data.status === 'published' ? (
        <section aria-labelledby="corrections-title">
          <h2 id="corrections-title">{t.t('admin.article.corrections')}</h2>
          <form method="post" action={`/admin/articles/${data.id}/corrections`} class="stack">
            <input type="hidden" name="_csrf" value={data.csrf} />
            <Text id="note" label={t.t('admin.article.correctionNote')} long />
            <button type="submit">{t.t('admin.article.addCorrection')}</button>
          </form>
        </section>
      ) : null}
      {data.id ? (
        <p>
          <a href={`/admin/articles/new?translationOf=${data.id}`}>{i.language === 'en' ? t.t('admin.article.translate') : t.t('admin.article.translateEn')}</a>
        </p>
      ) : null}
      <script type="module" src={props.editorScript}></script>
    </>
  );
}
