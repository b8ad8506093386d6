export interface TagsTable {
  id: string;
  slug: string;
  name_en: string;
  name_ar: string;
  created_at: string;
}
