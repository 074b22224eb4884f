import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Dialog, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** Every dialog (alert, confirm, prompt) any page opened: an XSS payload that ran shows up here. */
  dialogs: string[];
  /** Script errors and failed requests: a page that works has none. */
  problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts Chromium on a fresh profile in a temp folder, removed again by close(). `javaScriptEnabled:
 * false` is a reader without JavaScript: pages' scripts never run.
 */
export async function launchChromium({ javaScriptEnabled = true } = {}): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'replyguard-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled,
  });
  const dialogs: string[] = [];
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400)
        problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  return {
    context,
    dialogs,
    problems,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a full-page screenshot when SCREENSHOTS_DIR is set (for a person to look at; never
 * committed). A no-op otherwise.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
