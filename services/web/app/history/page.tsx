import { Suspense } from 'react';
import { HistoryGallery } from '../../components/history/history-gallery';

// useSearchParams needs a Suspense boundary, so the static shell renders without the query.
export default function HistoryPage() {
  return (
    <Suspense>
      <HistoryGallery />
    </Suspense>
  );
}
