'use client';

import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../../lib/i18n/locale-context';

function carriesFiles(event: { dataTransfer: DataTransfer | null }): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Renders a focusable drop target that also opens the file picker on click, Enter or Space. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  // dragenter and dragleave fire for every child element, so a depth count shows when the pointer has really left.
  const dragDepth = useRef(0);
  const [dragging, setDragging] = useState(false);

  // A file dropped just outside the zone would otherwise make the browser navigate away to show it.
  useEffect(() => {
    const ignoreStrayDrop = (event: globalThis.DragEvent) => {
      if (carriesFiles(event)) {
        event.preventDefault();
      }
    };
    window.addEventListener('dragover', ignoreStrayDrop);
    window.addEventListener('drop', ignoreStrayDrop);
    return () => {
      window.removeEventListener('dragover', ignoreStrayDrop);
      window.removeEventListener('drop', ignoreStrayDrop);
    };
  }, []);

  const openPicker = () => input.current?.click();

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openPicker();
    }
  };

  const handleDragEnter = (event: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event)) {
      return;
    }
    event.preventDefault();
    dragDepth.current += 1;
    setDragging(true);
  };

  const handleDragLeave = () => {
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) {
      setDragging(false);
    }
  };

  const handleDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (carriesFiles(event)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  };

  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    onFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <div
      className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
      role="button"
      tabIndex={0}
      aria-label={t('upload.zoneLabel')}
      onClick={openPicker}
      onKeyDown={handleKeyDown}
      onDragEnter={handleDragEnter}
      onDragLeave={handleDragLeave}
      onDragOver={handleDragOver}
      onDrop={handleDrop}
    >
      <span className="drop-zone__icon" aria-hidden="true" />
      <span className="drop-zone__prompt">{t('upload.dropPrompt')}</span>
      <span className="drop-zone__hint">{t('upload.dropHint')}</span>
      <span className="button button--primary" aria-hidden="true">
        {t('upload.chooseFiles')}
      </span>
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        hidden
        tabIndex={-1}
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          // Clearing lets the user pick the same file again and still get a change event.
          event.target.value = '';
        }}
      />
    </div>
  );
}
