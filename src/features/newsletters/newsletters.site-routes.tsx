import { publicRoute, type AppContext, type RouteDef } from '../../http/access.js';
import { clientAddress } from '../../http/client.js';
import type { Language, MessageKey } from '../../platform/i18n/i18n.js';
import { loadPageContext, renderDocument, sitePages, sitePaths, type PageContext, type PageRenderer, type RenderedPage, type SiteDeps } from '../site/index.js';
import { CONFIRM_LINK_HOURS, signPreferencesToken } from './link-tokens.js';
import { availableLists, listName, validLists } from './lists.js';
import { preferencesUrl, unsubscribeUrl } from './newsletter-links.js';
import type { SubscriberRow } from './subscribers.repo.js';
import { confirmSubscription, preferencesSchema, requestSubscription, savePreferences, signupSchema, subscriberForLink, unsubscribeByLink } from './subscribe.service.js';
import { BadLinkPage, ConfirmedPage, UnsubscribedPage, UnsubscribePage } from './views/link-pages.js';
import { NewsletterPage, SignupDone, type SignupValues } from './views/newsletter-page.js';
import { PreferencesPage } from './views/preferences-page.js';
import { SignupBox } from './views/signup-box.js';

/** What /newsletter offers ticked: the two lists most readers want. */
const DEFAULT_LISTS = ['daily', 'breaking'];
/** Longer than any token we sign; anything longer is not worth verifying. */
const MAX_TOKEN_LENGTH = 2000;
/** How long a throttled client should wait (the client window of subscribe.service.ts). */
const RETRY_AFTER_SECONDS = 600;

type Form = Record<string, string | File | (string | File)[]>;

/** The posted form; a body that is not a form (or is broken) reads as an empty one. */
async function readForm(c: AppContext): Promise<Form> {
  try {
    return await c.req.parseBody({ all: true });
  } catch {
    return {};
  }
}

function one(form: Form, name: string): string | undefined {
  const v = form[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : undefined;
}

function all(form: Form, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x.length <= 100).slice(0, 100);
}

const otherLanguage = (lang: Language): Language => (lang === 'ar' ? 'en' : 'ar');

/** A language the site serves: the one asked for when it does, else `fallback`. */
function servedLanguage(ctx: PageContext, asked: string | undefined, fallback: Language): Language {
  const served = ctx.settings.languages;
  if (served.includes(asked as Language)) return asked as Language;
  return served.includes(fallback) ? fallback : ctx.lang;
}

const pageTitle = (ctx: PageContext, key: MessageKey) => `${ctx.t.t(key)} | ${ctx.settings.name[ctx.lang]}`;

function tokenOf(c: AppContext): string {
  const token = c.req.query('token') ?? '';
  return token.length > MAX_TOKEN_LENGTH ? '' : token;
}

/**
 * The pages reached by a signed link in email (confirm, preferences, unsubscribe), in English at
 * `pattern` and Arabic at `/ar` + pattern, never cached. Unlike other site pages they answer even
 * in a language the site no longer serves (in one it does): the links sit in mail already sent,
 * and unsubscribing must keep working.
 */
function linkPages(deps: SiteDeps, method: 'GET' | 'POST', pattern: string, render: PageRenderer): RouteDef[] {
  const handler = (lang: Language) => async (c: AppContext) => {
    let ctx = await loadPageContext(deps, c, lang, { firstPage: true });
    const served = ctx.settings.languages;
    if (!served.includes(lang) && served[0]) ctx = await loadPageContext(deps, c, served[0], { firstPage: true });
    c.set('lang', ctx.lang);
    const result = await render(c, ctx);
    if (result instanceof Response) return result;
    const html = await renderDocument(deps, ctx, result);
    c.header('Cache-Control', 'no-store');
    return c.html(html, (result.status ?? 200) as 200);
  };
  return [publicRoute(method, pattern, handler('en')), publicRoute(method, `/ar${pattern}`, handler('ar'))];
}

