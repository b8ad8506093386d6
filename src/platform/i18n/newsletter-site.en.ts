/** Newsletter strings (site): the signup box, the modal, /newsletter and the pages reached from email. English. */
export const newsletterSiteEn = {
  // The signup forms (box on articles, modal, /newsletter)
  'newsletter.title': 'Newsletter',
  'newsletter.pitch': 'The day’s most important stories from the region, in your inbox every morning.',
  'newsletter.pageIntro': 'Choose what you would like to receive and in which language. Every email has a link to change your choice or to unsubscribe in one click.',
  'newsletter.email': 'Email address',
  'newsletter.language': 'Newsletter language',
  'newsletter.lists': 'Newsletters to receive',
  'newsletter.submit': 'Subscribe',
  'newsletter.privacy': 'We use your address only to send the newsletters you choose. Nothing is sent until you confirm by email.',
  'newsletter.invalidEmail': 'Please enter a valid email address, such as name@example.com.',
  'newsletter.noLists': 'Choose at least one newsletter.',
  'newsletter.throttled': 'Too many sign-ups have come from your connection in the last few minutes. Please wait ten minutes and try again.',
  'newsletter.checkInbox': 'Check your inbox',
  'newsletter.thanks': 'We have sent you an email with a link to confirm your subscription. Nothing is sent to you until you follow it. If it has not arrived within a few minutes, look in your spam folder.',
  'newsletter.back': 'Back to where you were',
  // The modal on article pages
  'newsletter.modal.title': 'Get the news by email',
  'newsletter.modal.close': 'Close the newsletter sign-up',
  // Following the confirmation link
  'newsletter.confirmed.title': 'Your subscription is confirmed',
  'newsletter.confirmed.lists': 'You will receive these newsletters in {language}:',
  'newsletter.confirmed.none': 'You have not chosen any newsletter yet.',
  'newsletter.preferencesLink': 'Change your newsletters or their language',
  // A link that is forged, cut short or expired
  'newsletter.badLink.title': 'This link has expired or is not valid',
  'newsletter.badLink.body': 'Links to confirm a subscription work for {hours} hours, and a link copied from an email can come out incomplete. Nothing has been changed.',
  'newsletter.badLink.signup': 'Sign up again to get a new link',
  // Preferences (a signed link in every email)
  'newsletter.prefs.title': 'Your newsletters',
  'newsletter.prefs.for': 'Settings for {email}',
  'newsletter.prefs.intro': 'Choose the newsletters you want and the language they come in. Choosing none unsubscribes you.',
  'newsletter.prefs.save': 'Save my choices',
  'newsletter.prefs.saved': 'Your choices are saved.',
  'newsletter.prefs.pending': 'Your subscription is not confirmed yet: follow the link in the email we sent you. Nothing is sent to you until then.',
  'newsletter.prefs.unsubscribed': 'You are unsubscribed and receive no newsletters. Choose newsletters and save to subscribe again.',
  'newsletter.prefs.unsubscribeTitle': 'Stop all newsletters',
  'newsletter.prefs.unsubscribeHint': 'One button, and we send nothing more to this address.',
  // Unsubscribe (one-click from the mail client, or the button)
  'newsletter.unsubscribe.title': 'Unsubscribe',
  'newsletter.unsubscribe.intro': 'Press the button to stop every newsletter we send to {email}.',
  'newsletter.unsubscribe.already': 'This address is already unsubscribed: we send it nothing.',
  'newsletter.unsubscribe.button': 'Unsubscribe',
  'newsletter.unsubscribe.doneTitle': 'You are unsubscribed',
  'newsletter.unsubscribe.doneBody': 'We will send no more newsletters to {email}.',
  'newsletter.unsubscribe.changedMind': 'Changed your mind? Choose your newsletters again',
} as const;

export type NewsletterSiteMessageKey = keyof typeof newsletterSiteEn;
