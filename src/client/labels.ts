/**
 * The editor's few strings, in the newsroom's language (`<html lang>`). They live here rather than in the
 * server's catalogues so the page needs no extra data; keep both languages in step.
 */
const en = {
  toolbar: 'Formatting',
  paragraph: ['¶', 'Paragraph'],
  h2: ['H2', 'Subheading'],
  h3: ['H3', 'Minor subheading'],
  bold: ['B', 'Bold'],
  italic: ['I', 'Italic'],
  link: ['Link', 'Link'],
  bulletList: ['• List', 'Bulleted list'],
  orderedList: ['1. List', 'Numbered list'],
  quote: ['“ Quote', 'Quote'],
  pullquote: ['Pull quote', 'Pull quote'],
  cite: ['Attribution', 'Edit the quote’s attribution'],
  image: ['Image', 'Image'],
  embed: ['Embed', 'Embed by URL (YouTube, X, Instagram, Telegram, Facebook)'],
  rule: ['—', 'Horizontal rule'],
  direction: 'Text direction of this block',
  dirAuto: ['Auto', 'Direction: automatic'],
  dirLtr: ['LTR', 'Direction: left to right'],
  dirRtl: ['RTL', 'Direction: right to left'],
  placeholder: 'Write the article…',
  promptLink: 'Link address (https://…, /path or mailto:). Leave empty to remove the link.',
  badLink: 'This address cannot be used for a link. Use https://…, a path starting with /, or mailto:.',
  promptCite: 'Who is quoted? (optional)',
  promptImageUrl: 'Image address (https://… or /media/…)',
  badImageUrl: 'This address cannot be used for an image. Use https://… or a path starting with /.',
  promptAlt: 'Text alternative: what the image shows, for people who cannot see it (empty if decorative)',
  promptCaption: 'Caption (optional)',
  promptCredit: 'Credit (optional)',
  promptEmbed: 'Address of the post or video (YouTube, X, Instagram, Telegram or Facebook)',
  badEmbed: 'Only YouTube, X, Instagram, Telegram and Facebook posts can be embedded.',
  embedBox: 'Embedded',
  saving: 'Saving…',
  savedAt: 'Saved at {time}',
  offline: 'Offline — your changes are kept on this device',
  lockedBy: 'Someone else is editing: {name}',
  lockBanner: '{name} is editing this article. Your changes are not being saved.',
  takeOver: 'Take over',
  conflictStatus: 'Not saved: someone else saved a newer version',
  conflictBanner: '{name} saved this article at {time}. Your changes are kept on this device and were not saved over theirs.',
  conflictCompare: 'Compare the two versions',
  conflictTheirs: 'Use their version',
  conflictMine: 'Keep mine',
  takeOverConfirm: 'Take over editing from {name}? Their unsaved typing may be lost.',
  restored: 'Restored unsaved changes from this device',
  invalidField: 'Not saved: check “{field}”',
  invalidBody: 'Not saved: the article body has a problem ({error}). Your changes are kept on this device.',
  forbidden: 'Not saved: you may not edit this article',
  signedOut: 'Not saved: your session has ended. Sign in again in another tab; your changes are kept on this device.',
  failed: 'Not saved (error {status}); retrying. Your changes are kept on this device.',
  someone: 'another person',
} as const;

type Labels = { [K in keyof typeof en]: (typeof en)[K] extends string ? string : readonly [string, string] };

