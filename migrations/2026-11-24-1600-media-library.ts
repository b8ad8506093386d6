import type { Kysely } from 'kysely';

// The media library: what the newsroom writes about an image (caption and alt text in both
// languages, so the library is searchable in either), where its focal point is, and the variants
// made from it. Portable types only; the focal point is stored in ten-thousandths (0..10000) so it
// stays an integer on both databases; variants are a JSON list in text.
export async function up(db: Kysely<unknown>): Promise<void> {
  const text = (name: string) => db.schema.alterTable('media').addColumn(name, 'text', (c) => c.notNull().defaultTo('')).execute();
  await text('caption_en');
  await text('caption_ar');
  await text('credit');
  await text('alt_en');
  await text('alt_ar');
  await text('original_name');
  // Normalized caption, credit, alt text and name in both languages: what library search matches.
  await text('search_text');
  await db.schema.alterTable('media').addColumn('focal_x', 'integer', (c) => c.notNull().defaultTo(5000)).execute();
  await db.schema.alterTable('media').addColumn('focal_y', 'integer', (c) => c.notNull().defaultTo(5000)).execute();
  await db.schema.alterTable('media').addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('media').addColumn('uploaded_by_user_id', 'text').execute();
  await db.schema.createIndex('media_created_idx').on('media').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('media_created_idx').execute();
  for (const c of ['uploaded_by_user_id', 'variants', 'focal_y', 'focal_x', 'search_text', 'original_name', 'alt_ar', 'alt_en', 'credit', 'caption_ar', 'caption_en']) {
    await db.schema.alterTable('media').dropColumn(c).execute();
  }
}
