import { z } from 'zod';
import { defineJob } from '../../platform/jobs/runner.js';
import { makeArticleAudio, type AudioDeps } from './audio.service.js';

/** Makes (or confirms) an article's audio; enqueued whenever a published article changes. */
export const makeArticleAudioJob = (deps: AudioDeps) =>
  defineJob({
    schema: z.object({ articleId: z.string().min(1) }),
    async run({ articleId }) {
      await makeArticleAudio(deps, articleId);
    },
  });
