/** Newsletter strings (admin), English. */
export const newsletterAdminEn = {
  'admin.newsletters.placeholder': '',
} as const;

export type NewsletterAdminMessageKey = keyof typeof newsletterAdminEn;
