/**
 * Text that tries to break a UI: markup, script links, direction overrides, invisible characters and sheer
 * length. Widgets must show all of it as inert text.
 */
export const hostile = {
  markup: '<img src=x onerror=alert(1)> my order <b>never</b> arrived <script>alert(2)</script>',
  scriptLink: 'Click [here](javascript:alert(1)) or javascript:alert(document.cookie) for a refund',
  rtlOverride: 'Your invoice is attached: invoice\u202Egnp.exe (please open)',
  zeroWidth:
    'p\u200Ba\u200By\u200Bp\u200Ba\u200Bl support s\u200Bc\u200Ba\u200Bm\uFEFF!!! \u2060 refund now',
  emoji: '😡😡😡 where is my parcel 📦📦📦 #fail 👎🏽👎🏽',
  long: `${'My parcel is late and nobody answers. '.repeat(132)}END`.slice(0, 5_000),
} as const;

/** A handle with an RTL override, and an unbroken 300-character name. */
export const hostileHandles = {
  rtl: '@\u202Enimda_laiciffo',
  unbroken: `@${'a'.repeat(300)}`,
} as const;

/** The same complaint in Arabic and Hebrew, for right-to-left stories. */
export const rtlText = {
  arabic: 'لم يصل طلبي بعد أسبوعين، أين الطرد؟ أحتاج إلى رد اليوم.',
  hebrew: 'ההזמנה שלי לא הגיעה כבר שבועיים, איפה החבילה?',
} as const;
