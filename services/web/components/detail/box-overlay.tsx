'use client';

import { useId, useRef } from 'react';
import { useI18n } from '../../lib/i18n/locale-context';
import { placeLabelTag } from './box-geometry';
import type { IndexedDetection } from './detection-filter';
import { useRenderedScale } from './use-rendered-scale';

interface BoxOverlayProps {
  width: number;
  height: number;
  entries: IndexedDetection[];
  colors: Map<string, string>;
  activeIndex: number | null;
  onActiveChange: (index: number | null) => void;
}

/**
 * Draws the detection boxes in image pixel coordinates. The viewBox equals the image size and the fit
 * matches the photo's `object-fit: contain`, so boxes follow the photo at every display size.
 */
export function BoxOverlay({ width, height, entries, colors, activeIndex, onActiveChange }: BoxOverlayProps) {
  const { t, tPlural, formatScore, formatInteger } = useI18n();
  const svg = useRef<SVGSVGElement>(null);
  const titleId = useId();
  const scale = useRenderedScale(svg, width, height);
  // Before the first measurement, size labels as if the photo were shown 1000 CSS pixels wide.
  const imagePixelsPerCssPixel = scale === null ? Math.max(width, height) / 1000 : 1 / scale;

  return (
    <svg
      ref={svg}
      className="box-overlay"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-labelledby={titleId}
      data-active={activeIndex === null ? undefined : ''}
    >
      <title id={titleId}>{tPlural('detail.overlay', entries.length)}</title>
      {entries.map(({ detection, index }) => {
        const { box, label } = detection;
        const caption = `${label} ${formatScore(detection.score)}`;
        const tag = placeLabelTag(box, caption, width, imagePixelsPerCssPixel);
        const color = colors.get(label);
        const description = t('detail.boxDescription', {
          label,
          score: formatScore(detection.score),
          x1: formatInteger(box.x1),
          y1: formatInteger(box.y1),
          x2: formatInteger(box.x2),
          y2: formatInteger(box.y2),
        });

        return (
          <g
            key={index}
            className={index === activeIndex ? 'box box--active' : 'box'}
            data-index={index}
            data-label={label}
            onMouseEnter={() => onActiveChange(index)}
            onMouseLeave={() => onActiveChange(null)}
          >
            <title>{description}</title>
            <rect
              className="box__halo"
              x={box.x1}
              y={box.y1}
              width={box.x2 - box.x1}
              height={box.y2 - box.y1}
              vectorEffect="non-scaling-stroke"
            />
            <rect
              className="box__frame"
              x={box.x1}
              y={box.y1}
              width={box.x2 - box.x1}
              height={box.y2 - box.y1}
              stroke={color}
              vectorEffect="non-scaling-stroke"
            />
            <rect className="box__tag" x={tag.x} y={tag.y} width={tag.width} height={tag.height} fill={color} />
            <text
              className="box__caption"
              x={tag.textX}
              y={tag.textY}
              fontSize={tag.fontSize}
              textLength={tag.textLength}
              lengthAdjust="spacingAndGlyphs"
              dominantBaseline="central"
            >
              {caption}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
