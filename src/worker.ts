import type { Deps } from './deps.js';
import { publishScheduledArticleJob, PUBLISH_SCHEDULED_ARTICLE } from './features/articles/index.js';
import { makeArticleAudioJob, MAKE_ARTICLE_AUDIO } from './features/audio/index.js';
import { pingWebSubHubJob, PING_WEBSUB_HUB } from './features/feeds/index.js';
import { makeVariantsJob, MEDIA_VARIANTS } from './features/media/index.js';
import { rebuildSearchIndexJob, REBUILD_SEARCH_INDEX, updateRelatedArticlesJob, UPDATE_RELATED_ARTICLES } from './features/search/index.js';
import { deliverWebhookJob, DELIVER_WEBHOOK } from './features/webhooks/index.js';
import { createJobRunner, type JobRunner } from './platform/jobs/runner.js';

/**
 * The job runner: an explicit map from job name to handler. Runs inside the web process on one
 * machine, or alone as `arabpress worker` beside stateless web processes on PostgreSQL.
 */
export function createWorker(deps: Deps): JobRunner {
  return createJobRunner({
    db: deps.db,
    kind: deps.database.kind,
    clock: deps.clock,
    log: deps.log.child({ component: 'worker' }),
    handlers: {
      [PUBLISH_SCHEDULED_ARTICLE]: publishScheduledArticleJob(deps),
      [REBUILD_SEARCH_INDEX]: rebuildSearchIndexJob(deps),
      [UPDATE_RELATED_ARTICLES]: updateRelatedArticlesJob(deps),
      [MEDIA_VARIANTS]: makeVariantsJob(deps),
      [MAKE_ARTICLE_AUDIO]: makeArticleAudioJob(deps),
      [PING_WEBSUB_HUB]: pingWebSubHubJob(deps),
      [DELIVER_WEBHOOK]: deliverWebhookJob(deps),
    },
  });
}
