import type { NewsletterEmailMessageKey } from './newsletter-email.en.js';

/** Newsletter strings (email), Arabic. Plain text: the renderer escapes them for the HTML part. */
export const newsletterEmailAr: Record<NewsletterEmailMessageKey, string> = {
  // رسائل الأعداد
  'email.topStories': 'أبرز الأخبار',
  'email.byline': 'بقلم {names}',
  'email.readMore': 'اقرأ الخبر كاملًا',
  'email.reason.daily': 'تصلك هذه الرسالة لأنك اشتركت في النشرة اليومية من {site}.',
  'email.reason.weekly': 'تصلك هذه الرسالة لأنك اشتركت في النشرة الأسبوعية من {site}.',
  'email.reason.breaking': 'تصلك هذه الرسالة لأنك اشتركت في تنبيهات الأخبار العاجلة من {site}.',
  'email.reason.manual': 'تصلك هذه الرسالة لأنك اشتركت في النشرات البريدية من {site}.',
  'email.preferences': 'إدارة نشراتك ولغتها',
  'email.unsubscribe': 'إلغاء الاشتراك',
  'email.visitSite': 'زيارة موقع {site}',
  // رسالة تأكيد الاشتراك
  'email.confirm.subject': 'أكّد اشتراكك في {site}',
  'email.confirm.preheader': 'نقرة واحدة ويبدأ اشتراكك في {site}.',
  'email.confirm.heading': 'أكّد اشتراكك',
  'email.confirm.intro': 'طلبتَ تلقّي هذه النشرات من {site}:',
  'email.confirm.introNoLists': 'طلبتَ تلقّي النشرات البريدية من {site}.',
  'email.confirm.button': 'تأكيد اشتراكي',
  'email.confirm.linkFallback': 'إذا لم يعمل الزر، فانسخ هذا الرابط وألصقه في متصفحك:',
  'email.confirm.expiry.one': 'هذا الرابط صالح لمدة ساعة واحدة.',
  'email.confirm.expiry.two': 'هذا الرابط صالح لمدة ساعتين.',
  'email.confirm.expiry.few': 'هذا الرابط صالح لمدة {hours} ساعات.',
  'email.confirm.expiry.other': 'هذا الرابط صالح لمدة {hours} ساعة.',
  'email.confirm.ignore': 'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لن يُسجَّل اشتراكك.',
  'email.confirm.reason': 'تصلك هذه الرسالة لأن هذا العنوان أُدخل في نموذج الاشتراك في النشرة على موقع {site}.',
};
