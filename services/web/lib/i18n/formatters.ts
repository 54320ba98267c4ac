import type { Locale } from './locales';

export interface Formatters {
  formatDateTime: (iso: string) => string;
  formatInteger: (value: number) => string;
  /** Formats a detection confidence in [0, 1] with two decimals, as in "dog 0.87". */
  formatScore: (score: number) => string;
  formatMilliseconds: (value: number) => string;
  /** Formats a byte count in kilobytes (1 kB = 1000 bytes, as Intl's `kilobyte` unit). */
  formatFileSize: (bytes: number) => string;
}

export function createFormatters(locale: Locale): Formatters {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
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

  return {
    formatDateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
    },
    formatInteger: (value) => integer.format(value),
    formatScore: (value) => score.format(value),
    formatMilliseconds: (value) => milliseconds.format(value),
    formatFileSize: (bytes) => kilobytes.format(Math.max(1, Math.round(bytes / 1000))),
  };
}
