import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { HEALTH_ROUTE } from '@lookout/contracts';
import { DETECTOR_CONFIG } from '../config/config.tokens.js';
import type { DetectorConfig } from '../config/detector-config.js';
import { ModelService } from '../model/model.service.js';

@Controller(HEALTH_ROUTE)
export class HealthController {
  constructor(
    private readonly models: ModelService,
    @Inject(DETECTOR_CONFIG) private readonly config: DetectorConfig,
  ) {}

  /**
   * 200 once the model is loaded. 503 while it loads or after it failed to load, with `reason` set to
   * the error code, such as `cuda_unavailable` when DETECTOR_DEVICE=cuda finds no usable CUDA runtime.
   */
  @Get()
  health() {
    const status = this.models.getStatus();
    if (status.state === 'ready') {
      return { status: 'ok', model: status.model, executionProvider: status.executionProvider, detectorId: this.config.detectorId };
    }
    const error =
      status.state === 'loading' ? { code: 'model_loading', message: 'The model is still loading' } : status.error;
    throw new HttpException(
      { status: 'unavailable', reason: error.code, device: this.config.device, detectorId: this.config.detectorId, error },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}
