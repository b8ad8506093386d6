import { Pagination } from '../../../http/components/pagination.js';
import { issuePath, kindLabel, languageLabel, ProgressBar, statusLabel, When, type IssueSummary, type SendsView } from './sends-common.js';

/** /admin/newsletters/sends: every issue, newest first, with its counts and a progress bar. */
export function SendsHistory(props: { v: SendsView; issues: IssueSummary[]; page: number; pageCount: number }) {
  const { v, issues } = props;
  const { t } = v;
  return (
    <>
      <p>{t.t('admin.sends.intro')}</p>
      <p>
        <a class="button" href="/admin/newsletters/compose">
          {t.t('admin.sends.compose')}
        </a>
      </p>
      {issues.length ? (
        <div class="table-wrap">
          <table class="sends">
            <thead>
              <tr>
                <th scope="col">{t.t('admin.sends.col.subject')}</th>
                <th scope="col">{t.t('admin.sends.col.kind')}</th>
                <th scope="col">{t.t('admin.sends.col.list')}</th>
                <th scope="col">{t.t('admin.sends.col.language')}</th>
                <th scope="col">{t.t('admin.sends.col.status')}</th>
                <th scope="col">{t.t('admin.sends.col.started')}</th>
                <th scope="col">{t.t('admin.sends.col.finished')}</th>
                <th scope="col">{t.t('admin.sends.col.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((i) => (
                <tr data-issue-id={i.id}>
                  <th scope="row">
                    <a href={issuePath(i.id)} lang={i.language} dir="auto">
                      {i.subject}
                    </a>
                  </th>
                  <td>{kindLabel(t, i.kind)}</td>
                  <td>{i.listName}</td>
                  <td>{languageLabel(t, i.language)}</td>
                  <td data-status={i.status}>{statusLabel(t, i.status)}</td>
                  <td>
                    <When v={v} at={i.startedAt} />
                  </td>
                  <td>
                    <When v={v} at={i.finishedAt} />
                  </td>
                  <td>
                    <ProgressBar t={t} counts={i.counts} status={i.status} id={`progress-${i.id}`} label={`${t.t('admin.sends.col.progress')}: ${i.subject}`} />
                    <span class="sends__counts" style="display: block;">
                      {t.t('admin.sends.countsShort', { sent: i.counts.sent, failed: i.counts.failed, suppressed: i.counts.suppressed })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.t('admin.sends.none')}</p>
      )}
      <Pagination t={t} basePath="/admin/newsletters/sends" page={props.page} pageCount={props.pageCount} />
    </>
  );
}
