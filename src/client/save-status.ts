import type { SaveStatus } from './autosave.js';
import { format, type Labels } from './labels.js';

/** The status line under the editor, in the newsroom's language: what autosave last did, or why it could not. */
export function statusText(status: SaveStatus, labels: Labels, lang: string): string {
  switch (status.kind) {
    case 'saving':
      return labels.saving;
    case 'saved': {
      const at = new Date(status.savedAt);
      const when = Number.isNaN(at.getTime()) ? new Date() : at;
      const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(when);
      return format(labels.savedAt, { time });
    }
    case 'offline':
      return labels.offline;
    case 'failed':
      return format(labels.failed, { status: String(status.status) });
    case 'signedOut':
      return labels.signedOut;
    case 'locked':
      return format(labels.lockedBy, { name: status.holder || labels.someone });
    case 'conflict':
      return labels.conflictStatus;
    case 'invalidField':
      return format(labels.invalidField, { field: status.field });
    case 'invalidBody':
      return format(labels.invalidBody, { error: status.error });
    case 'forbidden':
      return labels.forbidden;
  }
}
