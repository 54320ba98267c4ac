/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { photoPath } from '@lookout/testing';
import { repoPath } from '@lookout/local-stack';
import { EventStreamReader } from './event-stream.js';
import { bestMatch, DOG_PHOTO_OBJECTS } from './expected-boxes.js';
import { startTestStack, type RunningStack } from './stack-fixture.js';

interface ImageRecord {
  id: string;
  status: string;
  width: number;
  height: number;
  detections: Array<{ label: string; classId: number; score: number; box: { x1: number; y1: number; x2: number; y2: number } }>;
  model: { id: string; version: string } | null;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = repoPath('test-output');

let stack: RunningStack;
let events: EventStreamReader;

beforeAll(async () => {
  stack = await startTestStack('e2e-pipeline');
  events = new EventStreamReader(`${stack.url}/v1/events`);
  await events.opened;
}, 120_000);

afterAll(async () => {
  events?.close();
  await stack?.stop();
}, 60_000);

async function uploadPhoto(name: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(photoPath(name))], { type: 'image/jpeg' }), name);
  const response = await fetch(`${stack.url}/v1/images`, { method: 'POST', body: form });
  expect(response.status).toBe(202);
  const body = (await response.json()) as { images: Array<{ id: string; status: string; statusUrl: string }> };
  expect(body.images).toHaveLength(1);
  expect(body.images[0]!.status).toBe('queued');
  return body.images[0]!.id;
}

describe('pipeline from upload to stored detections', () => {
  it('finds the dog, bicycle and truck in a real photo', async () => {
    const imageId = await uploadPhoto('dog.jpg');

    const finished = await events.waitForStatus(imageId, ['done', 'failed']);
    expect(finished.status).toBe('done');

    const record = (await (await fetch(`${stack.url}/v1/images/${imageId}`)).json()) as ImageRecord;
    expect(record.status).toBe('done');
    expect(record.width).toBe(768);
    expect(record.height).toBe(576);
    expect(record.model).toEqual({ id: 'nanodet-g-416', version: '1.0.0' });
    for (const object of DOG_PHOTO_OBJECTS) {
      expect({ labels: object.labels, iou: bestMatch(record.detections, object.labels, object.box) >= 0.5 }).toEqual({ labels: object.labels, iou: true });
    }
  }, 60_000);

  it('lists the image filtered by label', async () => {
    const imageId = await uploadPhoto('dog.jpg');
    await events.waitForStatus(imageId, ['done']);

    const dogs = (await (await fetch(`${stack.url}/v1/images?label=dog&minScore=0.3`)).json()) as { images: ImageRecord[] };
    const giraffes = (await (await fetch(`${stack.url}/v1/images?label=giraffe`)).json()) as { images: ImageRecord[] };

    expect(dogs.images.map((image) => image.id)).toContain(imageId);
    expect(giraffes.images.map((image) => image.id)).not.toContain(imageId);
  }, 60_000);

  it('rejects a file that is not an image', async () => {
    const form = new FormData();
    form.append('file', new Blob(['just text'], { type: 'image/jpeg' }), 'fake.jpg');

    const response = await fetch(`${stack.url}/v1/images`, { method: 'POST', body: form });
    const body = (await response.json()) as { error: { code: string; message: string } };

    expect(response.status).toBe(415);
    expect(body.error.code).toBe('unsupported_media_type');
  });
});

describe('dashboard in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows labelled boxes after a photo is dropped', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await page.goto(stack.url);

    // Drop the photo onto the drop zone the way a browser delivers a dragged file.
    const bytes = readFileSync(photoPath('dog.jpg')).toString('base64');
    const transfer = await page.evaluateHandle((base64) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([data], 'dog.jpg', { type: 'image/jpeg' }));
      return dataTransfer;
    }, bytes);
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: transfer });

    const card = page.locator('li.image-card').filter({ hasText: 'dog.jpg' }).first();
    await card.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-home.png`, fullPage: true });
    await card.locator('a').click();

    const boxes = page.locator('svg.box-overlay g.box');
    await boxes.first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const labels = await boxes.evaluateAll((groups) => groups.map((group) => group.getAttribute('data-label')));
    const captions = await page.locator('svg.box-overlay text.box__caption').allTextContents();
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-detail.png`, fullPage: true });

    expect(labels).toContain('dog');
    expect(labels).toContain('bicycle');
    expect(captions.some((caption) => /^dog \d\.\d\d$/.test(caption))).toBe(true);
    await page.close();
  }, 90_000);
});
