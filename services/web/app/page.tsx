import { ImageList } from '../components/images/image-list';
import { UploadPanel } from '../components/upload/upload-panel';

export default function HomePage() {
  return (
    <div className="home">
      <UploadPanel />
      <ImageList />
    </div>
  );
}
