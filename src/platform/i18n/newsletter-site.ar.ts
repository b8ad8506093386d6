import type { NewsletterSiteMessageKey } from './newsletter-site.en.js';

/** Newsletter strings (site): the signup box, the modal, /newsletter and the pages reached from email. Arabic. */
export const newsletterSiteAr: Record<NewsletterSiteMessageKey, string> = {
  // نماذج الاشتراك
  'newsletter.title': 'النشرة البريدية',
  'newsletter.pitch': 'أهم أخبار المنطقة في بريدك كل صباح.',
  'newsletter.pageIntro': 'اختر ما تريد أن يصلك واللغة التي تفضّلها. في كل رسالة رابط لتغيير اختيارك أو لإلغاء الاشتراك بنقرة واحدة.',
  'newsletter.email': 'البريد الإلكتروني',
  'newsletter.language': 'لغة النشرة',
  'newsletter.lists': 'النشرات التي تريدها',
  'newsletter.submit': 'اشترك',
  'newsletter.privacy': 'نستخدم عنوانك لإرسال النشرات التي تختارها فقط، ولا نرسل شيئًا قبل أن تؤكّد اشتراكك عبر البريد.',
  'newsletter.invalidEmail': 'يرجى إدخال بريد إلكتروني صحيح، مثل name@example.com.',
  'newsletter.noLists': 'اختر نشرة واحدة على الأقل.',
  'newsletter.throttled': 'وصلنا عدد كبير من طلبات الاشتراك من اتصالك في الدقائق الأخيرة. يرجى الانتظار عشر دقائق ثم المحاولة مجددًا.',
  'newsletter.checkInbox': 'تفقّد بريدك',
  'newsletter.thanks': 'أرسلنا إليك رسالة فيها رابط لتأكيد اشتراكك، ولن يصلك شيء قبل أن تفتحه. إذا لم تصل الرسالة خلال دقائق، فابحث عنها في مجلد الرسائل غير المرغوب فيها.',
  'newsletter.back': 'العودة إلى حيث كنت',
  // النافذة المنبثقة في صفحات المقالات
  'newsletter.modal.title': 'الأخبار في بريدك',
  'newsletter.modal.close': 'إغلاق نافذة الاشتراك في النشرة',
  // رابط التأكيد
  'newsletter.confirmed.title': 'تأكّد اشتراكك',
  'newsletter.confirmed.lists': 'ستصلك هذه النشرات باللغة {language}:',
  'newsletter.confirmed.none': 'لم تختر أي نشرة بعد.',
  'newsletter.preferencesLink': 'غيّر نشراتك أو لغتها',
  // رابط منتهي الصلاحية أو غير صالح
  'newsletter.badLink.title': 'انتهت صلاحية هذا الرابط أو أنه غير صالح',
  'newsletter.badLink.body': 'روابط تأكيد الاشتراك صالحة لمدة {hours} ساعة، وقد يُنسخ الرابط من الرسالة ناقصًا. لم يتغيّر شيء.',
  'newsletter.badLink.signup': 'اشترك من جديد ليصلك رابط جديد',
  // التفضيلات
  'newsletter.prefs.title': 'نشراتك',
  'newsletter.prefs.for': 'إعدادات العنوان {email}',
  'newsletter.prefs.intro': 'اختر النشرات التي تريدها واللغة التي تصلك بها. إذا لم تختر أي نشرة يُلغى اشتراكك.',
  'newsletter.prefs.save': 'احفظ اختياراتي',
  'newsletter.prefs.saved': 'حُفظت اختياراتك.',
  'newsletter.prefs.pending': 'لم يتأكّد اشتراكك بعد: افتح الرابط في الرسالة التي أرسلناها إليك. لن يصلك شيء قبل ذلك.',
  'newsletter.prefs.unsubscribed': 'ألغيت اشتراكك ولا تصلك أي نشرة. اختر نشرات واحفظها لتشترك من جديد.',
  'newsletter.prefs.unsubscribeTitle': 'إيقاف كل النشرات',
  'newsletter.prefs.unsubscribeHint': 'زر واحد، ولا نرسل بعده شيئًا إلى هذا العنوان.',
  // إلغاء الاشتراك
  'newsletter.unsubscribe.title': 'إلغاء الاشتراك',
  'newsletter.unsubscribe.intro': 'اضغط الزر لإيقاف كل النشرات التي نرسلها إلى {email}.',
  'newsletter.unsubscribe.already': 'اشتراك هذا العنوان ملغى من قبل، ولا نرسل إليه شيئًا.',
  'newsletter.unsubscribe.button': 'ألغِ الاشتراك',
  'newsletter.unsubscribe.doneTitle': 'أُلغي اشتراكك',
  'newsletter.unsubscribe.doneBody': 'لن نرسل بعد الآن أي نشرة إلى {email}.',
  'newsletter.unsubscribe.changedMind': 'غيّرت رأيك؟ اختر نشراتك من جديد',
};
