import { describe, expect, it } from '@jest/globals';
import { detectionOptionsSchema } from '@lookout/contracts';
import { httpStatusOf } from '../errors/error-status.js';
import { InvalidOptionError } from '../errors/upload-errors.js';
import { parseDetectionOptions } from './detection-options.parser.js';

function parseError(fields: Record<string, unknown>): InvalidOptionError {
  try {
    parseDetectionOptions(fields);
  } catch (error) {
    if (error instanceof InvalidOptionError) {
      return error;
    }
    throw error;
  }
  throw new Error(`parseDetectionOptions accepted ${JSON.stringify(fields)}`);
}

describe('parseDetectionOptions', () => {
  it('returns no options for no fields', () => {
    expect(parseDetectionOptions({})).toEqual({});
  });

  it('parses every option', () => {
    const options = parseDetectionOptions({
      minScore: '0.5',
      iouThreshold: '0.45',
      classes: 'person, dog',
      maxDetections: '20',
      classAgnostic: 'true',
    });

    expect(options).toEqual({ minScore: 0.5, iouThreshold: 0.45, classes: ['person', 'dog'], maxDetections: 20, classAgnostic: true });
    expect(detectionOptionsSchema.parse(options)).toEqual(options);
  });

  it.each([
    ['0', 0],
    ['1', 1],
    ['.25', 0.25],
    [' 0.75 ', 0.75],
    ['5e-1', 0.5],
  ])('accepts minScore %j', (text, value) => {
    expect(parseDetectionOptions({ minScore: text })).toEqual({ minScore: value });
  });

  it.each(['1.01', '-0.1', '', 'abc', 'NaN', 'Infinity', '0x1', '0.5.1'])('rejects iouThreshold %j with the range', (text) => {
    const error = parseError({ iouThreshold: text });

    expect(error.code).toBe('invalid_option');
    expect(error.field).toBe('iouThreshold');
    expect(httpStatusOf(error)).toBe(400);
    expect(error.message).toBe(`Option 'iouThreshold' must be a number from 0 to 1; got '${text.trim()}'.`);
  });

  it.each([
    ['1', 1],
    ['1000', 1000],
  ])('accepts maxDetections %s', (text, value) => {
    expect(parseDetectionOptions({ maxDetections: text })).toEqual({ maxDetections: value });
  });

  it.each(['0', '1001', '2.5', '-3', '1e2', 'ten'])('rejects maxDetections %j with the range', (text) => {
    const error = parseError({ maxDetections: text });

    expect(error.field).toBe('maxDetections');
    expect(error.message).toBe(`Option 'maxDetections' must be a whole number from 1 to 1000; got '${text}'.`);
  });

  it.each([
    ['true', true],
    ['false', false],
  ])('accepts classAgnostic %s', (text, value) => {
    expect(parseDetectionOptions({ classAgnostic: text })).toEqual({ classAgnostic: value });
  });

  it.each(['yes', '1', 'TRUE', ''])('rejects classAgnostic %j', (text) => {
    expect(parseError({ classAgnostic: text }).message).toBe(`Option 'classAgnostic' must be true or false; got '${text}'.`);
  });

  it('reads classes from repeated fields and commas, without repeats', () => {
    const options = parseDetectionOptions({ classes: ['person', 'traffic light,dog', 'person', ' cat ,'] });

    expect(options.classes).toEqual(['person', 'traffic light', 'dog', 'cat']);
  });

  it.each(['', ' , ,', ['', ',']])('rejects classes %j that name no label', (value) => {
    expect(parseError({ classes: value }).message).toBe("Option 'classes' must name at least one label, such as 'person,dog'.");
  });

  it('rejects more than 1000 classes', () => {
    const names = Array.from({ length: 1001 }, (_, index) => `label-${index}`);

    expect(parseError({ classes: names.join(',') }).message).toBe("Option 'classes' names 1001 labels; the limit is 1000.");
  });

  it('rejects a label over 100 characters', () => {
    const error = parseError({ classes: `dog,${'x'.repeat(101)}` });

    expect(error.message).toContain("Option 'classes' has a label of 101 characters");
    expect(error.message).toContain('the limit is 100');
  });

  it('rejects a repeated scalar option', () => {
    expect(parseError({ minScore: ['0.1', '0.2'] }).message).toBe("Option 'minScore' must be sent once; the request has 2 values.");
  });

  it('rejects a bracketed option name', () => {
    // multer turns `minScore[low]=0.1` into an object.
    expect(parseError({ minScore: { low: '0.1' } }).message).toBe("Option 'minScore' must be a plain text field, not a bracketed field name.");
  });

  it('rejects an unknown field and lists the options', () => {
    const error = parseError({ minscore: '0.5' });

    expect(error.field).toBe('minscore');
    expect(error.message).toBe(
      "Field 'minscore' is not an option; the options are minScore, iouThreshold, classes, maxDetections and classAgnostic. " +
        "Send each image in a file part named 'file'.",
    );
  });

  it('quotes at most 40 characters of a value', () => {
    const error = parseError({ minScore: '9'.repeat(50) });

    expect(error.message).toBe(`Option 'minScore' must be a number from 0 to 1; got '${'9'.repeat(40)}...'.`);
  });
});
