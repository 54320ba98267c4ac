'use client';

import { useState, type FormEvent } from 'react';
import { useI18n } from '../../lib/i18n/locale-context';

/** Renders a label search box. The filter applies on submit, so typing does not refetch the list on every keystroke. */
export function LabelFilter({ label, onChange }: { label: string; onChange: (label: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(label);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange(draft.trim());
  };

  const clear = () => {
    setDraft('');
    onChange('');
  };

  return (
    <form className="label-filter" role="search" onSubmit={submit}>
      <label htmlFor="label-filter-input">{t('images.filterLabel')}</label>
      <input
        id="label-filter-input"
        type="search"
        value={draft}
        placeholder={t('images.filterPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="button">
        {t('images.filterApply')}
      </button>
      {label !== '' && (
        <button type="button" className="button button--quiet" onClick={clear}>
          {t('images.filterClear')}
        </button>
      )}
    </form>
  );
}
