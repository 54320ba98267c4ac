'use client';

import { useState } from 'react';
import type { ImageRecord } from '../../lib/api/image-types';

/**
 * Shows the stored thumbnail, or the original when there is none, because images uploaded before thumbnails
 * existed return 404 for it. The browser only scales the original down for display and never re-encodes it.
 */
export function ImageThumbnail({ image, className }: { image: ImageRecord; className: string }) {
  const [failed, setFailed] = useState(false);
  const src = !failed && image.thumbnailUrl ? image.thumbnailUrl : image.fileUrl;

  return (
    // Decorative: the file name beside it names the image.
    <img className={className} src={src} alt="" loading="lazy" decoding="async" onError={() => setFailed(true)} />
  );
}
