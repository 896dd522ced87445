// What every browser test here shares: assertions, launching Debian's Chromium, recording what
// goes wrong on a page, axe-core, and the "ok/FAIL" lines with the closing "N passed, N failed"
// that the Java tests look for (they read only that line and the exit code).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

/** A failed expectation: reported by its message alone, where any other error shows its stack. */
export class Check extends Error {}

export function check(condition, message) {
  if (!condition) throw new Check(message);
}

/** Deep equality by JSON, so arrays and records compare by value. */
export function equal(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Check(`${message}: expected ${e}, got ${a}`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** ONLY=text runs only the tests whose name contains it. */
export const only = process.env.ONLY;
export const skipped = (name) => Boolean(only) && !name.includes(only);

// ---------------------------------------------------------------- Chromium

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
// No sandbox (containers), no GPU, nothing phoning home that could fail a request check.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** A browser for tests that make a context (own storage) per test. */
export function launch() {
  return chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
}

const profiles = new WeakMap();

/** One context with a throwaway profile folder for the whole run; end it with closePersistent. */
export async function launchPersistent(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yogaflow-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLE, headless: true, args: ['--headless', ...ARGS], ...options,
  });
  profiles.set(context, userDataDir);
  return context;
}

export async function closePersistent(context) {
  await context.close();
  fs.rmSync(profiles.get(context), { recursive: true, force: true });
}

// ---------------------------------------------------------------- problems on a page

/**
 * Makes every page of the context report a CSP violation as a console error, which
 * recordProblems sees; set before any page script runs, it survives reloads.
 */
export function reportCsp(context) {
  return context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

/**
 * Passes add() a line for each console error or warning, page error, failed request and HTTP
 * error status the page sees. `expected` may name console messages, failed requests and responses
 * that are not problems ({console: (message) => bool, requestfailed: (request) => bool,
 * response: (response) => bool}); matching lines by text is left to the caller.
 */
export function recordProblems(page, add, expected = {}) {
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !expected.console?.(m)) {
      add(`console ${m.type()}: ${m.text()} (${page.url()})`);
    }
  });
  page.on('pageerror', (e) => add(`page error: ${e.stack ?? e.message} (${page.url()})`));
  page.on('requestfailed', (r) => {
    if (!expected.requestfailed?.(r)) add(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !expected.response?.(r)) add(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return page;
}

// ---------------------------------------------------------------- axe-core

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SERIOUS = new Set(['serious', 'critical']);

/** Runs axe-core (WCAG 2.1 A and AA, best practices) on the page or the `include` selector. */
export async function axeResults(page, include) {
  await page.evaluate(AXE); // CDP evaluation, not a script tag: the page's CSP stays strict
  const result = await page.evaluate((inc) => window.axe.run(inc ? { include: [inc] } : document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }), include);
  const serious = result.violations.filter((v) => SERIOUS.has(v.impact));
  return { serious, minor: result.violations.length - serious.length };
}

/** Fails on any serious or critical axe-core violation, naming the first few elements of each. */
export async function axe(page, label, include) {
  const { serious } = await axeResults(page, include);
  check(serious.length === 0, `${label}: axe found ${serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`).join(' | ')}`);
}

// ---------------------------------------------------------------- results

const describe = (e) => (e instanceof Check ? e.message : e.stack);

/**
 * Prints "ok   …" and "FAIL …" lines, then "`label`: N passed, N failed (T s)", which the Java
 * tests look for; finish() returns the exit code.
 */
export class Results {
  constructor(label) {
    this.label = label;
    this.passed = 0;
    this.failed = 0;
    this.started = Date.now();
  }

  ok(line) {
    this.passed++;
    console.log(`ok   ${line}`);
  }

  fail(line, error, indent = '     ') {
    this.failed++;
    console.log(`FAIL ${line}\n${indent}${describe(error)}`);
  }

  /** Runs fn as the test `name`, timed; onFailure (screenshots, problems) runs after the FAIL line. */
  async test(name, fn, onFailure) {
    const t0 = Date.now();
    try {
      await fn();
      this.ok(`${name} (${Date.now() - t0} ms)`);
      return true;
    } catch (e) {
      this.fail(`${name} (${Date.now() - t0} ms)`, e);
      await onFailure?.();
      return false;
    }
  }

  finish() {
    console.log(`${this.label}: ${this.passed} passed, ${this.failed} failed (${((Date.now() - this.started) / 1000).toFixed(1)} s)`);
    return this.failed ? 1 : 0;
  }
}

/** A screenshot of a failed test's page, named after the test; never fails itself. */
export async function failureScreenshot(page, dir, prefix, name, options = {}) {
  const file = path.join(dir, `${prefix}${name.replace(/\W+/g, '-').slice(0, 40)}.png`);
  await page.screenshot({ path: file, ...options }).catch(() => {});
  return file;
}
