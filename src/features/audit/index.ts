export { listAudit, recordAudit, type AuditAction, type AuditActor, type AuditEntry } from './audit.service.js';
export { auditRoutes } from './audit.admin-routes.js';
