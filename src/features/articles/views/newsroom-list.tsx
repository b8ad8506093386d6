import type { Translator } from '../../../platform/i18n/i18n.js';

export interface NewsroomRow {
  id: string;
  headline: string;
  language: 'en' | 'ar';
  status: string;
  sectionName: string;
  when: string;
  whenIso: string;
  /** Published articles: where their audio stands, linking to the article's audio page. */
  audio?: { text: string; problem: boolean };
}

/** A compact table of articles for the dashboard and the article list. */
export function NewsroomTable(props: { t: Translator; rows: NewsroomRow[]; caption: string }) {
  const { t } = props;
  const withAudio = props.rows.some((r) => r.audio);
  if (!props.rows.length) {
    return (
      <section>
        <h2>{props.caption}</h2>
        <p>{t.t('admin.article.noArticles')}</p>
      </section>
    );
  }
  return (
    <section>
      <h2>{props.caption}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.t('admin.article.headline')}</th>
              <th scope="col">{t.t('admin.article.language')}</th>
              <th scope="col">{t.t('admin.article.section')}</th>
              <th scope="col">{t.t('admin.article.status')}</th>
              <th scope="col">{t.t('admin.article.updated')}</th>
              {withAudio ? <th scope="col">{t.t('admin.audio.title')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td lang={r.language} dir={r.language === 'ar' ? 'rtl' : 'ltr'}>
                  <a href={`/admin/articles/${r.id}/edit`}>{r.headline}</a>
                </td>
                <td>{t.t(`lang.${r.language}`)}</td>
                <td>{r.sectionName}</td>
                <td>{t.t(`admin.status.${r.status}` as 'admin.status.draft')}</td>
                <td>
                  <time datetime={r.whenIso}>{r.when}</time>
                </td>
                {withAudio ? (
                  <td class={r.audio?.problem ? 'audio-state audio-state--problem' : 'audio-state'}>
                    {r.audio ? <a href={`/admin/articles/${r.id}/audio`}>{r.audio.text}</a> : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
