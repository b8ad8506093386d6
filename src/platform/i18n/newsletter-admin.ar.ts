import type { NewsletterAdminMessageKey } from './newsletter-admin.en.js';

/** Newsletter strings (admin), Arabic. */
export const newsletterAdminAr: Record<NewsletterAdminMessageKey, string> = {
  'admin.newsletters.placeholder': '',
};
