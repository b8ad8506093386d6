export { accountRoutes } from './account.admin-routes.js';
export { adminLanguage, adminTranslator, CsrfField, renderAdmin } from './admin-page.js';
export { absoluteLink, sendPasswordLink, signInRoutes, type StaffRouteDeps } from './sign-in.admin-routes.js';
export { staffManagementRoutes } from './staff-management.admin-routes.js';
export { createStaffGuard } from './staff-guard.js';
export { createStaffUser, findStaffById, hasAnyStaff, listStaff, type StaffDeps } from './staff.service.js';
export { issuePasswordToken, issueSetupTokenIfNoStaff } from './tokens.service.js';
export type { StaffUser } from './staff.js';
