import { ImageDetail } from '../../../components/detail/image-detail';

export default async function ImagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ImageDetail imageId={id} />;
}
