import type { Deps } from './deps.js';
import { publishScheduledArticleJob, PUBLISH_SCHEDULED_ARTICLE } from './features/articles/index.js';
import { makeArticleAudioJob, MAKE_ARTICLE_AUDIO } from './features/audio/index.js';
import { pingWebSubHubJob, PING_WEBSUB_HUB } from './features/feeds/index.js';
import { makeVariantsJob, MEDIA_VARIANTS } from './features/media/index.js';
import { rebuildSearchIndexJob, REBUILD_SEARCH_INDEX, updateRelatedArticlesJob, UPDATE_RELATED_ARTICLES } from './features/search/index.js';
import { createNewsletterSender, planDigests, SEND_CONFIRMATION, sendConfirmationJob, type NewsletterSender } from './features/newsletters/index.js';
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
      [SEND_CONFIRMATION]: sendConfirmationJob(deps),
    },
  });
}

/**
 * The newsletter sender: its own loop over the outbox (src/features/newsletters/README.md), beside
 * the job runner in the same process. When idle it plans the daily and weekly digests, once a minute.
 */
export function createNewsletterWorker(deps: Deps): NewsletterSender & { startAll(): void } {
  const sender = createNewsletterSender(deps, deps.config.newsletters);
  let lastPlan = 0;
  return {
    ...sender,
    startAll() {
      sender.start({
        pollMs: 1000,
        onIdle: async () => {
          if (Date.now() - lastPlan < 60_000) return;
          lastPlan = Date.now();
          await planDigests(deps);
        },
      });
    },
  };
}
