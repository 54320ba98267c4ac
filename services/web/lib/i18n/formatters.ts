import type { Locale } from './locales';

export interface Formatters {
  formatDateTime: (iso: string) => string;
  /** Formats a time of day with seconds and milliseconds, for events that follow each other closely. */
  formatPreciseTime: (iso: string) => string;
  /** Formats a short time of day such as a chart bucket's start. */
  formatShortTime: (iso: string) => string;
  formatPercent: (fraction: number) => string;
  formatInteger: (value: number) => string;
  /** Formats a detection confidence in [0, 1] with two decimals, as in "dog 0.87". */
  formatScore: (score: number) => string;
  formatMilliseconds: (value: number) => string;
  /** Formats a byte count in kilobytes (1 kB = 1000 bytes, as Intl's `kilobyte` unit). */
  formatFileSize: (bytes: number) => string;
}

export function createFormatters(locale: Locale): Formatters {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const preciseTime = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
  });
  const shortTime = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const score = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const milliseconds = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'millisecond',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  });
  const kilobytes = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  });

  const formatIso = (format: Intl.DateTimeFormat) => (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };

  return {
    formatDateTime: formatIso(dateTime),
    formatPreciseTime: formatIso(preciseTime),
    formatShortTime: formatIso(shortTime),
    formatPercent: (fraction) => percent.format(fraction),
    formatInteger: (value) => integer.format(value),
    formatScore: (value) => score.format(value),
    formatMilliseconds: (value) => milliseconds.format(value),
    formatFileSize: (bytes) => kilobytes.format(Math.max(1, Math.round(bytes / 1000))),
  };
}
