export interface NewsletterSignupsTable {
  id: string;
  email: string;
  language: 'en' | 'ar';
  source_path: string;
  created_at: string;
}
