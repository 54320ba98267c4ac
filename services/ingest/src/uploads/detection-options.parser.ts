import type { DetectionOptions } from '@lookout/contracts';
import { InvalidOptionError } from '../errors/upload-errors.js';

/** Text fields of `POST /v1/images` that set detection options, in the order messages list them. */
export const OPTION_FIELDS = ['minScore', 'iouThreshold', 'classes', 'maxDetections', 'classAgnostic'] as const;

// The limits match detectionOptionsSchema in @lookout/contracts, which validates the event again downstream.
const MAX_DETECTIONS_LIMIT = 1000;
const MAX_CLASSES = 1000;
const MAX_LABEL_LENGTH = 100;
/** Maximum number of text parts in a request: every label in its own `classes` part plus the other options. */
export const MAX_OPTION_PARTS = MAX_CLASSES + OPTION_FIELDS.length - 1;
/** Maximum length of a client value quoted back in an error message. */
const MAX_QUOTED_LENGTH = 40;

const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const WHOLE_NUMBER = /^\d+$/;

/**
 * Parses the text fields of an upload request into detection options that
 * apply to every file of the request. Options left out stay absent, so the
 * detector uses the model's defaults for them.
 *
 * multer collects every text field into one object before the handler runs,
 * so fields sent before the files and after them are checked alike.
 * @throws InvalidOptionError for a field that is not an option or a value out of range
 */
export function parseDetectionOptions(fields: Readonly<Record<string, unknown>>): DetectionOptions {
  const options: DetectionOptions = {};
  for (const [field, value] of Object.entries(fields)) {
    switch (field) {
      case 'minScore':
      case 'iouThreshold':
        options[field] = parseFraction(field, singleText(field, value));
        break;
      case 'maxDetections':
        options.maxDetections = parseMaxDetections(singleText(field, value));
        break;
      case 'classAgnostic':
        options.classAgnostic = parseBoolean(field, singleText(field, value));
        break;
      case 'classes':
        options.classes = parseClasses(value);
        break;
      default:
        throw new InvalidOptionError(
          field,
          `Field '${quote(field)}' is not an option; the options are ${OPTION_FIELDS.slice(0, -1).join(', ')} and ${OPTION_FIELDS.at(-1)}. ` +
            "Send each image in a file part named 'file'.",
        );
    }
  }
  return options;
}

/** Returns the text of a field sent once; multer turns a repeated field into an array. */
function singleText(field: string, value: unknown): string {
  if (Array.isArray(value)) {
    throw new InvalidOptionError(field, `Option '${field}' must be sent once; the request has ${value.length} values.`);
  }
  if (typeof value !== 'string') {
    throw new InvalidOptionError(field, `Option '${field}' must be a plain text field, not a bracketed field name.`);
  }
  return value.trim();
}

function parseFraction(field: 'minScore' | 'iouThreshold', text: string): number {
  const value = Number(text);
  if (!DECIMAL_NUMBER.test(text) || value < 0 || value > 1) {
    throw new InvalidOptionError(field, `Option '${field}' must be a number from 0 to 1; got '${quote(text)}'.`);
  }
  return value;
}

function parseMaxDetections(text: string): number {
  const value = Number(text);
  if (!WHOLE_NUMBER.test(text) || value < 1 || value > MAX_DETECTIONS_LIMIT) {
    throw new InvalidOptionError(
      'maxDetections',
      `Option 'maxDetections' must be a whole number from 1 to ${MAX_DETECTIONS_LIMIT}; got '${quote(text)}'.`,
    );
  }
  return value;
}

function parseBoolean(field: 'classAgnostic', text: string): boolean {
  if (text === 'true' || text === 'false') {
    return text === 'true';
  }
  throw new InvalidOptionError(field, `Option '${field}' must be true or false; got '${quote(text)}'.`);
}

/** Reads label names from comma-separated text, repeated fields or both, dropping empty entries and repeats. */
function parseClasses(value: unknown): string[] {
  const texts = Array.isArray(value) ? value : [value];
  if (!texts.every((text): text is string => typeof text === 'string')) {
    throw new InvalidOptionError('classes', "Option 'classes' must be plain text fields, not bracketed field names.");
  }
  const names = texts.flatMap((text) => text.split(',')).map((name) => name.trim());
  const classes = [...new Set(names.filter((name) => name.length > 0))];

  if (classes.length === 0) {
    throw new InvalidOptionError('classes', "Option 'classes' must name at least one label, such as 'person,dog'.");
  }
  if (classes.length > MAX_CLASSES) {
    throw new InvalidOptionError('classes', `Option 'classes' names ${classes.length} labels; the limit is ${MAX_CLASSES}.`);
  }
  const tooLong = classes.find((name) => name.length > MAX_LABEL_LENGTH);
  if (tooLong !== undefined) {
    throw new InvalidOptionError(
      'classes',
      `Option 'classes' has a label of ${tooLong.length} characters ('${quote(tooLong)}'); the limit is ${MAX_LABEL_LENGTH}.`,
    );
  }
  return classes;
}

function quote(text: string): string {
  return text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}...` : text;
}
