// Plain-word formatting for spike reasons: bucket lengths, clock times, counts and chances.

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "hour" / "hours", "day", "15 minutes", "2 hours", for a bucket length. */
export function unitWord(bucketMs: number, plural = false): string {
  if (bucketMs === HOUR) return plural ? 'hours' : 'hour';
  if (bucketMs === DAY) return plural ? 'days' : 'day';
  if (bucketMs === 7 * DAY) return plural ? 'weeks' : 'week';
  const noun = plural ? 'periods' : 'period';
  if (bucketMs % DAY === 0) return `${bucketMs / DAY}-day ${noun}`;
  if (bucketMs % HOUR === 0) return `${bucketMs / HOUR}-hour ${noun}`;
  if (bucketMs % MINUTE === 0) return `${bucketMs / MINUTE}-minute ${noun}`;
  return `${Math.round(bucketMs / 1000)}-second ${noun}`;
}

/** A span of `n` buckets in words: "19 hours", "1 day", "3 15-minute periods". */
export function spanWords(n: number, bucketMs: number): string {
  const total = n * bucketMs;
  if (total % DAY === 0 && total >= 2 * DAY) return `${total / DAY} days`;
  if (total % HOUR === 0) return total === HOUR ? '1 hour' : `${total / HOUR} hours`;
  if (total % MINUTE === 0) return `${total / MINUTE} minutes`;
  return `${n} ${unitWord(bucketMs, n !== 1)}`;
}

interface Clock {
  weekday: string;
  time: string;
  date: string;
}

/** Weekday, HH:MM and "17 Nov" of an instant on a clock `utcOffsetMinutes` from UTC. */
export function clock(ms: number, utcOffsetMinutes: number): Clock {
  const d = new Date(ms + utcOffsetMinutes * MINUTE);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return {
    weekday: WEEKDAYS[d.getUTCDay()]!,
    time: `${hh}:${mm}`,
    date: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`,
  };
}

/** "UTC" or "UTC+02:00" for an offset in minutes. */
export function zoneWord(utcOffsetMinutes: number): string {
  if (utcOffsetMinutes === 0) return 'UTC';
  const sign = utcOffsetMinutes > 0 ? '+' : '-';
  const a = Math.abs(utcOffsetMinutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** A count for people: whole numbers with thousands separators; below 10 one decimal when not whole. */
export function amount(n: number): string {
  if (n >= 10 || Number.isInteger(n)) return groupDigits(Math.round(n));
  return (Math.round(n * 10) / 10).toFixed(1).replace(/\.0$/, '');
}

function groupDigits(n: number): string {
  const s = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** A percentage with no decimals ("34%"), or one decimal below 1%. */
export function percent(share: number): string {
  const p = share * 100;
  return p > 0 && p < 1 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}

/** "about 1 in 3,000" for a probability, from its natural log; "practically zero" below 1 in a quadrillion. */
export function chanceWords(logP: number): string {
  const log10 = -logP / Math.LN10;
  if (log10 >= 15) return 'practically zero';
  if (log10 >= 9) return `about 1 in 10^${Math.floor(log10)}`;
  const oneIn = Math.exp(-logP);
  const rounded = oneIn >= 100 ? Number(oneIn.toPrecision(2)) : Math.round(oneIn);
  return `about 1 in ${groupDigits(rounded)}`;
}

/** "2nd", "3rd", "11th". */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** "about 3,000" for a ratio given as its natural log; "more than 10^15" beyond. */
export function timesWords(logRatio: number): string {
  const log10 = logRatio / Math.LN10;
  if (log10 >= 15) return 'more than 10^15';
  if (log10 >= 9) return `about 10^${Math.floor(log10)}`;
  const r = Math.exp(logRatio);
  return `about ${groupDigits(r >= 100 ? Number(r.toPrecision(2)) : Math.round(r))}`;
}
