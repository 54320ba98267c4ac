import { describe, expect, it } from '@jest/globals';

import { WebhookEndpointRejectedError } from '../errors/webhook-errors.js';
import { checkEndpoint } from './endpoint-guard.js';

// Only localhost and literal addresses are resolved here, so the tests need no DNS server.
describe('checkEndpoint', () => {
  it('rejects a literal loopback address and names it', async () => {
    const checked = checkEndpoint(new URL('https://127.0.0.1/hook'), []);

    await expect(checked).rejects.toBeInstanceOf(WebhookEndpointRejectedError);
    await expect(checked).rejects.toThrow('127.0.0.1 resolves to 127.0.0.1, a loopback address');
  });

  it('rejects localhost because it resolves to loopback', async () => {
    await expect(checkEndpoint(new URL('https://localhost/hook'), [])).rejects.toThrow(/localhost resolves to .*, a loopback address/);
  });

  it.each([
    ['https://169.254.169.254/latest', 'metadata'],
    ['https://[fd00:ec2::254]/latest', 'metadata'],
    ['https://10.1.2.3/hook', 'private'],
    ['https://[::ffff:192.168.0.1]/hook', 'private'],
    ['https://100.64.0.1/hook', 'carrier-grade-nat'],
    ['https://[fe80::1]/hook', 'link-local'],
    ['https://0.0.0.0/hook', 'unspecified'],
  ])('rejects %s as %s', async (text, kind) => {
    await expect(checkEndpoint(new URL(text), [])).rejects.toThrow(`a ${kind} address`);
  });

  it('returns the checked address of a public literal without connecting to it', async () => {
    await expect(checkEndpoint(new URL('https://93.184.215.14/hook'), [])).resolves.toEqual({
      url: new URL('https://93.184.215.14/hook'),
      address: '93.184.215.14',
      family: 4,
    });
  });

  it('accepts an allow-listed loopback host and pins its address', async () => {
    const checked = await checkEndpoint(new URL('http://127.0.0.1:8080/hook'), [{ host: '127.0.0.1', port: 8080 }]);

    expect(checked.address).toBe('127.0.0.1');
    expect(checked.family).toBe(4);
  });

  it('checks a host allow-listed on another port', async () => {
    await expect(checkEndpoint(new URL('https://127.0.0.1:8443/hook'), [{ host: '127.0.0.1', port: 8080 }])).rejects.toThrow('loopback');
  });
});
