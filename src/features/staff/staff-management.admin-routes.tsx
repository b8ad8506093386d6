import { pathParam, STAFF_ROLES, staffRoute, type AppContext, type RouteDef, type StaffRole } from '../../http/access.js';
import { clientInfo } from '../../http/client.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { getSiteSettings, saveSiteSettings } from '../site-settings/index.js';
import { adminTranslator, CsrfField, renderAdmin } from './admin-page.js';
import { sendPasswordLink, type StaffRouteDeps } from './sign-in.admin-routes.js';
import { emailSchema, roleSchema } from './staff.js';
import { changeRole, createStaffUser, listStaff, setStaffDisabled } from './staff.service.js';
import { Field } from './views/forms.js';

/** Admins manage the staff; owners also decide who else is an owner or admin and the two-step rule. */
export function staffManagementRoutes(deps: StaffRouteDeps): RouteDef[] {
  const actorOf = (c: AppContext) => {
    const s = c.get('staff')!;
    return { userId: s.userId, label: s.email, ip: clientInfo(c, deps.config.trustProxy).ip, role: s.role };
  };
  const page = async (c: AppContext, extra: { notice?: string; error?: string; status?: number; form?: { email: string; name: string } } = {}) => {
    const t = adminTranslator(c);
    const [staff, settings] = await Promise.all([listStaff(deps.db), getSiteSettings(deps.db)]);
    const me = c.get('staff')!;
    const roleOptions = (current: StaffRole) =>
      STAFF_ROLES.map((r) => (
        <option value={r} selected={r === current}>
          {t.t(`admin.role.${r}`)}
        </option>
      ));
    return renderAdmin(c, deps.assets, {
      title: 'admin.staff.title',
      notice: extra.notice,
      error: extra.error,
      status: extra.status,
      body: (
        <>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.t('admin.staff.name')}</th>
                  <th scope="col">{t.t('admin.staff.email')}</th>
                  <th scope="col">{t.t('admin.staff.twoFactor')}</th>
                  <th scope="col">{t.t('admin.staff.role')}</th>
                  <th scope="col">{t.t('admin.staff.status')}</th>
                </tr>
              </thead>
              <tbody>
                {staff.map((u) => (
                  <tr>
                    <td dir="auto">{u.name}</td>
                    <td dir="ltr">{u.email}</td>
                    <td>{u.twoFactor ? t.t('admin.staff.yes') : t.t('admin.staff.no')}</td>
                    <td>
                      <form method="post" action={`/admin/staff/${u.id}/role`}>
                        <CsrfField c={c} />
                        <label class="visually-hidden" for={`role-${u.id}`}>
                          {t.t('admin.staff.role')}: {u.name}
                        </label>
                        <select id={`role-${u.id}`} name="role">
                          {roleOptions(u.role)}
                        </select>{' '}
                        <button type="submit" class="secondary">
                          {t.t('admin.staff.changeRole')}
                        </button>
                      </form>
                    </td>
                    <td>
                      <span class={u.disabled ? 'badge badge--off' : 'badge'}>{u.disabled ? t.t('admin.staff.disabledState') : t.t('admin.staff.active')}</span>
                      {u.id !== me.userId && (me.role === 'owner' || u.role !== 'owner') ? (
                        <form method="post" action={`/admin/staff/${u.id}/${u.disabled ? 'enable' : 'disable'}`}>
                          <CsrfField c={c} />
                          <button type="submit" class="secondary" aria-label={`${u.disabled ? t.t('admin.staff.enable') : t.t('admin.staff.disable')}: ${u.name}`}>
                            {u.disabled ? t.t('admin.staff.enable') : t.t('admin.staff.disable')}
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t.t('admin.staff.invite')}</h2>
          <form class="stack" method="post" action="/admin/staff">
            <CsrfField c={c} />
            <Field id="invite-name" name="name" label={t.t('admin.staff.name')} value={extra.form?.name} required dir="auto" />
            <Field id="invite-email" name="email" type="email" dir="ltr" label={t.t('admin.staff.email')} value={extra.form?.email} required />
            <div>
              <label for="invite-role">{t.t('admin.staff.role')}</label>
              <select id="invite-role" name="role">
                {roleOptions('contributor')}
              </select>
            </div>
            <button type="submit">{t.t('admin.staff.inviteSubmit')}</button>
          </form>
          {me.role === 'owner' ? (
            <form class="stack" method="post" action="/admin/staff/two-factor-rule">
              <CsrfField c={c} />
              <h2>{t.t('admin.twoFactor.title')}</h2>
              <label>
                <input type="checkbox" name="required" value="true" checked={settings.requireTwoFactor} /> {t.t('admin.staff.requireTwoFactor')}
              </label>
              <button type="submit">{t.t('admin.save')}</button>
            </form>
          ) : null}
        </>
      ),
    });
  };

  return [
    staffRoute('GET', '/admin/staff', 'admin', (c) => page(c)),
    staffRoute('POST', '/admin/staff', 'admin', async (c) => {
      const t = adminTranslator(c);
      const form = await c.req.parseBody();
      const values = { email: String(form['email'] ?? '').slice(0, 254), name: String(form['name'] ?? '').slice(0, 120) };
      const role = roleSchema.safeParse(form['role']);
      if (!emailSchema.safeParse(values.email).success || !role.success) return page(c, { error: t.t('admin.invalidEmail'), status: 400, form: values });
      const actor = actorOf(c);
      if ((role.data === 'owner' || role.data === 'admin') && actor.role !== 'owner') return page(c, { error: t.t('admin.staff.ownerOnly'), status: 403, form: values });
      try {
        const user = await createStaffUser(deps, actor, { ...values, role: role.data, language: t.lang });
        await sendPasswordLink(deps, c, user);
        return page(c, { notice: t.t('admin.staff.invited', { email: user.email }) });
      } catch (err) {
        if (err instanceof AppError && err.code === 'STAFF_EMAIL_TAKEN') return page(c, { error: t.t('admin.staff.emailTaken'), status: 409, form: values });
        throw err;
      }
    }),
    staffRoute('POST', '/admin/staff/:id/role', 'admin', async (c) => {
      const t = adminTranslator(c);
      const form = await c.req.parseBody();
      const role = roleSchema.safeParse(form['role']);
      if (!role.success) return page(c, { error: t.t('error.badRequest'), status: 400 });
      try {
        await changeRole(deps, actorOf(c), pathParam(c, 'id'), role.data);
      } catch (err) {
        if (err instanceof AppError && (err.code === 'ROLE_CHANGE_FORBIDDEN' || err.code === 'LAST_OWNER')) return page(c, { error: t.t(err.code === 'LAST_OWNER' ? 'admin.staff.lastOwner' : 'admin.staff.ownerOnly'), status: err.status });
        throw err;
      }
      return page(c, { notice: t.t('admin.staff.roleChanged') });
    }),
    ...(['disable', 'enable'] as const).map((action) =>
      staffRoute('POST', `/admin/staff/:id/${action}`, 'admin', async (c) => {
        const t = adminTranslator(c);
        try {
          await setStaffDisabled(deps, actorOf(c), pathParam(c, 'id'), action === 'disable');
        } catch (err) {
          const messages = { DISABLE_SELF: 'admin.staff.disableSelf', LAST_OWNER: 'admin.staff.lastOwner', ROLE_CHANGE_FORBIDDEN: 'admin.staff.ownerOnly' } as const;
          if (err instanceof AppError && err.code in messages) return page(c, { error: t.t(messages[err.code as keyof typeof messages]), status: err.status });
          throw err;
        }
        return page(c, { notice: t.t(action === 'disable' ? 'admin.staff.disabledNotice' : 'admin.staff.enabledNotice') });
      }),
    ),
    staffRoute('POST', '/admin/staff/two-factor-rule', 'owner', async (c) => {
      const form = await c.req.parseBody();
      const settings = await getSiteSettings(deps.db);
      const required = form['required'] === 'true';
      await saveSiteSettings(deps.db, { ...settings, requireTwoFactor: required }, deps.clock.now());
      await recordAudit(deps.db, actorOf(c), 'settings-changed', { type: 'settings', id: 'site' }, { requireTwoFactor: required }, deps.clock.now());
      return c.redirect('/admin/staff', 303);
    }),
  ];
}
