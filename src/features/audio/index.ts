export { audioLookup, audioUrl } from './audio-lookup.js';
export { audioIndexer, makeArticleAudio, MAKE_ARTICLE_AUDIO, requestAudio, type AudioDeps } from './audio.service.js';
export { audioSiteRoutes } from './audio.site-routes.js';
export { podcastRoutes } from './podcast.routes.js';
export { audioAdminRoutes, AUDIO_UPLOAD_LIMIT } from './audio.admin-routes.js';
export { makeArticleAudioJob } from './make-article-audio.job.js';
export { createSpeechProvider, type SpeechProvider } from './speech/index.js';
