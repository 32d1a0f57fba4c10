import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where the browser tests leave their screenshots (gitignored). */
export const SCREENSHOT_DIR = resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `describe` when Chromium is installed; `describe.skip` when it is not, unless REQUIRE_BROWSER=1
 * (CI), where its absence fails the run instead of passing quietly.
 */
export function describeWithBrowser(): jest.Describe {
  if (existsSync(CHROMIUM_PATH)) return describe;
  if (process.env['REQUIRE_BROWSER'] === '1') {
    throw new Error(`Chromium is required (REQUIRE_BROWSER=1) but ${CHROMIUM_PATH} does not exist: apt-get install chromium`);
  }
  return describe.skip;
}

/**
 * Headless Debian Chromium. Playwright starts it with a new, empty user-data-dir of its own (a
 * fresh temporary profile, deleted when the browser closes); each test opens its own context.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A page in a new context, sized like a laptop screen, Turkish by default. */
export async function newPage(browser: Browser, options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'tr-TR', ...options });
  return context.newPage();
}

/** Saves a full-page screenshot as test-artifacts/screenshots/{name}.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** What the functions run inside the page use of it (the project is type-checked without the DOM library). */
declare const window: { axe: { run(context: unknown, options: unknown): Promise<AxeRun> } };
declare const document: unknown;

type AxeRun = {
  url: string;
  passes: unknown[];
  incomplete: unknown[];
  inapplicable: unknown[];
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
};

/** The WCAG 2.0/2.1/2.2 A and AA rule tags axe-core is asked to check. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type AxeSummary = {
  url: string;
  passes: number;
  incomplete: number;
  inapplicable: number;
  violations: { id: string; impact: string | null; help: string; targets: string[] }[];
};

/**
 * Runs axe-core inside the page (injected as a script tag, so the page's context must bypass its
 * CSP) against the WCAG A/AA tags and returns what it found.
 */
export async function runAxe(page: Page): Promise<AxeSummary> {
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      url: result.url,
      passes: result.passes.length,
      incomplete: result.incomplete.length,
      inapplicable: result.inapplicable.length,
      violations: result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      })),
    };
  }, WCAG_TAGS);
}
