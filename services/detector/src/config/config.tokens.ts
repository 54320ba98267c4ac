/** Nest injection token of the validated DetectorConfig. */
export const DETECTOR_CONFIG = Symbol('DETECTOR_CONFIG');

/** Nest injection token of the detector's pino logger. */
export const DETECTOR_LOGGER = Symbol('DETECTOR_LOGGER');
