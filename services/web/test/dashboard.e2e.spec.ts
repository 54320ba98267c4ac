import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { GALLERY_RECORDS, OVERVIEW, queryGallery, STORED_EVENT, TIMELINE } from './support/dashboard-fixtures.js';
import { DONE_RECORD, FIXTURE_IMAGE_ID, FIXTURE_PNG, QUEUED_RECORD } from './support/fixture-image.js';
import { dropFiles, launchChromium } from './support/launch-chromium.js';
import { startNext, WEB_ROOT, type RunningNext } from './support/next-server.js';
import { readBody, SameOriginServer, sendJson } from './support/same-origin-server.js';

const SCREENSHOT_DIR = path.resolve(WEB_ROOT, '../../test-output');
const DETAIL_PATH = `/images/${FIXTURE_IMAGE_ID}`;
const TEST_TIMEOUT_MS = 60_000;
const MIB = 1024 * 1024;
const PNG_FILE = { name: 'photo.png', type: 'image/png', base64: FIXTURE_PNG.toString('base64') };

function screenshotPath(name: string): string {
  return path.join(SCREENSHOT_DIR, `dashboard-${name}.png`);
}

/** A promise with its resolve function, so a fixture route can wait until the test lets it respond. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('dashboard pages in Chromium', () => {
  let next: RunningNext;
  let server: SameOriginServer;
  let origin: string;
  let browser: Browser;

  const openPage = async (options: BrowserContextOptions = {}): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, ...options });
    return context.newPage();
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    next = await startNext();
    server = new SameOriginServer(new URL(next.url), DONE_RECORD);
    origin = await server.listen();
    browser = await launchChromium();
  }, TEST_TIMEOUT_MS);

  afterEach(() => {
    server.clearRoutes();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await next?.stop();
  });

  it(
    'shows upload progress then live status',
    async () => {
      const respond = gate();
      const received = gate();
      server.addRoute('POST', /^\/v1\/images$/, async (req, res) => {
        await readBody(req);
        received.open();
        await respond.opened;
        sendJson(res, 202, { images: [{ id: FIXTURE_IMAGE_ID, status: 'queued', statusUrl: `/v1/images/${FIXTURE_IMAGE_ID}` }] });
      });
      const page = await openPage();
      const subscribed = server.waitForSubscriber();
      await page.goto(`${origin}/`);
      await subscribed;

      await dropFiles(page, [PNG_FILE]);
      const row = page.locator('.upload-item', { hasText: 'photo.png' });
      await received.opened;
      // Every byte is sent but the server has not responded yet, so the bar is full and the row shows the check.
      await page.locator('.upload-item[data-state="verifying"]', { hasText: 'photo.png' }).waitFor();
      const bar = row.getByRole('progressbar', { name: 'Upload progress of photo.png' });
      expect(await bar.evaluate((element: HTMLProgressElement) => element.value)).toBe(1);
      await row.getByText('Checking the file…').waitFor();
      await page.screenshot({ path: screenshotPath('upload-progress'), fullPage: true });

      respond.open();
      await row.locator('[data-status="queued"]').waitFor();
      server.publishStatus(FIXTURE_IMAGE_ID, 'detecting');
      await row.locator('[data-status="detecting"]').getByText('Detecting').waitFor();
      server.publishStatus(FIXTURE_IMAGE_ID, 'done');
      await row.locator('[data-status="done"]').waitFor();
      expect(await row.getByRole('progressbar').count()).toBe(0);

      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'sends large files through presigned upload',
    async () => {
      const calls: string[] = [];
      let storedBytes = 0;
      server.addRoute('POST', /^\/v1\/uploads$/, async (req, res) => {
        const request = JSON.parse((await readBody(req)).toString()) as { fileName: string; bytes: number };
        calls.push(`create ${request.fileName} ${request.bytes}`);
        sendJson(res, 201, {
          uploadId: 'upload-1',
          imageId: FIXTURE_IMAGE_ID,
          url: '/fixture-bucket/upload-1',
          method: 'PUT',
          headers: { 'content-type': 'image/jpeg' },
          expiresAt: '2099-01-01T00:00:00.000Z',
        });
      });
      server.addRoute('PUT', /^\/fixture-bucket\/upload-1$/, async (req, res: ServerResponse) => {
        storedBytes = (await readBody(req)).length;
        calls.push(`put ${req.headers['content-type']}`);
        res.writeHead(200).end();
      });
      server.addRoute('POST', /^\/v1\/uploads\/upload-1\/complete$/, async (req, res) => {
        await readBody(req);
        calls.push('complete');
        sendJson(res, 202, { images: [{ id: FIXTURE_IMAGE_ID, status: 'queued', statusUrl: `/v1/images/${FIXTURE_IMAGE_ID}` }] });
      });
      const page = await openPage();
      await page.goto(`${origin}/`);

      await dropFiles(page, [{ name: 'large.jpg', type: 'image/jpeg', zeroBytes: 9 * MIB }]);
      await page.locator('.upload-item', { hasText: 'large.jpg' }).locator('[data-status="queued"]').waitFor();

      expect(calls).toEqual([`create large.jpg ${9 * MIB}`, 'put image/jpeg', 'complete']);
      expect(storedBytes).toBe(9 * MIB);
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'refuses wrong files in the API words',
    async () => {
      const page = await openPage();
      await page.goto(`${origin}/`);
      const uploadsBefore = server.uploads.length;

      await dropFiles(page, [
        { name: 'a.txt', type: 'text/plain', base64: Buffer.from('not an image').toString('base64') },
        { name: 'huge.png', type: 'image/png', zeroBytes: 21 * MIB },
      ]);
      const textRow = page.locator('.upload-item', { hasText: 'a.txt' });
      const hugeRow = page.locator('.upload-item', { hasText: 'huge.png' });
      await textRow.getByText("Rejected: File 'a.txt' is not a recognised image; accepted formats are JPEG, PNG, WebP, GIF, AVIF, TIFF.").waitFor();
      await hugeRow.getByText("Rejected: File 'huge.png' is larger than the limit of 20 MiB.").waitFor();

      await page.getByRole('button', { name: '日本語' }).click();
      await textRow.getByText('受け付けられませんでした: ファイル「a.txt」は認識できる画像ではありません。対応形式は JPEG、PNG、WebP、GIF、AVIF、TIFF です。').waitFor();
      await hugeRow.getByText('受け付けられませんでした: ファイル「huge.png」は上限の 20 MiB を超えています。').waitFor();
      await page.screenshot({ path: screenshotPath('refused-ja'), fullPage: true });

      expect(server.uploads.length).toBe(uploadsBefore);
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'filters boxes by score and label',
    async () => {
      server.setRecord(DONE_RECORD);
      const page = await openPage();
      await page.goto(`${origin}${DETAIL_PATH}`);
      const boxes = page.locator('svg.box-overlay g.box');
      const rows = page.locator('table.detections-table tbody th');
      await boxes.nth(2).waitFor();

      const summary = await page.locator('.visually-hidden li').allTextContents();
      expect(summary).toContain('dog, score 0.87, at x 120–360, y 180–460');

      await page.getByRole('slider', { name: 'Minimum score' }).fill('0.7');
      expect(await boxes.evaluateAll((groups) => groups.map((group) => group.getAttribute('data-label')))).toEqual(['dog', 'person']);
      expect(await rows.allTextContents()).toEqual(['dog', 'person']);

      await page.getByRole('checkbox', { name: /person/ }).uncheck();
      expect(await boxes.evaluateAll((groups) => groups.map((group) => group.getAttribute('data-label')))).toEqual(['dog']);
      expect(await page.getByText('Showing 1 of 3 detections').isVisible()).toBe(true);

      // Keyboard focus on a table row highlights its box, as hovering does.
      await page.locator('table.detections-table tbody tr').first().focus();
      expect(await page.locator('svg.box-overlay g.box--active').getAttribute('data-label')).toBe('dog');
      await page.screenshot({ path: screenshotPath('detail-slider'), fullPage: true });

      // The keyboard reaches the slider too; End moves it to 1, above every score.
      await page.getByRole('slider', { name: 'Minimum score' }).focus();
      await page.keyboard.press('End');
      expect(await boxes.count()).toBe(0);
      await page.getByText('No objects were detected.').waitFor();

      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'renders the timeline and refreshes it',
    async () => {
      server.setRecord(DONE_RECORD);
      let timeline: { events: object[] } = TIMELINE;
      server.addRoute('GET', new RegExp(`^/v1/images/${FIXTURE_IMAGE_ID}/timeline$`), (_req, res) => sendJson(res, 200, timeline));
      const page = await openPage();
      const subscribed = server.waitForSubscriber();
      await page.goto(`${origin}${DETAIL_PATH}`);
      await subscribed;

      const entries = page.locator('.timeline__entry');
      await entries.nth(4).waitFor();
      expect(await entries.locator('.timeline__text').allTextContents()).toEqual([
        'Uploaded and queued',
        'Taken by detector detector-a (attempt 1)',
        'Failed: The uploaded file was missing from storage',
        'Retried by detector detector-b (attempt 2)',
        'Detection finished on cpu: decode 4.2 ms, inference 38.5 ms, total 45.1 ms',
      ]);
      expect(await entries.first().locator('time').getAttribute('datetime')).toBe('2025-03-14T09:26:53.000Z');

      timeline = { events: [...TIMELINE.events, STORED_EVENT] };
      server.publishStatus(FIXTURE_IMAGE_ID, 'done');
      await entries.nth(5).getByText('Results stored').waitFor();
      await page.screenshot({ path: screenshotPath('timeline'), fullPage: true });

      await page.getByRole('button', { name: '日本語' }).click();
      await entries.nth(1).getByText('検出器 detector-a が処理を開始 (1 回目)').waitFor();
      await page.screenshot({ path: screenshotPath('detail-ja'), fullPage: true });
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'hides the timeline on an older API',
    async () => {
      server.setRecord(DONE_RECORD);
      const page = await openPage();
      const timelineAnswered = page.waitForResponse((response) => response.url().endsWith('/timeline'));
      await page.goto(`${origin}${DETAIL_PATH}`);
      expect((await timelineAnswered).status()).toBe(404);
      await page.getByRole('heading', { name: 'Run details' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Timeline' }).count()).toBe(0);
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'keeps gallery filters in the URL',
    async () => {
      server.addRoute('GET', /^\/v1\/images$/, (_req, res, url) => sendJson(res, 200, queryGallery(url)));
      server.addRoute('GET', /^\/v1\/images\/[^/]+\/thumbnail$/, (_req, res) =>
        sendJson(res, 404, { error: { code: 'thumbnail_not_found', message: 'No thumbnail' } }),
      );
      const page = await openPage();
      await page.goto(`${origin}/history`);
      const cards = page.locator('li.gallery-card');
      await cards.nth(GALLERY_RECORDS.length - 1).waitFor();

      // A missing thumbnail falls back to the original file.
      const firstThumb = cards.first().locator('img');
      await page.waitForFunction(() => document.querySelector('li.gallery-card img')?.getAttribute('src')?.endsWith('/file'));
      expect(await firstThumb.getAttribute('src')).toBe(`/v1/images/${FIXTURE_IMAGE_ID}/file`);

      await page.getByLabel('Label', { exact: true }).fill('dog');
      await page.getByLabel('Minimum score (0–1)').fill('0.6');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/\/history\?label=dog&minScore=0\.6$/);
      await page.getByText('4 images shown').waitFor();
      expect(await cards.locator('.image-card__name').allTextContents()).toEqual(['photo-1.png', 'photo-3.png', 'photo-5.png', 'photo-6.png']);
      await page.screenshot({ path: screenshotPath('history-filtered'), fullPage: true });

      // The URL alone restores the filters, dates included.
      await page.goto(`${origin}/history?label=dog&from=2025-03-12&to=2025-03-13`);
      await page.getByText('2 images shown').waitFor();
      expect(await page.getByLabel('Label', { exact: true }).inputValue()).toBe('dog');
      expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2025-03-12');
      expect(await cards.locator('.image-card__name').allTextContents()).toEqual(['photo-3.png', 'photo-5.png']);

      await page.getByRole('button', { name: 'Show all' }).click();
      await page.waitForURL(/\/history$/);
      await cards.nth(GALLERY_RECORDS.length - 1).waitFor();
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'pages the gallery with load more',
    async () => {
      const pageSize = 24;
      const many = Array.from({ length: pageSize + 3 }, (_, index) => ({ ...QUEUED_RECORD, id: `33333333-4444-4555-8666-${String(index).padStart(12, '0')}`, originalName: `many-${index}.png` }));
      server.addRoute('GET', /^\/v1\/images$/, (_req, res, url) => {
        const offset = Number(url.searchParams.get('cursor') ?? '0');
        sendJson(res, 200, { images: many.slice(offset, offset + pageSize), nextCursor: offset + pageSize < many.length ? String(offset + pageSize) : null });
      });
      const page = await openPage();
      await page.goto(`${origin}/history`);
      const cards = page.locator('li.gallery-card');
      await cards.nth(pageSize - 1).waitFor();
      expect(await cards.count()).toBe(pageSize);

      await page.getByRole('button', { name: 'Load more' }).click();
      await cards.nth(many.length - 1).waitFor();
      expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'draws the overview chart',
    async () => {
      server.addRoute('GET', /^\/v1\/stats\/overview$/, (_req, res) => sendJson(res, 200, OVERVIEW));
      const page = await openPage();
      await page.goto(`${origin}/overview`);

      await page.getByRole('img', { name: 'Detections per label, stacked per time bucket' }).waitFor();
      expect(await page.locator('svg.chart g.chart__bar').count()).toBe(OVERVIEW.labelsOverTime.length);
      const legend = await page.getByRole('list', { name: 'Legend' }).locator('li').allTextContents();
      expect(legend).toEqual(['person', 'car', 'dog', 'kite', 'bicycle', 'giraffe', 'Other labels']);
      expect(await page.getByTestId('queue-pending').textContent()).toBe('7');
      expect(await page.getByTestId('queue-in-flight').textContent()).toBe('2');
      expect(await page.locator('.detectors-table tbody tr').count()).toBe(2);
      expect(await page.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');

      await page.getByText('Show the numbers as a table').click();
      const firstRow = await page.locator('.chart-table tbody tr').first().locator('td').allTextContents();
      expect(firstRow).toEqual(['4', '2', '0', '1', '0', '0', '1']);
      await page.screenshot({ path: screenshotPath('overview'), fullPage: true });

      await page.getByRole('button', { name: '日本語' }).click();
      await page.getByRole('heading', { name: 'ラベル別の検出数の推移' }).waitFor();
      await page.screenshot({ path: screenshotPath('overview-ja'), fullPage: true });
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'says when the overview is missing',
    async () => {
      const page = await openPage({ locale: 'ja-JP' });
      await page.goto(`${origin}/overview`);
      await page.getByText('このサーバーでは概要を利用できません。').waitFor();
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );
});
