import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ObjectNotFoundError, ObjectStore, ObjectStoreUnavailableError, type ObjectStream } from '@lookout/storage';

import { RESULTS_CONFIG, type ResultsConfig } from '../config/results-config.js';
import { FileStoreUnavailableError, ImageFileNotFoundError } from '../errors/results-errors.js';

/** Adapter over the S3 bucket of the originals. It turns storage errors into this service's errors. */
@Injectable()
export class ImageFileStore implements OnApplicationShutdown {
  private readonly store: ObjectStore;

  constructor(@Inject(RESULTS_CONFIG) config: ResultsConfig) {
    this.store = new ObjectStore({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }

  /** Opens an object for streaming. Throws `ImageFileNotFoundError` or `FileStoreUnavailableError`. */
  async open(imageId: string, key: string): Promise<ObjectStream> {
    try {
      return await this.store.getStream(key);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) {
        throw new ImageFileNotFoundError(imageId);
      }
      if (error instanceof ObjectStoreUnavailableError) {
        throw new FileStoreUnavailableError(imageId, { cause: error });
      }
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.store.close();
  }
}
