export interface SectionsTable {
  id: string;
  slug: string;
  name_en: string;
  name_ar: string;
  position: number;
  color: string;
  created_at: string;
}
