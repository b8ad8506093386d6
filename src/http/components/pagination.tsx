import type { Translator } from '../../platform/i18n/i18n.js';

/** Newer/older links for a paginated list; plain links, so it works without JavaScript. */
export function Pagination(props: { t: Translator; basePath: string; page: number; pageCount: number; href?: (page: number) => string }) {
  const { t, basePath, page, pageCount } = props;
  if (pageCount <= 1) return null;
  // A page whose address carries more than the page number (search) builds its own links.
  const href = props.href ?? ((p: number) => (p === 1 ? basePath : `${basePath}?page=${p}`));
  return (
    <nav class="pagination" aria-label={t.t('list.pagination')}>
      {page > 1 ? (
        <a class="pagination__newer" href={href(page - 1)} rel="prev">
          {t.t('list.newer')}
        </a>
      ) : null}
      <span class="pagination__current" aria-current="page">
        {t.t('list.page', { page })} / {t.n(pageCount)}
      </span>
      {page < pageCount ? (
        <a class="pagination__older" href={href(page + 1)} rel="next">
          {t.t('list.older')}
        </a>
      ) : null}
    </nav>
  );
}
