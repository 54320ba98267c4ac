export type { S3Settings } from './s3-settings.js';
export { ObjectStore, type ObjectInfo, type ObjectMetadata, type ObjectStream, type PresignPutOptions } from './object-store.js';
export type { S3ClientOptions } from './create-s3-client.js';
export {
  BucketNotFoundError,
  ObjectNotFoundError,
  ObjectStoreError,
  ObjectStoreRequestError,
  ObjectStoreUnavailableError,
} from './object-store.errors.js';
export { toObjectStoreError } from './to-object-store-error.js';
