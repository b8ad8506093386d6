export interface PeopleTable {
  id: string;
  slug: string;
  kind: 'person' | 'organization';
  name_en: string;
  name_ar: string;
  bio_en: string;
  bio_ar: string;
  photo_media_id: string | null;
  created_at: string;
}
