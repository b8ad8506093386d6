import type { Translator } from '../../../platform/i18n/i18n.js';

export interface NewsroomRow {
  id: string;
  headline: string;
  language: 'en' | 'ar';
  status: string;
  sectionName: string;
  when: string;
  whenIso: string;
}

/** A compact table of articles for the dashboard and the article list. */
export function NewsroomTable(props: { t: Translator; rows: NewsroomRow[]; caption: string }) {
  const { t } = props;
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
