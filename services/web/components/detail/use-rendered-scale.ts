'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * Measures how many CSS pixels one image pixel takes on screen inside `element`, as laid out by
 * `preserveAspectRatio="xMidYMid meet"` (the same fit as `object-fit: contain`). Returns null until measured.
 */
export function useRenderedScale(element: RefObject<Element | null>, width: number, height: number): number | null {
  const [scale, setScale] = useState<number | null>(null);

  useEffect(() => {
    const target = element.current;
    if (!target) {
      return;
    }

    const measure = (boxWidth: number, boxHeight: number) => {
      const next = Math.min(boxWidth / width, boxHeight / height);
      setScale(Number.isFinite(next) && next > 0 ? next : null);
    };

    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) {
        measure(box.width, box.height);
      }
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, width, height]);

  return scale;
}
