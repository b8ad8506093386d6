import type { Kysely } from 'kysely';

// Listings, counts and related articles read only a few small columns of many articles. These covering
// indexes hold them, so those queries never step through rows' large body columns.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('articles_published_listing_idx')
    .on('articles')
    .columns(['language', 'status', 'published_at', 'id', 'section_id', 'translation_group_id'])
    .execute();
  await db.schema.createIndex('articles_id_listing_idx').on('articles').columns(['id', 'language', 'status', 'published_at', 'translation_group_id']).execute();
  // Related articles start from the article's tags: (tag, article) pairs without visiting the table.
  await db.schema.createIndex('article_tags_tag_article_idx').on('article_tags').columns(['tag_id', 'article_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('article_tags_tag_article_idx').execute();
  await db.schema.dropIndex('articles_id_listing_idx').execute();
  await db.schema.dropIndex('articles_published_listing_idx').execute();
}
