import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import {
  DONE_RECORD,
  FIXTURE_DETECTIONS,
  FIXTURE_HEIGHT,
  FIXTURE_IMAGE_ID,
  FIXTURE_PNG,
  FIXTURE_WIDTH,
  QUEUED_RECORD,
} from './support/fixture-image.js';
import { startNext, WEB_ROOT, type RunningNext } from './support/next-server.js';
import { SameOriginServer } from './support/same-origin-server.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = path.resolve(WEB_ROOT, '../../test-output');
const DETAIL_PATH = `/images/${FIXTURE_IMAGE_ID}`;
const TEST_TIMEOUT_MS = 60_000;

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface OverlayGeometry {
  image: Rect;
  boxes: { label: string; frame: Rect; tag: Rect }[];
}

/** Reads where the photo and each drawn box frame and label tag sit on screen, in CSS pixels. */
async function readOverlayGeometry(page: Page): Promise<OverlayGeometry> {
  return page.evaluate(() => {
    const toRect = (element: Element) => {
      const { left, top, width, height } = element.getBoundingClientRect();
      return { left, top, width, height };
    };
    const image = document.querySelector('img.photo-frame__image');
    if (!image) {
      throw new Error('The detail page shows no photo');
    }
    const boxes = [...document.querySelectorAll('svg.box-overlay g.box')].map((group) => ({
      label: group.getAttribute('data-label') ?? '',
      frame: toRect(group.querySelector('rect.box__frame')!),
      tag: toRect(group.querySelector('rect.box__tag')!),
    }));
    return { image: toRect(image), boxes };
  });
}

/** Checks every box frame against the pixels it must cover, placing the photo as `object-fit: contain` does. */
function expectBoxesOverImagePixels(geometry: OverlayGeometry): void {
  const { image } = geometry;
  const scale = Math.min(image.width / FIXTURE_WIDTH, image.height / FIXTURE_HEIGHT);
  const contentLeft = image.left + (image.width - FIXTURE_WIDTH * scale) / 2;
  const contentTop = image.top + (image.height - FIXTURE_HEIGHT * scale) / 2;
  const contentRight = contentLeft + FIXTURE_WIDTH * scale;

  expect(geometry.boxes.map((box) => box.label)).toEqual(FIXTURE_DETECTIONS.map((detection) => detection.label));

  FIXTURE_DETECTIONS.forEach((detection, index) => {
    const { frame, tag } = geometry.boxes[index]!;
    const { box } = detection;

    expect(frame.left).toBeCloseTo(contentLeft + box.x1 * scale, 0);
    expect(frame.top).toBeCloseTo(contentTop + box.y1 * scale, 0);
    expect(frame.width).toBeCloseTo((box.x2 - box.x1) * scale, 0);
    expect(frame.height).toBeCloseTo((box.y2 - box.y1) * scale, 0);

    // The label tag stays inside the photo and keeps a readable size whatever the scale.
    expect(tag.left).toBeGreaterThanOrEqual(contentLeft - 0.5);
    expect(tag.left + tag.width).toBeLessThanOrEqual(contentRight + 0.5);
    expect(tag.top).toBeGreaterThanOrEqual(contentTop - 0.5);
    expect(tag.height).toBeCloseTo(13 * 1.5, 0);
  });
}

