import { Injectable } from '@nestjs/common';

import { parseImageId } from '../images/parse-image-id.pipe.js';
import type { ImageView } from '../images/image-view.js';
import { ImagesService, type ImagePage } from '../images/images.service.js';
import { parseListImagesQuery } from '../images/list-images-query.js';
import { parseLabelStatsQuery } from '../stats/label-stats-query.js';
import { LabelStatsService, type LabelStatsView } from '../stats/label-stats.service.js';
import { RESULTS_RPC_SUBJECTS } from './results-rpc-subjects.js';

export type RpcHandler = (request: Record<string, unknown>) => Promise<unknown>;

/** The NATS request handlers. Each validates like its HTTP route and calls the same service method. */
@Injectable()
export class ResultsRpcHandlers {
  constructor(
    private readonly images: ImagesService,
    private readonly stats: LabelStatsService,
  ) {}

  /** Returns the handler of each subject. */
  bySubject(): Record<string, RpcHandler> {
    return {
      [RESULTS_RPC_SUBJECTS.getImage]: (request) => this.getImage(request),
      [RESULTS_RPC_SUBJECTS.listImages]: (request) => this.listImages(request),
      [RESULTS_RPC_SUBJECTS.labelStats]: (request) => this.labelStats(request),
    };
  }

  getImage(request: Record<string, unknown>): Promise<ImageView> {
    return this.images.getImage(parseImageId(request.id));
  }

  listImages(request: Record<string, unknown>): Promise<ImagePage> {
    return this.images.listImages(parseListImagesQuery(request));
  }

  labelStats(request: Record<string, unknown>): Promise<LabelStatsView> {
    return this.stats.countLabels(parseLabelStatsQuery(request));
  }
}
