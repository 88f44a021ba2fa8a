const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2, fill = '0'): string => String(n).padStart(width, fill);

/** Day of the year, 1-based. */
const yearDay = (d: Date): number => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;

/** Week of the year whose weeks start on `firstDay` (0 Sunday, 1 Monday); days before the first such day are week 0. */
const weekOfYear = (d: Date, firstDay: number): number =>
  Math.floor((yearDay(d) - 1 + 7 - ((d.getUTCDay() - firstDay + 7) % 7)) / 7);

/** ISO 8601 week number: the week with the year's first Thursday is week 1. */
function isoWeek(d: Date): number {
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
  return Math.floor((yearDay(thursday) - 1) / 7) + 1;
}

const DIRECTIVES: Readonly<Record<string, (d: Date) => string>> = {
  A: (d) => DAYS[d.getUTCDay()]!,
  a: (d) => DAYS[d.getUTCDay()]!.slice(0, 3),
  B: (d) => MONTHS[d.getUTCMonth()]!,
  b: (d) => MONTHS[d.getUTCMonth()]!.slice(0, 3),
  h: (d) => MONTHS[d.getUTCMonth()]!.slice(0, 3),
  C: (d) => pad(Math.floor(d.getUTCFullYear() / 100)),
  c: (d) =>
    `${DIRECTIVES['a']!(d)} ${DIRECTIVES['b']!(d)} ${pad(d.getUTCDate(), 2, ' ')} ${DIRECTIVES['T']!(d)} ${d.getUTCFullYear()}`,
  D: (d) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`,
  d: (d) => pad(d.getUTCDate()),
  e: (d) => pad(d.getUTCDate(), 2, ' '),
  F: (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
  H: (d) => pad(d.getUTCHours()),
  I: (d) => pad(d.getUTCHours() % 12 || 12),
  j: (d) => pad(yearDay(d), 3),
  k: (d) => pad(d.getUTCHours(), 2, ' '),
  l: (d) => pad(d.getUTCHours() % 12 || 12, 2, ' '),
  M: (d) => pad(d.getUTCMinutes()),
  m: (d) => pad(d.getUTCMonth() + 1),
  n: () => '\n',
  p: (d) => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
  R: (d) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  r: (d) => `${DIRECTIVES['I']!(d)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${DIRECTIVES['p']!(d)}`,
  S: (d) => pad(d.getUTCSeconds()),
  T: (d) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  t: () => '\t',
  U: (d) => pad(weekOfYear(d, 0)),
  u: (d) => String(d.getUTCDay() || 7),
  V: (d) => pad(isoWeek(d)),
  v: (d) => `${pad(d.getUTCDate(), 2, ' ')}-${DIRECTIVES['b']!(d)}-${d.getUTCFullYear()}`,
  W: (d) => pad(weekOfYear(d, 1)),
  w: (d) => String(d.getUTCDay()),
  X: (d) => DIRECTIVES['T']!(d),
  x: (d) => DIRECTIVES['D']!(d),
  Y: (d) => String(d.getUTCFullYear()),
  y: (d) => pad(d.getUTCFullYear() % 100),
  Z: () => 'UTC',
  z: () => '+0000',
  '%': () => '%',
};

/**
 * C strftime over a Unix time in seconds, in UTC (Honeycomb's time functions have no time zone
 * argument). Unknown directives are copied as they are.
 */
export function strftime(format: string, unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  return format.replace(/%(.)/gs, (whole, directive: string) =>
    Object.hasOwn(DIRECTIVES, directive) ? DIRECTIVES[directive]!(date) : whole,
  );
}
