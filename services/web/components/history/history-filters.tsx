'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { EMPTY_HISTORY_QUERY, type HistoryQuery } from '../../lib/history-query';
import { useI18n } from '../../lib/i18n/locale-context';

interface HistoryFiltersProps {
  query: HistoryQuery;
  onApply: (query: HistoryQuery) => void;
}

/** Renders the gallery filters. They apply on submit, so typing does not refetch the gallery on every keystroke. */
export function HistoryFilters({ query, onApply }: HistoryFiltersProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(query);

  // Back and forward navigation change the URL, and the form follows it.
  useEffect(() => setDraft(query), [query]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ ...draft, label: draft.label.trim() });
  };

  const set = (name: keyof HistoryQuery) => (value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const filtered = Object.values(query).some((value) => value !== '');

  return (
    <form className="history-filters" role="search" aria-label={t('history.filtersLabel')} onSubmit={submit}>
      <div className="field">
        <label htmlFor="history-label">{t('history.label')}</label>
        <input
          id="history-label"
          type="search"
          value={draft.label}
          placeholder={t('images.filterPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set('label')(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="history-min-score">{t('history.minScore')}</label>
        <input
          id="history-min-score"
          type="number"
          min={0}
          max={1}
          step={0.05}
          inputMode="decimal"
          value={draft.minScore}
          onChange={(event) => set('minScore')(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="history-from">{t('history.from')}</label>
        <input id="history-from" type="date" value={draft.from} max={draft.to || undefined} onChange={(event) => set('from')(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="history-to">{t('history.to')}</label>
        <input id="history-to" type="date" value={draft.to} min={draft.from || undefined} onChange={(event) => set('to')(event.target.value)} />
      </div>
      <div className="history-filters__actions">
        <button type="submit" className="button button--primary">
          {t('images.filterApply')}
        </button>
        {filtered && (
          <button type="button" className="button button--quiet" onClick={() => onApply(EMPTY_HISTORY_QUERY)}>
            {t('images.filterClear')}
          </button>
        )}
      </div>
    </form>
  );
}
