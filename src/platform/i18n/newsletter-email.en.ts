/** Newsletter strings (email), English. Plain text: the renderer escapes them for the HTML part. */
export const newsletterEmailEn = {
  // Issue emails
  'email.topStories': 'Top stories',
  'email.byline': 'By {names}',
  'email.readMore': 'Read the full story',
  'email.reason.daily': 'You are receiving this email because you subscribed to the daily digest from {site}.',
  'email.reason.weekly': 'You are receiving this email because you subscribed to the weekly newsletter from {site}.',
  'email.reason.breaking': 'You are receiving this email because you subscribed to breaking news alerts from {site}.',
  'email.reason.manual': 'You are receiving this email because you subscribed to newsletters from {site}.',
  'email.preferences': 'Manage your newsletters and language',
  'email.unsubscribe': 'Unsubscribe',
  'email.visitSite': 'Visit {site}',
  // Confirmation email (double opt-in)
  'email.confirm.subject': 'Confirm your subscription to {site}',
  'email.confirm.preheader': 'One click and your subscription to {site} begins.',
  'email.confirm.heading': 'Confirm your subscription',
  'email.confirm.intro': 'You asked to receive these newsletters from {site}:',
  'email.confirm.introNoLists': 'You asked to receive newsletters from {site}.',
  'email.confirm.button': 'Confirm my subscription',
  'email.confirm.linkFallback': 'If the button does not work, copy this link into your browser:',
  'email.confirm.expiry.one': 'This link works for one hour.',
  'email.confirm.expiry.two': 'This link works for two hours.',
  'email.confirm.expiry.few': 'This link works for {hours} hours.',
  'email.confirm.expiry.other': 'This link works for {hours} hours.',
  'email.confirm.ignore': 'If you did not ask for this, ignore this email: you will not be subscribed.',
  'email.confirm.reason': 'You are receiving this email because this address was entered in the newsletter signup form on {site}.',
} as const;

export type NewsletterEmailMessageKey = keyof typeof newsletterEmailEn;
