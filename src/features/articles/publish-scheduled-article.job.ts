import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { cancelJobs, enqueueJob } from '../../platform/jobs/queue.js';
import { defineJob } from '../../platform/jobs/runner.js';
import type { ArticleDeps } from './articles.service.js';
import { publishScheduledArticle, type Scheduler } from './newsroom.service.js';

export const PUBLISH_SCHEDULED_ARTICLE = 'publish-scheduled-article';
const key = (articleId: string) => `${PUBLISH_SCHEDULED_ARTICLE}:${articleId}`;

/** Publishes a scheduled article when its time comes; a second run finds it published and does nothing. */
export const publishScheduledArticleJob = (deps: ArticleDeps) =>
  defineJob({
    schema: z.object({ articleId: z.string().min(1) }),
    async run({ articleId }) {
      await publishScheduledArticle(deps, articleId);
    },
  });

/** Scheduling through the durable job table: survives restarts; one pending job per article. */
export function createJobScheduler(clock: { now(): Date }): Scheduler {
  return {
    async schedulePublish(db: Db, articleId: string, at: Date) {
      await enqueueJob(db, { name: PUBLISH_SCHEDULED_ARTICLE, payload: { articleId }, runAt: at, dedupeKey: key(articleId) }, clock.now());
    },
    async cancelPublish(db: Db, articleId: string) {
      await cancelJobs(db, key(articleId));
    },
  };
}
