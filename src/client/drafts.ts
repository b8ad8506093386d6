import * as z from 'zod';

/**
 * The whole form kept in the browser while the server cannot take it (offline, 5xx, session ended, lock
 * lost, a field refused) under `arabpress:draft:<articleId>`. `body` is the editor's own JSON, so it
 * loads back even when it did not pass the document schema.
 */
export const formFieldsSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type FormFields = z.infer<typeof formFieldsSchema>;

const storedDraftSchema = z.object({
  v: z.literal(1),
  storedAt: z.iso.datetime(),
  baseRevision: z.number(),
  fields: formFieldsSchema,
  body: z.unknown(),
});
export type StoredDraft = z.infer<typeof storedDraftSchema>;

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function draftKey(articleId: string): string {
  return `arabpress:draft:${articleId}`;
}

export class DraftStore {
  constructor(
    private readonly storage: DraftStorage | null,
    private readonly key: string,
  ) {}

  /** False when the browser refuses (storage full or disabled); the caller says so rather than pretend. */
  save(draft: Omit<StoredDraft, 'v'>): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(this.key, JSON.stringify({ v: 1, ...draft }));
      return true;
    } catch {
      return false;
    }
  }

  load(): StoredDraft | null {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return null;
      const parsed = storedDraftSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  remove(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing to do: a draft that cannot be removed is older than the server's copy and will be ignored.
    }
  }
}

/** A draft is worth restoring only if it was kept after the server's last save (`data-saved-at`). */
export function isDraftNewer(draft: Pick<StoredDraft, 'storedAt'>, serverSavedAt: string): boolean {
  const kept = Date.parse(draft.storedAt);
  const saved = Date.parse(serverSavedAt);
  if (Number.isNaN(kept)) return false;
  return Number.isNaN(saved) || kept > saved;
}
