import { describe, expect, it } from '@jest/globals';

import { describeStartFailure, OutputTail } from './output-tail.js';

describe('OutputTail', () => {
  it('joins lines split across chunks', () => {
    const tail = new OutputTail();

    expect(tail.push('first li')).toEqual([]);
    expect(tail.push('ne\nsecond')).toEqual(['first line']);
    expect(tail.text()).toBe('first line\nsecond');
  });

  it('keeps only the last lines', () => {
    const tail = new OutputTail(2);

    tail.push('one\ntwo\nthree\n');

    expect(tail.text()).toBe('two\nthree');
  });

  it('drops empty and CRLF line ends', () => {
    const tail = new OutputTail();

    expect(tail.push('a\r\n\r\nb\n')).toEqual(['a', 'b']);
  });
});

describe('describeStartFailure', () => {
  it('appends the last output lines', () => {
    const tail = new OutputTail();
    tail.push('listen tcp 127.0.0.1:4222: bind: address already in use\n');

    const message = describeStartFailure('nats-server', 'exited early with code 1', tail);

    expect(message).toBe(
      'nats-server failed to start: exited early with code 1\nLast output lines:\nlisten tcp 127.0.0.1:4222: bind: address already in use',
    );
  });

  it('says when there was no output', () => {
    expect(describeStartFailure('s3rver', 'timed out', new OutputTail())).toContain('(The server wrote no output.)');
  });
});
