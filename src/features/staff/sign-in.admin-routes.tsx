import { deleteCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config.js';
import { pathParam, publicRoute, signingInRoute, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import type { Assets } from '../../http/assets.js';
import { clientInfo, safeNextPath } from '../../http/client.js';
import { createTranslator, type Language } from '../../platform/i18n/i18n.js';
import type { Logger } from '../../platform/log.js';
import { recordAudit } from '../audit/index.js';
import { adminTranslator, ADMIN_LANG_COOKIE, CsrfField, renderAdmin } from './admin-page.js';
import { promoteSession, signOut } from './sessions.service.js';
import { allowResetRequest, checkSecondFactor, signIn } from './sign-in.service.js';
import { emailSchema, passwordSchema, SESSION_COOKIE, SESSION_TTL_MS } from './staff.js';
import { setLanguage, type StaffDeps } from './staff.service.js';
import { createOwnerWithSetupToken, findUserForReset, issuePasswordToken, passwordTokenIsValid, setPasswordWithToken, setupTokenIsValid } from './tokens.service.js';
import { verifySecondFactor } from './two-factor.service.js';
import { Field, PasswordField } from './views/forms.js';

export interface StaffRouteDeps extends StaffDeps {
  config: Config;
  assets: Assets;
  log: Logger;
  mailer: { send(msg: { to: string; subject: string; text: string }): Promise<unknown> };
}

/** The session cookie: Secure whenever the site is reached over https (directly or behind a trusted proxy). */
export function setSessionCookie(c: AppContext, deps: { config: Config }, token: string, maxAgeMs: number) {
  const forwardedHttps = deps.config.trustProxy && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
  const secure = forwardedHttps || (deps.config.publicUrl ?? c.req.url).startsWith('https:');
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: Math.floor(maxAgeMs / 1000) });
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Absolute link for emails and the console: PUBLIC_URL when set, else the request's own origin. */
export function absoluteLink(deps: { config: Config }, c: AppContext | undefined, path: string): string {
  return (deps.config.publicUrl ?? (c ? new URL(c.req.url).origin : `http://localhost:${deps.config.port}`)) + path;
}

/** Sends a password link to a staff member, in their own language. */
export async function sendPasswordLink(deps: StaffRouteDeps, c: AppContext, user: { id: string; email: string; name: string; language: Language }) {
  const token = await issuePasswordToken(deps, user.id);
  const t = createTranslator(user.language);
  await deps.mailer.send({
    to: user.email,
    subject: t.t('admin.reset.mailSubject'),
    text: t.t('admin.reset.mailBody', { name: user.name, link: absoluteLink(deps, c, `/admin/password/reset/${token}`) }),
  });
}

function SignInForm(props: { c: AppContext; email?: string; next: string }) {
  const t = adminTranslator(props.c);
  return (
    <>
      <form class="stack" method="post" action={`/admin/sign-in?next=${encodeURIComponent(props.next)}`}>
        <Field id="email" name="email" type="email" dir="ltr" label={t.t('admin.signIn.email')} value={props.email} autocomplete="username" required />
        <PasswordField t={t} autocomplete="current-password" />
        <button type="submit">{t.t('admin.signIn.submit')}</button>
      </form>
      <p>
        <a href="/admin/password/forgot">{t.t('admin.signIn.forgot')}</a>
      </p>
    </>
  );
}

export function signInRoutes(deps: StaffRouteDeps): RouteDef[] {
  const client = (c: AppContext) => clientInfo(c, deps.config.trustProxy);
  return [
    publicRoute('GET', '/admin/sign-in', (c) => renderAdmin(c, deps.assets, { title: 'admin.signIn.title', body: <SignInForm c={c} next={safeNextPath(c.req.query('next'))} /> })),
    publicRoute('POST', '/admin/sign-in', async (c) => {
      const form = await c.req.parseBody();
      const email = str(form['email']).slice(0, 254);
      const next = safeNextPath(c.req.query('next'));
      const result = await signIn(deps, { email, password: str(form['password']), ...client(c) });
      const t = adminTranslator(c);
      if (result.kind === 'refused' || result.kind === 'throttled') {
        if (result.kind === 'throttled') c.header('Retry-After', String(result.retryAfterSeconds));
        const error = result.kind === 'refused' ? t.t('admin.signIn.refused') : t.t('admin.signIn.throttled', { seconds: result.retryAfterSeconds });
        return renderAdmin(c, deps.assets, { title: 'admin.signIn.title', body: <SignInForm c={c} email={email} next={next} />, error, status: result.kind === 'refused' ? 401 : 429 });
      }
      setSessionCookie(c, deps, result.token, SESSION_TTL_MS);
      return c.redirect(result.kind === 'second-factor' ? `/admin/sign-in/two-factor?next=${encodeURIComponent(next)}` : next, 303);
    }),

    signingInRoute('GET', '/admin/sign-in/two-factor', (c) => renderAdmin(c, deps.assets, { title: 'admin.twoFactor.title', body: <SecondFactorForm c={c} /> })),
    signingInRoute('POST', '/admin/sign-in/two-factor', async (c) => {
      const staff = c.get('staff')!;
      const form = await c.req.parseBody();
      const check = await checkSecondFactor(deps, staff.userId, str(form['code']), () => verifySecondFactor(deps, staff.userId, str(form['code'])));
      if (check.kind !== 'ok') {
        const t = adminTranslator(c);
        if (check.kind === 'throttled') c.header('Retry-After', String(check.retryAfterSeconds));
        const error = check.kind === 'wrong' ? t.t('admin.twoFactor.wrong') : t.t('admin.signIn.throttled', { seconds: check.retryAfterSeconds });
        return renderAdmin(c, deps.assets, { title: 'admin.twoFactor.title', body: <SecondFactorForm c={c} />, error, status: check.kind === 'wrong' ? 401 : 429 });
      }
      const token = await promoteSession(deps, staff.sessionId, staff.userId, client(c));
      await recordAudit(deps.db, { userId: staff.userId, label: staff.email, ip: client(c).ip }, 'sign-in', { type: 'staff', id: staff.userId }, { twoFactor: true }, deps.clock.now());
      setSessionCookie(c, deps, token, SESSION_TTL_MS);
      return c.redirect(safeNextPath(c.req.query('next')), 303);
    }),

    staffRoute('POST', '/admin/sign-out', 'contributor', async (c) => {
      const staff = c.get('staff')!;
      await signOut(deps, { userId: staff.userId, label: staff.email, ip: client(c).ip }, staff.sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.redirect('/admin/sign-in', 303);
    }),

    // The newsroom's language: a cookie before signing in, the account's setting after.
    publicRoute('GET', '/admin/language', (c) => {
      const to = c.req.query('to') === 'ar' ? 'ar' : 'en';
      setCookie(c, ADMIN_LANG_COOKIE, to, { path: '/admin', sameSite: 'Lax', maxAge: 365 * 86400 });
      return c.redirect(safeNextPath(c.req.query('back')), 303);
    }),
    staffRoute('POST', '/admin/language', 'contributor', async (c) => {
      const staff = c.get('staff')!;
      await setLanguage(deps, staff.userId, staff.language === 'ar' ? 'en' : 'ar');
      const back = c.req.header('Referer');
      return c.redirect(safeNextPath(back ? new URL(back, 'http://x').pathname : undefined), 303);
    }),

    publicRoute('GET', '/admin/setup/:token', async (c) => {
      if (!(await setupTokenIsValid(deps, pathParam(c, 'token')))) return renderAdmin(c, deps.assets, { title: 'admin.setup.title', body: null, error: adminTranslator(c).t('admin.setup.linkInvalid'), status: 410 });
      return renderAdmin(c, deps.assets, { title: 'admin.setup.title', body: <SetupForm c={c} /> });
    }),
    publicRoute('POST', '/admin/setup/:token', async (c) => {
      const t = adminTranslator(c);
      const form = await c.req.parseBody();
      const values = { email: str(form['email']), name: str(form['name']) };
      if (!emailSchema.safeParse(values.email).success || !passwordSchema.safeParse(str(form['password'])).success) {
        const error = emailSchema.safeParse(values.email).success ? t.t('admin.password.tooShort') : t.t('admin.invalidEmail');
        return renderAdmin(c, deps.assets, { title: 'admin.setup.title', body: <SetupForm c={c} {...values} />, error, status: 400 });
      }
      const owner = await createOwnerWithSetupToken(deps, pathParam(c, 'token'), { ...values, password: str(form['password']), language: t.lang }, client(c).ip);
      const result = await signIn(deps, { email: owner.email, password: str(form['password']), ...client(c) });
      if (result.kind === 'signed-in') setSessionCookie(c, deps, result.token, SESSION_TTL_MS);
      return c.redirect('/admin', 303);
    }),

    publicRoute('GET', '/admin/password/forgot', (c) => renderAdmin(c, deps.assets, { title: 'admin.reset.title', body: <ForgotForm c={c} /> })),
    publicRoute('POST', '/admin/password/forgot', async (c) => {
      const form = await c.req.parseBody();
      const user = await findUserForReset(deps, str(form['email']));
      // The same answer whether or not the address has an account, or has asked too often.
      if (user && (await allowResetRequest(deps, user.email, client(c).ip))) {
        await sendPasswordLink(deps, c, user);
        await recordAudit(deps.db, { userId: user.id, label: user.email, ip: client(c).ip }, 'password-reset-requested', { type: 'staff', id: user.id }, {}, deps.clock.now());
      }
      return renderAdmin(c, deps.assets, { title: 'admin.reset.title', body: null, notice: adminTranslator(c).t('admin.reset.sent') });
    }),
    publicRoute('GET', '/admin/password/reset/:token', async (c) => {
      if (!(await passwordTokenIsValid(deps, pathParam(c, 'token')))) return renderAdmin(c, deps.assets, { title: 'admin.reset.choose', body: null, error: adminTranslator(c).t('admin.reset.linkInvalid'), status: 410 });
      return renderAdmin(c, deps.assets, { title: 'admin.reset.choose', body: <ResetForm c={c} /> });
    }),
    publicRoute('POST', '/admin/password/reset/:token', async (c) => {
      const t = adminTranslator(c);
      const form = await c.req.parseBody();
      if (!passwordSchema.safeParse(str(form['password'])).success) {
        return renderAdmin(c, deps.assets, { title: 'admin.reset.choose', body: <ResetForm c={c} />, error: t.t('admin.password.tooShort'), status: 400 });
      }
      await setPasswordWithToken(deps, pathParam(c, 'token'), str(form['password']), client(c).ip);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return renderAdmin(c, deps.assets, { title: 'admin.reset.choose', body: <SignInForm c={c} next="/admin" />, notice: t.t('admin.reset.done') });
    }),
  ];
}

function SecondFactorForm(props: { c: AppContext }) {
  const t = adminTranslator(props.c);
  return (
    <form class="stack" method="post">
      <CsrfField c={props.c} />
      <Field id="code" name="code" label={t.t('admin.twoFactor.code')} autocomplete="one-time-code" inputmode="numeric" dir="ltr" required />
      <button type="submit">{t.t('admin.twoFactor.submit')}</button>
    </form>
  );
}

function SetupForm(props: { c: AppContext; email?: string; name?: string }) {
  const t = adminTranslator(props.c);
  return (
    <form class="stack" method="post">
      <p>{t.t('admin.setup.help')}</p>
      <Field id="name" name="name" label={t.t('admin.setup.name')} value={props.name} autocomplete="name" required dir="auto" />
      <Field id="email" name="email" type="email" dir="ltr" label={t.t('admin.signIn.email')} value={props.email} autocomplete="username" required />
      <PasswordField t={t} label={t.t('admin.password.new')} autocomplete="new-password" />
      <button type="submit">{t.t('admin.setup.submit')}</button>
    </form>
  );
}

function ForgotForm(props: { c: AppContext }) {
  const t = adminTranslator(props.c);
  return (
    <form class="stack" method="post">
      <p>{t.t('admin.reset.help')}</p>
      <Field id="email" name="email" type="email" dir="ltr" label={t.t('admin.signIn.email')} autocomplete="username" required />
      <button type="submit">{t.t('admin.reset.submit')}</button>
    </form>
  );
}

function ResetForm(props: { c: AppContext }) {
  const t = adminTranslator(props.c);
  return (
    <form class="stack" method="post">
      <PasswordField t={t} label={t.t('admin.password.new')} autocomplete="new-password" />
      <button type="submit">{t.t('admin.reset.choose')}</button>
    </form>
  );
}
