import { describe, expect, it } from '@jest/globals';

import { InvalidParameterError } from '../errors/results-errors.js';
import { encodeDeliveryCursor, parseListDeliveriesQuery } from './list-deliveries-query.js';

describe('parseListDeliveriesQuery', () => {
  it('defaults to 20 deliveries from the newest', () => {
    expect(parseListDeliveriesQuery({})).toEqual({ limit: 20 });
  });

  it('reads limit and the cursor of a previous page', () => {
    expect(parseListDeliveriesQuery({ limit: '5', cursor: encodeDeliveryCursor('42') })).toEqual({ limit: 5, beforeId: '42' });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ limit: ['5', '6'] }, 'limit'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
    [{ cursor: Buffer.from('{"id":"x"}').toString('base64url') }, 'cursor'],
  ])('rejects %j naming %s', (query, parameter) => {
    let thrown: unknown;
    try {
      parseListDeliveriesQuery(query);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(InvalidParameterError);
    expect((thrown as InvalidParameterError).parameter).toBe(parameter);
  });
});
