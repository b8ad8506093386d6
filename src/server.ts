import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { securityHeaders } from './http/middleware/security-headers.js';
import type { Deps } from './deps.js';
import { archiveSiteRoutes, articleAdminRoutes, articleSiteRoutes, dashboardRoutes, listingSiteRoutes, revisionAdminRoutes } from './features/articles/index.js';
import { homeSiteRoutes } from './features/home/index.js';
import { mediaAdminRoutes, mediaRoutes, MEDIA_MAX_UPLOAD_BYTES } from './features/media/index.js';
import { bodyLimit } from 'hono/body-limit';
import { newsletterBounceRoutes, newsletterSendRoutes, newsletterSiteRoutes, newsletterSubscriberRoutes } from './features/newsletters/index.js';
import { instantSearchRoutes, searchSiteRoutes } from './features/search/index.js';
import { feedRoutes } from './features/feeds/index.js';
import { sitemapRoutes } from './features/sitemaps/index.js';
import { adminApiRoutes, contentApiRoutes, ghostErrorResponse, GhostApiError } from './features/ghost-api/index.js';
import { integrationAdminRoutes } from './features/integrations/index.js';
import { webhookAdminRoutes } from './features/webhooks/index.js';
import { EMBED_FRAME_ORIGINS } from './editor/index.js';
import { AUDIO_UPLOAD_LIMIT, audioAdminRoutes, audioSiteRoutes, podcastRoutes } from './features/audio/index.js';
import { healthRoutes, renderError, settingsAdminRoutes } from './features/site/index.js';
import { sectionAdminRoutes } from './features/sections/index.js';
import { tagAdminRoutes } from './features/tags/index.js';
import { peopleAdminRoutes } from './features/people/index.js';
import { accountRoutes, createStaffGuard, renderAdmin, signInRoutes, staffManagementRoutes } from './features/staff/index.js';
import { auditRoutes } from './features/audit/index.js';
import { registerRoutes, type AppEnv, type RouteDef } from './http/access.js';
import { assetRoutes } from './http/assets.routes.js';
import { requestLog } from './http/middleware/request-log.js';
import { AppError } from './platform/errors.js';

/** The web app: global middleware, then every feature's routes in an explicit order. */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Ids unique per process and cheap to make (a random UUID per request costs a cached page ~5% of its speed).
  const prefix = randomBytes(4).toString('hex');
  let counter = 0;
  app.use(requestId({ generator: () => `${prefix}-${(counter++).toString(36)}` }));
  app.use(requestLog(deps.log));
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        // Section colours are set per element with style attributes; no inline <style> or script.
        styleSrcElem: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        scriptSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Embedded posts and videos, only after the reader clicks (site-client/embeds.ts), only from these.
        frameSrc: [...EMBED_FRAME_ORIGINS],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  // Uploads are read whole (the guard reads the CSRF field from the form): cap the body before that.
  app.use('/admin/media', bodyLimit({ maxSize: MEDIA_MAX_UPLOAD_BYTES + 1024 * 1024, onError: () => { throw new AppError('MEDIA_TOO_LARGE', 413, 'admin.media.noFile'); } }));
  app.use('/ghost/api/admin/images/upload/', bodyLimit({ maxSize: MEDIA_MAX_UPLOAD_BYTES + 1024 * 1024, onError: (c) => ghostErrorResponse(c, new GhostApiError(413, 'RequestEntityTooLargeError', 'Request is too large.')) }));
  app.use('/admin/articles/:id/audio/narration', bodyLimit({ maxSize: AUDIO_UPLOAD_LIMIT + 1024 * 1024, onError: () => { throw new AppError('AUDIO_TOO_LARGE', 413, 'admin.audio.tooLarge'); } }));
  registerRoutes(app, allRoutes(deps), createStaffGuard(deps));

  const onError = renderError(deps, deps.log, (c, page) => renderAdmin(c, deps.assets, page));
  app.notFound((c) => onError(new AppError('NOT_FOUND', 404, 'error.notFound'), c));
  app.onError(onError);
  return app;
}

/** Every route of the app, in matching order. Exported so tests can walk them (the role matrix). */
export function allRoutes(deps: Deps): RouteDef[] {
  return [
    ...signInRoutes(deps),
    ...dashboardRoutes(deps),
    ...articleAdminRoutes(deps),
    ...revisionAdminRoutes(deps),
    ...accountRoutes(deps),
    ...staffManagementRoutes(deps),
    ...auditRoutes(deps),
    ...settingsAdminRoutes(deps),
    ...integrationAdminRoutes(deps),
    ...webhookAdminRoutes(deps),
    ...newsletterSubscriberRoutes(deps),
    ...newsletterSendRoutes(deps),
    ...sectionAdminRoutes(deps),
    ...tagAdminRoutes(deps),
    ...peopleAdminRoutes(deps),
    ...mediaAdminRoutes(deps),
    ...audioAdminRoutes(deps),
    ...healthRoutes(deps),
    ...assetRoutes(deps.assets),
    ...mediaRoutes(deps.mediaDir),
    ...audioSiteRoutes(deps),
    ...podcastRoutes(deps),
    ...feedRoutes(deps),
    ...sitemapRoutes(deps),
    ...contentApiRoutes(deps),
    ...adminApiRoutes(deps),
    ...homeSiteRoutes(deps),
    ...newsletterSiteRoutes(deps),
    ...newsletterBounceRoutes(deps),
    ...instantSearchRoutes(deps),
    ...searchSiteRoutes(deps),
    // Fixed paths first: the /:section patterns below would match them too.
    ...archiveSiteRoutes(deps),
    ...listingSiteRoutes(deps),
    ...articleSiteRoutes(deps),
  ];
}
