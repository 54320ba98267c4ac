import { describe, expect, it } from '@jest/globals';

import { parseAllowedHost, type AllowedHost } from '../config/webhook-variables.js';
import { InvalidWebhookError, WebhookEndpointRejectedError } from '../errors/webhook-errors.js';
import { isAllowListed, parseWebhookUrl } from './webhook-url.js';

const ALLOWED: AllowedHost[] = [{ host: 'receiver.internal' }, { host: '127.0.0.1', port: 8080 }, { host: '::1', port: 9000 }];

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('no error was thrown');
}

describe('parseWebhookUrl', () => {
  it.each(['https://hooks.example.com/lookout', 'https://hooks.example.com:8443/a?b=c', 'http://receiver.internal/hook', 'http://receiver.internal:3000/hook', 'http://127.0.0.1:8080/hook', 'http://[::1]:9000/hook'])(
    'accepts %s',
    (text) => {
      expect(parseWebhookUrl(text, ALLOWED).href).toBe(new URL(text).href);
    },
  );

  it.each([
    ['http://hooks.example.com/lookout', 'hooks.example.com'],
    ['http://127.0.0.1:8081/hook', '127.0.0.1:8081'],
    ['http://127.0.0.1/hook', '127.0.0.1'],
    ['http://[::1]:9001/hook', '[::1]:9001'],
  ])('rejects http for %s, which the allow-list does not name', (text, host) => {
    const error = thrownBy(() => parseWebhookUrl(text, ALLOWED));

    expect(error).toBeInstanceOf(WebhookEndpointRejectedError);
    expect((error as Error).message).toContain(host);
  });

  it.each([
    ['not a url', 'must be an absolute http or https URL'],
    ['/relative/path', 'must be an absolute http or https URL'],
    ['ftp://hooks.example.com/file', 'must be an absolute http or https URL'],
    ['file:///etc/passwd', 'must be an absolute http or https URL'],
    ['https://user:password@hooks.example.com/', 'must not contain a user name or password'],
    [`https://hooks.example.com/${'a'.repeat(2_048)}`, 'must be at most 2048 characters'],
  ])('rejects %s as invalid', (text, problem) => {
    const error = thrownBy(() => parseWebhookUrl(text, ALLOWED));

    expect(error).toBeInstanceOf(InvalidWebhookError);
    expect((error as InvalidWebhookError).field).toBe('url');
    expect((error as Error).message).toContain(problem);
  });
});

describe('isAllowListed', () => {
  it('matches a host entry on every port', () => {
    expect(isAllowListed(new URL('https://receiver.internal:1234/'), ALLOWED)).toBe(true);
  });

  it('matches host:port only on that port', () => {
    expect(isAllowListed(new URL('http://127.0.0.1:8080/'), ALLOWED)).toBe(true);
    expect(isAllowListed(new URL('https://127.0.0.1/'), ALLOWED)).toBe(false);
    expect(isAllowListed(new URL('https://127.0.0.1:8080/'), ALLOWED)).toBe(true);
  });

  it('compares host names without case', () => {
    expect(isAllowListed(new URL('https://RECEIVER.Internal/'), ALLOWED)).toBe(true);
  });
});

describe('parseAllowedHost', () => {
  it.each([
    ['receiver.internal', { host: 'receiver.internal' }],
    [' Receiver.Internal:8080 ', { host: 'receiver.internal', port: 8080 }],
    ['127.0.0.1:3000', { host: '127.0.0.1', port: 3000 }],
    ['[::1]', { host: '::1' }],
    ['[::1]:9000', { host: '::1', port: 9000 }],
  ])('parses %s', (entry, expected) => {
    expect(parseAllowedHost(entry)).toEqual(expected);
  });

  it.each(['', 'http://receiver.internal', 'receiver.internal:70000', 'receiver internal', '::1', 'host:port'])('rejects %j', (entry) => {
    expect(parseAllowedHost(entry)).toBeUndefined();
  });
});
