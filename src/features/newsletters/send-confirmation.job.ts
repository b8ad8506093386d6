import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db-schema.js';
import type { Clock } from '../../platform/clock.js';
import { defineJob } from '../../platform/jobs/runner.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { listSections } from '../sections/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import { renderConfirmationEmail } from './email/index.js';
import { CONFIRM_LINK_HOURS, signConfirmToken } from './link-tokens.js';
import { listName } from './lists.js';
import { confirmUrl, mailDomain, mailOrigin } from './newsletter-links.js';
import { findSubscriberById } from './subscribers.repo.js';

export const sendConfirmationPayload = z.object({
  subscriberId: z.string(),
  language: z.enum(['en', 'ar']),
  lists: z.array(z.string()),
  source: z.string(),
});

/**
 * Mails the double opt-in link. Sent from a job so the signup answers at once and the same way for
 * every address; a temporary SMTP failure is retried by the queue. The Message-ID is fixed per job, so
 * a retry after a crash is recognisable as the same message.
 */
export const sendConfirmationJob = (deps: { db: Db; clock: Clock; mailer: Mailer; config: Config }) =>
  defineJob({
    schema: sendConfirmationPayload,
    async run(payload, ctx) {
      const sub = await findSubscriberById(deps.db, payload.subscriberId);
      if (!sub) return;
      const suppressed = await deps.db.selectFrom('newsletter_suppressions').select('email').where('email', '=', sub.email).executeTakeFirst();
      if (suppressed) return;
      const now = deps.clock.now();
      const [settings, sections] = await Promise.all([getSiteSettings(deps.db), listSections(deps.db)]);
      const origin = mailOrigin(deps.config);
      const token = await signConfirmToken(deps.db, { sub: sub.id, lang: payload.language, lists: payload.lists, src: payload.source }, now);
      const mail = await renderConfirmationEmail({
        lang: payload.language,
        siteName: settings.name[payload.language],
        motto: settings.motto,
        siteUrl: `${origin}${payload.language === 'ar' ? '/ar/' : '/'}`,
        confirmUrl: confirmUrl(origin, payload.language, token),
        listNames: payload.lists.map((l) => listName(l, sections, payload.language)),
        expiresInHours: CONFIRM_LINK_HOURS,
      });
      await deps.mailer.send({ to: sub.email, subject: mail.subject, html: mail.html, text: mail.text, messageId: `<confirm-${ctx.jobId}@${mailDomain(deps.config)}>` });
    },
  });
