/** Raised when the ONNX session cannot be created or does not match its manifest. */
export class ModelLoadError extends Error {
  readonly code = 'model_load_failed';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelLoadError';
  }
}

/** Raised when a loaded session fails to run or returns outputs of an unexpected form. */
export class InferenceError extends Error {
  readonly code = 'inference_failed';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InferenceError';
  }
}
