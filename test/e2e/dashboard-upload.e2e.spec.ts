/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { photoPath } from '@lookout/testing';
import { repoPath } from '@lookout/local-stack';
import { startTestStack, type RunningStack } from './stack-fixture.js';

interface ImageRecord {
  id: string;
  status: string;
  detections: Array<{ label: string; score: number }>;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SCREENSHOTS = repoPath('test-output');
// Ten uploads: every sample photo once, then three repeats under their own names.
const PHOTOS = [
  ['dog.jpg', 'dog.jpg'],
  ['person.jpg', 'person.jpg'],
  ['horses.jpg', 'horses.jpg'],
  ['giraffe.jpg', 'giraffe.jpg'],
  ['eagle.jpg', 'eagle.jpg'],
  ['kite.jpg', 'kite.jpg'],
  ['scream.jpg', 'scream.jpg'],
  ['dog.jpg', 'dog-again.jpg'],
  ['person.jpg', 'person-again.jpg'],
  ['horses.jpg', 'horses-again.jpg'],
] as const;
const DETECTION_TIMEOUT_MS = 180_000;

let stack: RunningStack;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await startTestStack('e2e-dashboard');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${stack.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function dropPhotos(page: Page): Promise<void> {
  const files = PHOTOS.map(([source, name]) => ({ name, base64: readFileSync(photoPath(source)).toString('base64') }));
  const transfer = await page.evaluateHandle((entries) => {
    const dataTransfer = new DataTransfer();
    for (const entry of entries) {
      const bytes = Uint8Array.from(atob(entry.base64), (char) => char.charCodeAt(0));
      dataTransfer.items.add(new File([bytes], entry.name, { type: 'image/jpeg' }));
    }
    return dataTransfer;
  }, files);
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: transfer });
}

async function shownImageIds(page: Page): Promise<string[]> {
  const ids = await page.locator('li.gallery-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-image-id') ?? ''));
  return ids.sort();
}

describe('dashboard with the real services', () => {
  it('uploads, filters and inspects ten photos in English and Japanese', async () => {
    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${stack.url}/`);
    await page.getByRole('heading', { name: 'Upload images' }).waitFor();

    // Every file gets its own row, and the row follows the image's status from the event stream to "done".
    await dropPhotos(page);
    await page.locator('.upload-item').nth(PHOTOS.length - 1).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-e2e-uploading.png`, fullPage: true });
    await page.waitForFunction(
      (count) => document.querySelectorAll('.upload-item [data-status="done"]').length === count,
      PHOTOS.length,
      { timeout: DETECTION_TIMEOUT_MS },
    );
    const uploadedIds = (await page.locator('.upload-item').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-image-id') ?? ''))).sort();
    expect(new Set(uploadedIds).size).toBe(PHOTOS.length);
    await page.waitForFunction((count) => document.querySelectorAll('li.image-card [data-status="done"]').length >= count, PHOTOS.length);
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-e2e-home.png`, fullPage: true });

    const dogPage = await getJson<{ images: ImageRecord[] }>('/v1/images?label=dog&limit=100');
    const dogIds = dogPage.images.map((image) => image.id).sort();
    expect(dogIds.length).toBeGreaterThanOrEqual(2);
    expect(dogIds.every((id) => uploadedIds.includes(id))).toBe(true);

    // History filtered by label shows exactly the images the API lists for it.
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.getByLabel('Label', { exact: true }).fill('dog');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/\/history\?label=dog$/);
    await page.getByText(`${dogIds.length} images shown`).waitFor();
    expect(await shownImageIds(page)).toEqual(dogIds);
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-e2e-history-dog.png`, fullPage: true });

    // On the detail page, boxes below the slider's minimum score disappear.
    const firstDogId = dogPage.images[0]!.id;
    await page.locator(`li.gallery-card[data-image-id="${firstDogId}"] a`).click();
    const boxes = page.locator('svg.box-overlay g.box');
    await boxes.first().waitFor();
    const record = await getJson<ImageRecord>(`/v1/images/${firstDogId}`);
    expect(await boxes.count()).toBe(record.detections.length);
    const scores = record.detections.map((detection) => detection.score).sort((a, b) => a - b);
    // Just above the lowest score, rounded up to the slider's 0.01 steps.
    const minimum = Math.min(1, Math.floor(scores[0]! * 100 + 1) / 100);
    await page.getByRole('slider', { name: 'Minimum score' }).fill(String(minimum));
    expect(await boxes.count()).toBe(scores.filter((score) => score >= minimum).length);
    expect(await boxes.count()).toBeLessThan(record.detections.length);
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-e2e-detail-slider.png`, fullPage: true });
    await page.getByRole('slider', { name: 'Minimum score' }).fill('1');
    expect(await boxes.count()).toBe(scores.filter((score) => score >= 1).length);

    // The same filter in Japanese.
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('link', { name: '履歴' }).click();
    await page.getByRole('heading', { name: '履歴' }).waitFor();
    await page.getByLabel('ラベル', { exact: true }).fill('dog');
    await page.getByRole('button', { name: '絞り込む' }).click();
    await page.waitForURL(/\/history\?label=dog$/);
    await page.getByText(`${dogIds.length} 件の画像を表示`).waitFor();
    expect(await shownImageIds(page)).toEqual(dogIds);
    expect(await page.locator('li.gallery-card [data-status="done"]').first().textContent()).toBe('完了');
    expect(await page.getByRole('button', { name: '絞り込む' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-e2e-history-dog-ja.png`, fullPage: true });

    // The overview either draws its chart or shows that this API version does not provide it.
    await page.getByRole('link', { name: '概要' }).click();
    await page.locator('svg.chart, [data-testid="overview-unavailable"]').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-e2e-overview-ja.png`, fullPage: true });

    await page.context().close();
  }, 300_000);
});
