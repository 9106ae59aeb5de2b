/** Intl formatters are costly to build: keep one per locale and options. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** Locale-aware formatting used by every widget. */
export interface Formatter {
  locale: string | undefined;
  /** IANA time zone dates are shown in (`undefined`: the runtime's). */
  timeZone: string | undefined;
  /** A number; non-finite values become `—` so NaN never reaches the screen. */
  number(value: number | null | undefined, options?: Intl.NumberFormatOptions): string;
  /** A ratio 0..1 as a percentage. */
  percent(value: number | null | undefined, maximumFractionDigits?: number): string;
  /** A date-time (ISO 8601 or epoch ms). */
  dateTime(value: string | number | undefined, options?: Intl.DateTimeFormatOptions): string;
  /** "in 5 minutes" / "3 hours ago" for a signed number of milliseconds from now. */
  relative(ms: number): string;
  /** A compact duration, e.g. "1h 05m", "12m 05s", "3d 4h" (absolute value). */
  duration(ms: number): string;
}

const DASH = '—';

/**
 * Builds the formatter for a BCP 47 locale and an IANA time zone for dates (`undefined` means the runtime's
 * default for either).
 *
 * @example
 * ```ts
 * createFormatter('fr-FR').number(1234.5); // '1 234,5'
 * ```
 */
export function createFormatter(locale: string | undefined, timeZone?: string): Formatter {
  const loc = locale ?? '';
  const zone = timeZone ?? '';
  const num = (options?: Intl.NumberFormatOptions) =>
    cached(
      `n|${loc}|${JSON.stringify(options ?? {})}`,
      () => new Intl.NumberFormat(locale, options),
    );
  const unit = (u: string) =>
    cached(
      `u|${loc}|${u}`,
      () => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'narrow' }),
    );
  return {
    locale,
    timeZone,
    number(value, options) {
      return value === null || value === undefined || !Number.isFinite(value)
        ? DASH
        : num(options).format(value);
    },
    percent(value, maximumFractionDigits = 0) {
      return value === null || value === undefined || !Number.isFinite(value)
        ? DASH
        : num({ style: 'percent', maximumFractionDigits }).format(value);
    },
    dateTime(value, options = { dateStyle: 'medium', timeStyle: 'short' }) {
      if (value === undefined) return DASH;
      const ms = typeof value === 'number' ? value : Date.parse(value);
      if (!Number.isFinite(ms)) return DASH;
      return cached(
        `d|${loc}|${zone}|${JSON.stringify(options)}`,
        () =>
          new Intl.DateTimeFormat(
            locale,
            timeZone === undefined || options.timeZone !== undefined
              ? options
              : { ...options, timeZone },
          ),
      ).format(ms);
    },
    relative(ms) {
      if (!Number.isFinite(ms)) return DASH;
      const rtf = cached(
        `r|${loc}`,
        () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      );
      const abs = Math.abs(ms);
      const sign = ms < 0 ? -1 : 1;
      if (abs < 60_000) return rtf.format(sign * Math.round(abs / 1000), 'second');
      if (abs < 3_600_000) return rtf.format(sign * Math.round(abs / 60_000), 'minute');
      if (abs < 86_400_000) return rtf.format(sign * Math.round(abs / 3_600_000), 'hour');
      return rtf.format(sign * Math.round(abs / 86_400_000), 'day');
    },
    duration(ms) {
      if (!Number.isFinite(ms)) return DASH;
      const total = Math.floor(Math.abs(ms) / 1000);
      const d = Math.floor(total / 86_400);
      const h = Math.floor((total % 86_400) / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      if (d > 0) return `${unit('day').format(d)} ${unit('hour').format(h)}`;
      if (h > 0) return `${unit('hour').format(h)} ${unit('minute').format(m)}`;
      return `${unit('minute').format(m)} ${unit('second').format(s)}`;
    },
  };
}

/** Replaces `{name}` placeholders in a label template. Values are inserted as plain text. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}

/** Epoch milliseconds from an ISO string or a number; NaN when unreadable. */
export function toEpoch(value: string | number | Date | undefined): number {
  if (value === undefined) return Number.NaN;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  return Date.parse(value);
}
