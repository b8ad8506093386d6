import type { Migration } from 'kysely';
import * as createContent from './2026-11-24-1200-create-content.js';
import * as createJobs from './2026-11-24-1300-create-jobs.js';
import * as createStaff from './2026-11-24-1400-create-staff.js';
import * as createNewsroomArticles from './2026-11-24-1500-create-newsroom-articles.js';
import * as mediaLibrary from './2026-11-24-1600-media-library.js';
import * as articleListingIndexes from './2026-11-24-1700-article-listing-indexes.js';
import * as staffTotpLastStep from './2026-11-24-1800-staff-totp-last-step.js';
import * as mediaVariantsState from './2026-12-04-2000-media-variants-state.js';
import * as searchIndex from './2026-12-04-2100-search-index.js';
import * as articleRelated from './2026-12-04-2200-article-related.js';
import * as articleAudio from './2026-12-04-2300-article-audio.js';
import * as searchPool from './2026-12-05-0100-search-pool.js';
import * as integrations from './2026-12-05-0200-integrations.js';
import * as webhooks from './2026-12-05-0300-webhooks.js';
import * as newsletters from './2026-12-06-0100-newsletters.js';

/** Every migration, in order. A literal list: adding one is adding a line here. */
export const migrations: Record<string, Migration> = {
  '2026-11-24-1200-create-content': createContent,
  '2026-11-24-1300-create-jobs': createJobs,
  '2026-11-24-1400-create-staff': createStaff,
  '2026-11-24-1500-create-newsroom-articles': createNewsroomArticles,
  '2026-11-24-1600-media-library': mediaLibrary,
  '2026-11-24-1700-article-listing-indexes': articleListingIndexes,
  '2026-11-24-1800-staff-totp-last-step': staffTotpLastStep,
  '2026-12-04-2000-media-variants-state': mediaVariantsState,
  '2026-12-04-2100-search-index': searchIndex,
  '2026-12-04-2200-article-related': articleRelated,
  '2026-12-04-2300-article-audio': articleAudio,
  '2026-12-05-0100-search-pool': searchPool,
  '2026-12-05-0200-integrations': integrations,
  '2026-12-05-0300-webhooks': webhooks,
  '2026-12-06-0100-newsletters': newsletters,
};