const ar: Labels = {
  toolbar: 'التنسيق',
  paragraph: ['¶', 'فقرة'],
  h2: ['ع٢', 'عنوان فرعي'],
  h3: ['ع٣', 'عنوان فرعي ثانوي'],
  bold: ['غ', 'غامق'],
  italic: ['م', 'مائل'],
  link: ['رابط', 'رابط'],
  bulletList: ['• قائمة', 'قائمة نقطية'],
  orderedList: ['١. قائمة', 'قائمة مرقمة'],
  quote: ['« اقتباس', 'اقتباس'],
  pullquote: ['اقتباس بارز', 'اقتباس بارز'],
  cite: ['القائل', 'تعديل اسم صاحب الاقتباس'],
  image: ['صورة', 'صورة'],
  embed: ['تضمين', 'تضمين من رابط (يوتيوب، إكس، إنستغرام، تيليغرام، فيسبوك)'],
  rule: ['—', 'خط فاصل'],
  direction: 'اتجاه نص هذه الكتلة',
  dirAuto: ['تلقائي', 'الاتجاه: تلقائي'],
  dirLtr: ['من اليسار', 'الاتجاه: من اليسار إلى اليمين'],
  dirRtl: ['من اليمين', 'الاتجاه: من اليمين إلى اليسار'],
  placeholder: 'اكتب المقال…',
  promptLink: 'عنوان الرابط (‎https://…‎ أو مسار يبدأ بـ / أو ‎mailto:‎). اتركه فارغًا لإزالة الرابط.',
  badLink: 'لا يمكن استخدام هذا العنوان رابطًا. استخدم ‎https://…‎ أو مسارًا يبدأ بـ / أو ‎mailto:‎.',
  promptCite: 'من صاحب الاقتباس؟ (اختياري)',
  promptImageUrl: 'عنوان الصورة (‎https://…‎ أو ‎/media/…‎)',
  badImageUrl: 'لا يمكن استخدام هذا العنوان لصورة. استخدم ‎https://…‎ أو مسارًا يبدأ بـ /.',
  promptAlt: 'النص البديل: ما تُظهره الصورة لمن لا يراها (فارغ إن كانت زخرفية)',
  promptCaption: 'التعليق (اختياري)',
  promptCredit: 'المصدر (اختياري)',
  promptEmbed: 'رابط المنشور أو الفيديو (يوتيوب أو إكس أو إنستغرام أو تيليغرام أو فيسبوك)',
  badEmbed: 'يمكن تضمين منشورات يوتيوب وإكس وإنستغرام وتيليغرام وفيسبوك فقط.',
  embedBox: 'محتوى مضمَّن',
  saving: 'جارٍ الحفظ…',
  savedAt: 'حُفظ في {time}',
  offline: 'غير متصل — تغييراتك محفوظة على هذا الجهاز',
  lockedBy: 'يحرّر المقال شخص آخر: {name}',
  lockBanner: '{name} يحرّر هذا المقال الآن. تغييراتك لا تُحفظ.',
  conflictStatus: 'لم يُحفظ: حفظ شخص آخر نسخة أحدث',
  conflictBanner: 'حفظ {name} هذا المقال في {time}. تغييراتك محفوظة على هذا الجهاز ولم تُكتب فوق تغييراته.',
  conflictCompare: 'قارن بين النسختين',
  conflictTheirs: 'استخدم نسخته',
  conflictMine: 'احتفظ بنسختي',
  takeOver: 'تولَّ التحرير',
  takeOverConfirm: 'أتتولى التحرير بدلًا من {name}؟ قد يضيع ما لم يُحفظ مما يكتبه.',
  restored: 'استُعيدت تغييرات غير محفوظة من هذا الجهاز',
  invalidField: 'لم يُحفظ: راجع «{field}»',
  invalidBody: 'لم يُحفظ: في نص المقال مشكلة ({error}). تغييراتك محفوظة على هذا الجهاز.',
  forbidden: 'لم يُحفظ: لا تملك صلاحية تحرير هذا المقال',
  signedOut: 'لم يُحفظ: انتهت جلستك. سجّل الدخول من جديد في علامة تبويب أخرى؛ تغييراتك محفوظة على هذا الجهاز.',
  failed: 'لم يُحفظ (خطأ {status})؛ تُعاد المحاولة. تغييراتك محفوظة على هذا الجهاز.',
  someone: 'شخص آخر',
};

export const LABELS: { en: Labels; ar: Labels } = { en, ar };
export type { Labels };
export type LabelKey = keyof Labels;
export type ButtonLabelKey = { [K in LabelKey]: Labels[K] extends string ? never : K }[LabelKey];
export type TextLabelKey = Exclude<LabelKey, ButtonLabelKey>;

export function labelsFor(lang: string): Labels {
  return lang.toLowerCase().startsWith('ar') ? LABELS.ar : LABELS.en;
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
