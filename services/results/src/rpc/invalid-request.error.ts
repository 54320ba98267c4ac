import { ResultsError } from '../errors/results-errors.js';

/** A NATS request body is not a JSON object. */
export class InvalidRequestError extends ResultsError {
  readonly code = 'invalid_request';

  constructor(problem: string) {
    super(`Invalid request: ${problem}`);
    this.name = 'InvalidRequestError';
  }
}
