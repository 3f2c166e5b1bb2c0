// Printable sheets in a real browser: the three sheets (a place, a municipality, a network) have
// zero axe violations in four languages, and printed (print media) they drop the site's header,
// menus and footer and use large type: body ≥ 14 pt, phone numbers ≥ 18 pt and bold, black on white.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from '../lib/fixture.mjs';
import { axeViolations, LANGUAGES } from '../lib/browser.mjs';

const env = useServerAndBrowser();
const PT = 96 / 72; // CSS pixels per point

async function sheets(page) {
  const api = await (await page.request.get(`${env.server.baseUrl}/api/v1/places?postcode=6000`)).json();
  return [`/places/${api.places[0].id}/sheet`, '/sheets/municipality/52011', '/sheets/network/informaticiens-publics'];
}

test('the printable sheets have zero axe violations in each language', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const problems = [];
  for (const path of await sheets(page)) {
    for (const lang of LANGUAGES) {
      for (const query of [`lang=${lang}`, `lang=${lang}&period=month&sort=name`]) {
        const response = await page.goto(`${env.server.baseUrl}${path}?${query}`);
        assert.equal(response.status(), 200, `${path}?${query}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.ok(await page.isVisible('.sheet-phone'), `${path} [${lang}] phone numbers`);
        assert.ok(await page.isVisible('.sheet-tools a[href*="format=pdf"]'), `${path} [${lang}] the PDF link`);
        for (const v of await axeViolations(page)) problems.push(`${path}?${query} ${v}`);
      }
    }
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('printed, a sheet is A4 in large type without the site around it', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  for (const path of await sheets(page)) {
    await page.goto(`${env.server.baseUrl}${path}?lang=fr`);
    assert.ok(await page.isVisible('header.site-header'), 'on screen, the site header is there');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['header.site-header', '.site-footer', '.demo-banner', '.sheet-tools']) {
      assert.equal(await page.isVisible(hidden), false, `${path}: ${hidden} is not printed`);
    }
    const style = await page.evaluate(() => {
      const css = (selector) => getComputedStyle(document.querySelector(selector));
      return {
        body: parseFloat(css('body').fontSize),
        day: parseFloat(css('.sheet-days li, .sheet-place p').fontSize),
        phone: parseFloat(css('.sheet-phone').fontSize),
        phoneWeight: Number(css('.sheet-phone').fontWeight),
        color: css('.sheet-phone').color,
        background: css('body').backgroundColor,
      };
    });
    assert.ok(style.body >= 18.6, `${path}: body ${style.body}px ≥ 14 pt`);
    assert.ok(style.day >= 14 * PT - 0.1, `${path}: text ${style.day}px ≥ 14 pt`);
    assert.ok(style.phone >= 18 * PT && style.phoneWeight >= 700, `${path}: phone ${style.phone}px, weight ${style.phoneWeight}`);
    assert.equal(style.color, 'rgb(0, 0, 0)', 'black');
    assert.equal(style.background, 'rgb(255, 255, 255)', 'on white');
    // A4 with 15 mm margins: Chromium lays the print out on the @page size.
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const box = pdf.toString('latin1').match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/);
    assert.ok(box && Math.abs(box[1] - 595.3) < 2 && Math.abs(box[2] - 841.9) < 2, `${path}: printed on A4 (${box && box.slice(1)})`);
    await page.emulateMedia({ media: 'screen' });
  }
  await context.close();
});
