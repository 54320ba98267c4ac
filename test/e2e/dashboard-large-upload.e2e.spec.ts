/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import { photoPath } from '@lookout/testing';
import { startTestStack, type RunningStack } from './stack-fixture.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The dashboard sends files above 8 MiB straight to S3 with a presigned PUT. */
const LARGE_FILE_BYTES = 8 * 1024 * 1024;

let stack: RunningStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack('e2e-large-upload');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

/** Renders dog.jpg as an uncompressed PNG large enough to take the direct-upload path. */
async function largeDogPng(): Promise<Buffer> {
  const png = await sharp(photoPath('dog.jpg')).resize(2400, 1800).png({ compressionLevel: 0 }).toBuffer();
  expect(png.length).toBeGreaterThan(LARGE_FILE_BYTES);
  return png;
}

describe('dashboard large-file upload', () => {
  it('sends a large photo straight to S3 and detects it', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
    await page.goto(`${stack.url}/`);
    await page.getByRole('heading', { name: 'Upload images' }).waitFor();

    const base64 = (await largeDogPng()).toString('base64');
    const transfer = await page.evaluateHandle((data) => {
      const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([bytes], 'large-dog.png', { type: 'image/png' }));
      return dataTransfer;
    }, base64);
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: transfer });

    const row = page.locator('.upload-item').first();
    await row.locator('[data-status="done"]').waitFor({ timeout: 120_000 });
    const imageId = await row.getAttribute('data-image-id');
    const record = (await (await fetch(`${stack.url}/v1/images/${imageId}`)).json()) as { status: string; width: number; detections: Array<{ label: string }> };

    expect(requests).toContain('POST /v1/uploads');
    expect(requests.some((request) => /^PUT \/.+\/uploads\/pending\//.test(request))).toBe(true);
    expect(requests.some((request) => /^POST \/v1\/uploads\/.+\/complete$/.test(request))).toBe(true);
    expect(requests).not.toContain('POST /v1/images');
    expect(record.status).toBe('done');
    expect(record.width).toBe(2400);
    expect(record.detections.map((detection) => detection.label)).toContain('dog');
  }, 180_000);
});
