import type { RouteDef } from '../../http/access.js';
import { sitePages, type SiteDeps } from '../site/index.js';
import { clientInfo } from '../../http/client.js';
import { requestSubscription, signupSchema } from './subscribe.service.js';
import { SignupBox } from './views/signup-box.js';

export function newsletterSiteRoutes(deps: SiteDeps): RouteDef[] {
  return [
    ...sitePages(deps, 'GET', '/newsletter', async (_c, ctx) => ({
      head: { title: `${ctx.t.t('newsletter.title')} | ${ctx.settings.name[ctx.lang]}` },
      body: <SignupBox t={ctx.t} action={ctx.paths.newsletter} from={ctx.paths.newsletter} headingLevel={1} />,
      tags: [],
      translationPath: ctx.lang === 'ar' ? '/newsletter' : '/ar/newsletter',
    })),
    ...sitePages(deps, 'POST', '/newsletter', async (c, ctx) => {
      const form = await c.req.parseBody();
      const parsed = signupSchema.safeParse({ email: form['email'], language: form['language'], from: form['from'] });
      const title = `${ctx.t.t('newsletter.title')} | ${ctx.settings.name[ctx.lang]}`;
      if (!parsed.success) {
        // Keep what the reader typed and say what is wrong, in their language.
        const typed = typeof form['email'] === 'string' ? form['email'].slice(0, 254) : '';
        return {
          head: { title, robots: 'noindex' },
          body: <SignupBox t={ctx.t} action={ctx.paths.newsletter} from={ctx.paths.newsletter} email={typed} error={ctx.t.t('newsletter.invalidEmail')} headingLevel={1} />,
          tags: [],
          status: 400,
          cache: false,
        };
      }
      await requestSubscription(deps, parsed.data, clientInfo(c, deps.config.trustProxy).ip);
      return {
        head: { title, robots: 'noindex' },
        body: (
          <section class="newsletter newsletter--done" aria-live="polite">
            <h1 class="newsletter__title">{ctx.t.t('newsletter.title')}</h1>
            <p class="notice">{ctx.t.t('newsletter.thanks')}</p>
            <p>
              <a href={parsed.data.from}>{ctx.t.t('newsletter.back')}</a>
            </p>
          </section>
        ),
        tags: [],
        cache: false,
      };
    }),
  ];
}
