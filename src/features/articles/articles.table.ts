import type { ArticleStatus } from './article.js';

export interface ArticlesTable {
  id: string;
  translation_group_id: string;
  language: 'en' | 'ar';
  slug: string;
  status: ArticleStatus;
  headline: string;
  standfirst: string;
  body_doc: string; // JSON of the editor document
  body_html: string;
  body_text: string;
  section_id: string;
  featured_media_id: string | null;
  featured_caption: string;
  featured_credit: string;
  featured_alt: string;
  seo_title: string;
  seo_description: string;
  canonical_url: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  created_by_user_id: string | null;
  scheduled_at: string | null;
}

export interface ArticleRevisionsTable {
  id: string;
  article_id: string;
  number: number;
  user_id: string | null;
  author_label: string;
  kind: 'autosave' | 'save' | 'status' | 'restore';
  status: ArticleStatus;
  snapshot: string;
  created_at: string;
}

export interface ArticleLocksTable {
  article_id: string;
  user_id: string;
  user_label: string;
  session_id: string;
  acquired_at: string;
  heartbeat_at: string;
}

export interface ArticleSlugHistoryTable {
  language: 'en' | 'ar';
  slug: string;
  article_id: string;
  created_at: string;
}

export interface ArticleTagsTable {
  article_id: string;
  tag_id: string;
  position: number;
}

/** Stored related articles, best first (written by the search feature when an article changes). */
export interface ArticleRelatedTable {
  article_id: string;
  position: number;
  related_id: string;
  score: number;
}

export interface ArticleBylinesTable {
  article_id: string;
  position: number;
  person_id: string | null;
  external_name: string | null;
}

export interface ArticleCorrectionsTable {
  id: string;
  article_id: string;
  note: string;
  created_at: string;
}