describe('detail page in Chromium', () => {
  let next: RunningNext;
  let server: SameOriginServer;
  let origin: string;
  let browser: Browser;

  const openPage = async (options: BrowserContextOptions): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', ...options });
    return context.newPage();
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install it with apt-get install chromium`);
    }
    mkdirSync(SCREENSHOT_DIR, { recursive: true });

    next = await startNext();
    server = new SameOriginServer(new URL(next.url), QUEUED_RECORD);
    origin = await server.listen();
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await next?.stop();
  });

  it(
    'draws boxes over their pixels at every size',
    async () => {
      server.setRecord(QUEUED_RECORD);
      const page = await openPage({ viewport: { width: 1280, height: 900 } });
      const subscribed = server.waitForSubscriber();
      await page.goto(`${origin}${DETAIL_PATH}`);

      await page.getByText('Detection is in progress').waitFor();
      await subscribed;
      expect(await page.locator('svg.box-overlay').count()).toBe(0);

      // The page learns about the finished detection only from the event stream.
      server.setRecord(DONE_RECORD);
      server.publishStatus(FIXTURE_IMAGE_ID, 'done');
      await page.locator('svg.box-overlay g.box').nth(FIXTURE_DETECTIONS.length - 1).waitFor();
      await page.locator('img.photo-frame__image').evaluate((image: HTMLImageElement) => image.decode());

      const captions = await page.locator('svg.box-overlay text.box__caption').allTextContents();
      expect(captions).toEqual(['dog 0.87', 'bicycle 0.64', 'person 0.91']);
      const titles = await page.locator('svg.box-overlay g.box > title').allTextContents();
      expect(titles[0]).toBe('dog 0.87, from (120, 180) to (360, 460)');
      const rowLabels = await page.locator('table.detections-table tbody th').allTextContents();
      expect(rowLabels).toEqual(['dog', 'bicycle', 'person']);
      await expect(page.getByText('nanodet-g-416 1.0.0').isVisible()).resolves.toBe(true);

      const viewports = [
        { name: 'desktop', width: 1280, height: 900 },
        // Short and wide: max-height limits the photo, so it is letterboxed left and right.
        { name: 'letterboxed', width: 1600, height: 520 },
        { name: 'mobile', width: 390, height: 844 },
      ];
      for (const viewport of viewports) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        // Two animation frames let layout and the ResizeObserver that sizes the labels settle.
        await page.evaluate(
          () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
        );
        expectBoxesOverImagePixels(await readOverlayGeometry(page));
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `web-detail-${viewport.name}.png`), fullPage: true });
      }

      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'switches to Japanese and remembers it',
    async () => {
      server.setRecord(DONE_RECORD);
      const page = await openPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${origin}${DETAIL_PATH}`);
      await page.getByRole('heading', { name: 'Detections' }).waitFor();

      await page.getByRole('button', { name: '日本語' }).click();
      await page.getByRole('heading', { name: '検出結果' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      expect(await page.getByRole('button', { name: '日本語' }).getAttribute('aria-pressed')).toBe('true');

      await page.reload();
      await page.getByRole('heading', { name: '検出結果' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      expect(await page.title()).toContain('物体検出ダッシュボード');
      const titles = await page.locator('svg.box-overlay g.box > title').allTextContents();
      expect(titles[0]).toBe('dog 0.87、(120, 180) から (360, 460) まで');
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'web-detail-ja.png'), fullPage: true });

      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'starts in the browser language',
    async () => {
      server.setRecord(DONE_RECORD);
      const page = await openPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
      await page.goto(`${origin}/`);

      await page.getByRole('heading', { name: '最近の画像' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');

      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'uploads files chosen from the keyboard',
    async () => {
      server.setRecord(DONE_RECORD);
      const page = await openPage({ viewport: { width: 1280, height: 900 } });
      // Listening before the page loads makes sure Playwright intercepts the picker by the time Enter is pressed.
      const chooser = page.waitForEvent('filechooser', { timeout: 0 });
      await page.goto(`${origin}/`);
      await page.locator(`li[data-image-id="${FIXTURE_IMAGE_ID}"]`).waitFor();

      const dropZone = page.getByRole('button', { name: /Upload images/ });
      await dropZone.focus();
      await page.keyboard.press('Enter');
      await (
        await chooser
      ).setFiles([
        { name: 'photo.png', mimeType: 'image/png', buffer: FIXTURE_PNG },
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
      ]);

      const photoRow = page.locator('.upload-item', { hasText: 'photo.png' });
      const notesRow = page.locator('.upload-item', { hasText: 'notes.txt' });
      await photoRow.locator('[data-status="queued"]').waitFor();
      // The browser refuses the text file itself, in the API's words, so only the photo reaches the server.
      await notesRow
        .getByText("Rejected: File 'notes.txt' is not a recognised image; accepted formats are JPEG, PNG, WebP, GIF, AVIF, TIFF.")
        .waitFor();
      expect(server.uploads.filter((upload) => upload.accepted)).toHaveLength(1);
      expect(server.uploads.filter((upload) => !upload.accepted)).toHaveLength(0);

      const chips = await page.locator(`li[data-image-id="${FIXTURE_IMAGE_ID}"] .label-chip`).allTextContents();
      expect(chips).toEqual(['dog', 'bicycle', 'person']);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'web-home.png'), fullPage: true });

      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );
});
