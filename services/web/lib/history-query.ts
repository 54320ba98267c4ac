import type { ImageListFilter } from './api/images-api';

/** Gallery filters as they appear in the page URL; dates are local calendar days `YYYY-MM-DD`, both inclusive. */
export interface HistoryQuery {
  label: string;
  /** Empty when no minimum is set, else a decimal in [0, 1]. */
  minScore: string;
  from: string;
  to: string;
}

export const EMPTY_HISTORY_QUERY: HistoryQuery = { label: '', minScore: '', from: '', to: '' };

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function parseScore(value: string | null): string {
  if (value === null || value.trim() === '') {
    return '';
  }
  const score = Number(value);
  return Number.isFinite(score) && score >= 0 && score <= 1 ? String(score) : '';
}

function parseDay(value: string | null): string {
  return value !== null && DAY_PATTERN.test(value) ? value : '';
}

/** Reads the filters from URL search parameters, dropping values the API would refuse. */
export function parseHistoryQuery(params: Pick<URLSearchParams, 'get'>): HistoryQuery {
  return {
    label: (params.get('label') ?? '').trim(),
    minScore: parseScore(params.get('minScore')),
    from: parseDay(params.get('from')),
    to: parseDay(params.get('to')),
  };
}

/** Writes the filters as a query string without empty values, so an unfiltered gallery has a clean URL. */
export function historyQueryString(query: HistoryQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== '') {
      params.set(name, value);
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Midnight at the start of a local calendar day, as an ISO 8601 instant. */
function startOfLocalDay(day: string, offsetDays = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + offsetDays).toISOString();
}

/** Turns the URL filters into API filters; the `to` day is inclusive, so the bound is the next local midnight. */
export function toImageListFilter(query: HistoryQuery): ImageListFilter {
  return {
    label: query.label === '' ? undefined : query.label,
    minScore: query.minScore === '' ? undefined : Number(query.minScore),
    from: query.from === '' ? undefined : startOfLocalDay(query.from),
    to: query.to === '' ? undefined : startOfLocalDay(query.to, 1),
  };
}
