import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches Debian's Chromium headless without the background traffic that tests never need. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install it with apt-get install chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface DroppedFile {
  name: string;
  type: string;
  /** The file's bytes in base64, or a size to fill with zero bytes inside the page (cheap for large files). */
  base64?: string;
  zeroBytes?: number;
}

/** Drops files on the upload zone the way a drag from the desktop does, through a DataTransfer. */
export async function dropFiles(page: Page, files: DroppedFile[]): Promise<void> {
  const transfer = await page.evaluateHandle((entries: DroppedFile[]) => {
    const dataTransfer = new DataTransfer();
    for (const entry of entries) {
      const bytes = entry.base64 === undefined ? new Uint8Array(entry.zeroBytes ?? 0) : Uint8Array.from(atob(entry.base64), (char) => char.charCodeAt(0));
      dataTransfer.items.add(new File([bytes], entry.name, { type: entry.type }));
    }
    return dataTransfer;
  }, files);
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: transfer });
}