export function newsletterSiteRoutes(deps: SiteDeps): RouteDef[] {
  const signupPage = (ctx: PageContext, from: string, values: SignupValues, errors?: { email?: string; lists?: string; form?: string }, status?: number): RenderedPage => ({
    head: { title: pageTitle(ctx, 'newsletter.title'), robots: 'noindex' },
    body: (
      <NewsletterPage t={ctx.t} action={ctx.paths.newsletter} from={from} lists={availableLists(ctx.sections)} languages={ctx.settings.languages} values={values} errors={errors} />
    ),
    tags: [],
    status,
    cache: false,
    translationPath: sitePaths(otherLanguage(ctx.lang)).newsletter,
  });

  const badLink = (ctx: PageContext): RenderedPage => ({
    head: { title: pageTitle(ctx, 'newsletter.badLink.title'), robots: 'noindex' },
    body: <BadLinkPage t={ctx.t} hours={CONFIRM_LINK_HOURS} signupPath={ctx.paths.newsletter} />,
    tags: [],
    status: 400,
    translationPath: sitePaths(otherLanguage(ctx.lang)).newsletter,
  });

  const preferencesPage = (ctx: PageContext, token: string, sub: SubscriberRow, lists: readonly string[], saved = false): RenderedPage => ({
    head: { title: pageTitle(ctx, 'newsletter.prefs.title'), robots: 'noindex' },
    body: (
      <PreferencesPage
        t={ctx.t}
        email={sub.email}
        status={sub.status}
        action={preferencesUrl('', ctx.lang, token)}
        unsubscribeAction={unsubscribeUrl('', ctx.lang, token)}
        lists={availableLists(ctx.sections)}
        languages={ctx.settings.languages}
        values={{ language: servedLanguage(ctx, sub.language, ctx.lang), lists }}
        saved={saved}
      />
    ),
    tags: [],
    translationPath: preferencesUrl('', otherLanguage(ctx.lang), token),
  });

  return [
    ...sitePages(deps, 'GET', '/newsletter', async (_c, ctx) => signupPage(ctx, ctx.paths.newsletter, { email: '', language: ctx.lang, lists: DEFAULT_LISTS })),

    // The signup, from /newsletter, the box on articles or the modal. Every accepted address gets the
    // same page (subscribe.service.ts: no way to learn who reads us); no CSRF token, as a public form
    // that changes nothing until the emailed link is followed.
    ...sitePages(deps, 'POST', '/newsletter', async (c, ctx) => {
      const form = await readForm(c);
      const { t } = ctx;
      // Only /newsletter offers lists; the box and the modal mean the daily digest.
      const offered = one(form, 'choices') === '1';
      const typed = (one(form, 'email') ?? '').slice(0, 254);
      const from = signupSchema.shape.from.parse(one(form, 'from'));
      const values: SignupValues = { email: typed, language: servedLanguage(ctx, one(form, 'language'), ctx.lang), lists: all(form, 'lists') };
      const parsed = signupSchema.safeParse({ email: one(form, 'email'), language: values.language, lists: values.lists, from });
      const noLists = offered && validLists(values.lists, ctx.sections).length === 0;
      if (!parsed.success || noLists) {
        const emailError = parsed.success ? undefined : t.t('newsletter.invalidEmail');
        if (offered) return signupPage(ctx, from, values, { email: emailError, lists: noLists ? t.t('newsletter.noLists') : undefined }, 400);
        // Keep what the reader typed and say what is wrong, in the form they used.
        return {
          head: { title: pageTitle(ctx, 'newsletter.title'), robots: 'noindex' },
          body: <SignupBox t={t} action={ctx.paths.newsletter} from={from} email={typed} error={emailError} headingLevel={1} languages={ctx.settings.languages} modal={false} />,
          tags: [],
          status: 400,
          cache: false,
          translationPath: sitePaths(otherLanguage(ctx.lang)).newsletter,
        };
      }
      const answer = await requestSubscription(deps, parsed.data, clientAddress(c, deps.config.trustProxy));
      if (answer === 'throttled') {
        c.header('Retry-After', String(RETRY_AFTER_SECONDS));
        return signupPage(ctx, from, { ...values, lists: offered ? values.lists : ['daily'] }, { form: t.t('newsletter.throttled') }, 429);
      }
      return {
        head: { title: pageTitle(ctx, 'newsletter.checkInbox'), robots: 'noindex' },
        body: <SignupDone t={t} back={parsed.data.from} />,
        tags: [],
        cache: false,
        translationPath: sitePaths(otherLanguage(ctx.lang)).newsletter,
      };
    }),

    // The double opt-in link: the subscription starts (or changes) as chosen on the form.
    ...linkPages(deps, 'GET', '/newsletter/confirm', async (c, ctx) => {
      const done = await confirmSubscription(deps, tokenOf(c));
      if (!done) return badLink(ctx);
      const prefsToken = await signPreferencesToken(deps.db, done.subscriber.id, deps.clock.now());
      const language = done.subscriber.language;
      return {
        head: { title: pageTitle(ctx, 'newsletter.confirmed.title'), robots: 'noindex' },
        body: (
          <ConfirmedPage
            t={ctx.t}
            languageName={ctx.t.t(language === 'ar' ? 'lang.ar' : 'lang.en')}
            listNames={done.lists.map((l) => listName(l, ctx.sections, ctx.lang))}
            preferencesPath={preferencesUrl('', ctx.lang, prefsToken)}
          />
        ),
        tags: [],
        // Not the confirm link again in the other language: that would record a second confirmation.
        translationPath: preferencesUrl('', otherLanguage(ctx.lang), prefsToken),
      };
    }),

    ...linkPages(deps, 'GET', '/newsletter/preferences', async (c, ctx) => {
      const token = tokenOf(c);
      const found = await subscriberForLink(deps, token);
      return found ? preferencesPage(ctx, token, found.subscriber, found.lists) : badLink(ctx);
    }),

    // Save; no list at all is an unsubscribe (subscribe.service.ts).
    ...linkPages(deps, 'POST', '/newsletter/preferences', async (c, ctx) => {
      const token = tokenOf(c);
      const form = await readForm(c);
      const parsed = preferencesSchema.safeParse({ language: servedLanguage(ctx, one(form, 'language'), ctx.lang), lists: all(form, 'lists') });
      const saved = parsed.success ? await savePreferences(deps, token, parsed.data) : undefined;
      return saved ? preferencesPage(ctx, token, saved.subscriber, saved.lists, true) : badLink(ctx);
    }),

    // GET changes nothing (mail scanners follow links): it shows the button that POSTs.
    ...linkPages(deps, 'GET', '/newsletter/unsubscribe', async (c, ctx) => {
      const token = tokenOf(c);
      const found = await subscriberForLink(deps, token);
      if (!found) return badLink(ctx);
      return {
        head: { title: pageTitle(ctx, 'newsletter.unsubscribe.title'), robots: 'noindex' },
        body: (
          <UnsubscribePage
            t={ctx.t}
            email={found.subscriber.email}
            alreadyOut={found.subscriber.status === 'unsubscribed'}
            action={unsubscribeUrl('', ctx.lang, token)}
            preferencesPath={preferencesUrl('', ctx.lang, token)}
          />
        ),
        tags: [],
        translationPath: unsubscribeUrl('', otherLanguage(ctx.lang), token),
      };
    }),

    // RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click` to the List-Unsubscribe
    // URL with no cookie, no CSRF token and no JavaScript; the button on our pages posts here too.
    ...linkPages(deps, 'POST', '/newsletter/unsubscribe', async (c, ctx) => {
      const token = tokenOf(c);
      const form = await readForm(c);
      const source = one(form, 'List-Unsubscribe') === 'One-Click' ? 'one-click' : 'preferences';
      const done = await unsubscribeByLink(deps, token, source);
      if (!done) return badLink(ctx);
      return {
        head: { title: pageTitle(ctx, 'newsletter.unsubscribe.doneTitle'), robots: 'noindex' },
        body: <UnsubscribedPage t={ctx.t} email={done.subscriber.email} preferencesPath={preferencesUrl('', ctx.lang, token)} />,
        tags: [],
        translationPath: preferencesUrl('', otherLanguage(ctx.lang), token),
      };
    }),
  ];
}
