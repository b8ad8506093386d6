import type { Deps } from './deps.js';
import { publishScheduledArticleJob, PUBLISH_SCHEDULED_ARTICLE } from './features/articles/index.js';
import { makeArticleAudioJob, MAKE_ARTICLE_AUDIO } from './features/audio/index.js';
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
      [MAKE_ARTICLE_AUDIO]: makeArticleAudioJob(deps),
    },
  });
}
