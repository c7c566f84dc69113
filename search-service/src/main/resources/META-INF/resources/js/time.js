// Times: "3 minutes ago", absolute UTC dates, and the ends of date-histogram buckets.

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
const absolute = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC',
});
const dayOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const UNITS = [['year', 365 * 86400], ['month', 30 * 86400], ['week', 7 * 86400], ['day', 86400], ['hour', 3600],
  ['minute', 60]];

/** "3 minutes ago", "in 2 hours", "just now"; '' for a missing or invalid time. */
export function relativeTime(iso, now = Date.now()) {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const seconds = (time - now) / 1000;
  if (Math.abs(seconds) < 60) return 'just now';
  for (const [unit, length] of UNITS) {
    if (Math.abs(seconds) >= length) return relative.format(Math.trunc(seconds / length), unit);
  }
  return 'just now';
}

/** "12 Sept 2023, 14:05 UTC"; '' for a missing or invalid time. */
export function absoluteTime(iso) {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : absolute.format(time) + ' UTC';
}

/** "12 Sept 2023" (UTC). */
export function formatDay(time) {
  return dayOnly.format(time);
}

/** "12 Sept 2023, 14:05" or "12 Sept 2023" when at midnight UTC. */
export function formatBound(time) {
  const date = new Date(time);
  const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0;
  return midnight ? dayOnly.format(date) : absolute.format(date);
}

/** An instant as the API takes it, without milliseconds when they are zero: 2023-09-12T14:05:00Z. */
export function isoInstant(time) {
  return new Date(time).toISOString().replace('.000Z', 'Z');
}

/**
 * The start of the bucket after one starting at `start` (ms) for a histogram interval: the names of the API
 * (hour, day, week, month, quarter, year) or what Elasticsearch chose with auto (1h, 3h, 12h, 1d, 7d, 1M, 3M, 1y...).
 */
export function nextBucketStart(start, interval) {
  const named = { hour: '1h', day: '1d', week: '7d', month: '1M', quarter: '3M', year: '1y', minute: '1m', second: '1s' };
  const match = /^(\d+)([smhdwMqy])$/.exec(named[interval] || String(interval || ''));
  if (!match) return start + 86400000;
  const amount = Number(match[1]);
  const date = new Date(start);
  switch (match[2]) {
    case 's': return start + amount * 1000;
    case 'm': return start + amount * 60000;
    case 'h': return start + amount * 3600000;
    case 'd': return start + amount * 86400000;
    case 'w': return start + amount * 7 * 86400000;
    case 'M': return date.setUTCMonth(date.getUTCMonth() + amount);
    case 'q': return date.setUTCMonth(date.getUTCMonth() + 3 * amount);
    case 'y': return date.setUTCFullYear(date.getUTCFullYear() + amount);
    default: return start + 86400000;
  }
}
