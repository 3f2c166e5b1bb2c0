// Reports in a real browser: the organisation's dashboard and the programme's (aggregates only),
// axe in four languages, charts beside their tables, a phone-sized screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from '../lib/fixture.mjs';
import { axeViolations, LANGUAGES } from '../lib/browser.mjs';

const PASSWORD = 'demo-relais-2026';
const env = useServerAndBrowser();

async function logIn(page, email) {
  await page.goto(`${env.server.baseUrl}/login`);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/account/), page.click('button[type="submit"]')]);
}

for (const [email, path] of [
  ['coordinator.charleroi@demo.relais.be', '/organisations/cpas-charleroi/reports'],
  ['viewer.digilab@demo.relais.be', '/groups/e-inclusion-2022/reports'],
]) {
  test(`${path} passes axe in four languages and fits a phone`, async () => {
    const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await logIn(page, email);
    const problems = [];
    for (const lang of LANGUAGES) {
      const response = await page.goto(`${env.server.baseUrl}${path}?lang=${lang}`);
      assert.equal(response.status(), 200);
      assert.ok(await page.locator('svg.chart[role="img"]').count() >= 5, 'charts');
      // The charts' words are readable on the phone: 13 units drawn at 11 px or more.
      const textPx = await page.locator('svg.chart').first().evaluate((svg) => 13 * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
      assert.ok(textPx >= 11, `[${lang}] chart labels at ${textPx.toFixed(1)}px`);
      const requests = await page.locator('#headline td[data-code="requests"]').textContent();
      assert.match(requests.trim(), /^\d+$/, `[${lang}] requests: ${requests}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `[${lang}] ${width}px wide`);
      for (const v of await axeViolations(page)) problems.push(`${path} [${lang}] ${v}`);
      await page.goto(`${env.server.baseUrl}${path}/annual?lang=${lang}`);
      assert.ok(await page.isVisible('#headline'), 'the yearly report');
      for (const v of await axeViolations(page)) problems.push(`${path}/annual [${lang}] ${v}`);
      await page.goto(`${env.server.baseUrl}${path}?lang=${lang}`);
    }
    // Another period through the form.
    await page.fill('#report-from', '2026-01');
    await page.fill('#report-to', '2026-03');
    await Promise.all([page.waitForURL(/from=2026-01/), page.click('form.filters button[type="submit"]')]);
    assert.match(await page.locator('p.lead').first().textContent(), /2026-01 – 2026-03/);
    await context.close();
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}
