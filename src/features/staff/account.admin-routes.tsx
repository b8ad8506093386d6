import { deleteCookie } from 'hono/cookie';
import { raw } from 'hono/html';
import { staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import { clientInfo } from '../../http/client.js';
import { adminTranslator, CsrfField, renderAdmin } from './admin-page.js';
import type { StaffRouteDeps } from './sign-in.admin-routes.js';
import { signOutEverywhere } from './sessions.service.js';
import { SESSION_COOKIE } from './staff.js';
import { findStaffById } from './staff.service.js';
import { beginTwoFactorEnrolment, confirmTwoFactor, disableTwoFactor } from './two-factor.service.js';
import { Field } from './views/forms.js';

/** What every staff member can do to their own account. */
export function accountRoutes(deps: StaffRouteDeps): RouteDef[] {
  const actorOf = (c: AppContext) => {
    const s = c.get('staff')!;
    return { userId: s.userId, label: s.email, ip: clientInfo(c, deps.config.trustProxy).ip };
  };
  const enrolPage = async (c: AppContext, error?: string, status = 200) => {
    const t = adminTranslator(c);
    const staff = c.get('staff')!;
    const user = (await findStaffById(deps.db, staff.userId))!;
    if (user.twoFactor) {
      return renderAdmin(c, deps.assets, {
        title: 'admin.twoFactor.title',
        notice: t.t('admin.twoFactor.on'),
        body: (
          <form method="post" action="/admin/account/two-factor/disable">
            <CsrfField c={c} />
            <button type="submit" class="secondary">
              {t.t('admin.twoFactor.disable')}
            </button>
          </form>
        ),
      });
    }
    const enrolment = await beginTwoFactorEnrolment(deps, staff.userId, 'Arab Press');
    return renderAdmin(c, deps.assets, {
      title: 'admin.twoFactor.enrolTitle',
      error,
      status,
      body: (
        <form class="stack" method="post" action="/admin/account/two-factor">
          <CsrfField c={c} />
          <p>{t.t('admin.twoFactor.enrolHelp')}</p>
          <div class="qr" role="img" aria-label={t.t('admin.twoFactor.enrolTitle')}>
            {raw(enrolment.qrSvg)}
          </div>
          <p>
            {t.t('admin.twoFactor.key')}: <code dir="ltr">{enrolment.secret}</code>
          </p>
          <Field id="code" name="code" label={t.t('admin.twoFactor.code')} autocomplete="one-time-code" inputmode="numeric" dir="ltr" required />
          <button type="submit">{t.t('admin.twoFactor.enable')}</button>
        </form>
      ),
    });
  };

  return [
    staffRoute('GET', '/admin/account', 'contributor', async (c) => {
      const t = adminTranslator(c);
      const user = (await findStaffById(deps.db, c.get('staff')!.userId))!;
      return renderAdmin(c, deps.assets, {
        title: 'admin.account.title',
        body: (
          <>
            <p>
              {user.name} · <span dir="ltr">{user.email}</span> · {t.t(`admin.role.${user.role}`)}
            </p>
            <h2>{t.t('admin.twoFactor.title')}</h2>
            <p>{user.twoFactor ? t.t('admin.twoFactor.on') : t.t('admin.twoFactor.off')}</p>
            <p>
              <a href="/admin/account/two-factor">{user.twoFactor ? t.t('admin.twoFactor.disable') : t.t('admin.twoFactor.enrolTitle')}</a>
            </p>
            <h2>{t.t('admin.account.signOutEverywhere')}</h2>
            <form method="post" action="/admin/account/sign-out-everywhere">
              <CsrfField c={c} />
              <p>{t.t('admin.account.signOutEverywhereHelp')}</p>
              <button type="submit" class="secondary">
                {t.t('admin.account.signOutEverywhere')}
              </button>
            </form>
          </>
        ),
      });
    }),
    staffRoute('POST', '/admin/account/sign-out-everywhere', 'contributor', async (c) => {
      await signOutEverywhere(deps, actorOf(c), c.get('staff')!.userId);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.redirect('/admin/sign-in', 303);
    }),
    staffRoute('GET', '/admin/account/two-factor', 'contributor', (c) => enrolPage(c)),
    staffRoute('POST', '/admin/account/two-factor', 'contributor', async (c) => {
      const form = await c.req.parseBody();
      const code = typeof form['code'] === 'string' ? form['code'] : '';
      if (!(await confirmTwoFactor(deps, actorOf(c), c.get('staff')!.userId, code))) return enrolPage(c, adminTranslator(c).t('admin.twoFactor.wrong'), 400);
      return c.redirect('/admin/account', 303);
    }),
    staffRoute('POST', '/admin/account/two-factor/disable', 'contributor', async (c) => {
      await disableTwoFactor(deps, actorOf(c), c.get('staff')!.userId);
      return c.redirect('/admin/account', 303);
    }),
  ];
}
