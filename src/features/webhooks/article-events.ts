import type { Db } from '../../db-schema.js';
import type { ArticleIndexer } from '../articles/index.js';
import { queueWebhookEvent, type WebhookEvent } from './webhooks.service.js';

/**
 * Turns every article change into Ghost's post events: published (it was not, now it is), edited (it
 * was and still is: an edit, a correction) and unpublished. What each article was last announced as
 * is kept, so the event is right however the change came (the editor, the schedule, the Admin API).
 * Runs in the change's transaction; `describe` gives the body (the post as the Admin API shows it).
 */
export function webhookIndexer(clock: { now(): Date }, describe: (db: Db, articleId: string) => Promise<unknown>): ArticleIndexer {
  return {
    async articleChanged(trx, articleId) {
      const row = await trx.selectFrom('articles').select('status').where('id', '=', articleId).executeTakeFirst();
      const published = row?.status === 'published';
      const before = await trx.selectFrom('webhook_article_states').select('published').where('article_id', '=', articleId).executeTakeFirst();
      const was = before?.published === 1;
      if (!before || was !== published) {
        await trx
          .insertInto('webhook_article_states')
          .values({ article_id: articleId, published: published ? 1 : 0 })
          .onConflict((oc) => oc.column('article_id').doUpdateSet({ published: published ? 1 : 0 }))
          .execute();
      }
      const event: WebhookEvent | undefined = published ? (was ? 'post.published.edited' : 'post.published') : was ? 'post.unpublished' : undefined;
      if (event) await queueWebhookEvent(trx, event, () => describe(trx, articleId), clock.now());
      return [];
    },
  };
}
