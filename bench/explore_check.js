// Opens explorer pages in headless Chromium with every network request refused, and reports for each
// the time until it is ready, console errors, requests attempted, and the time one filter change and
// one slider step take; optionally a screenshot. For the large registers kept out of ctest:
//   node bench/explore_check.js PAGE.html [SHOT.png] [PAGE.html [SHOT.png]]...
'use strict';
const path = require('path');
const { chromium } = require(path.join(__dirname, '../web/node_modules/playwright-core'));

(async () => {
  const args = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  let bad = 0;
  for (let i = 0; i < args.length; ++i) {
    const name = args[i];
    const page_path = path.resolve(name);
    const shot = args[i + 1] && args[i + 1].endsWith('.png') ? path.resolve(args[++i]) : null;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = [], requests = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await context.route('**/*', (r) => (r.request().url().startsWith('file://') ? r.continue() : (requests.push(r.request().url()), r.abort())));
    const t0 = Date.now();
    await page.goto('file://' + page_path);
    await page.waitForFunction(() => window.pmExplorer !== undefined, null, { timeout: 120000 });
    const ready = Date.now() - t0;
    const nodes = await page.evaluate(() => window.pmExplorer.shown().length);
    let t = Date.now();
    await page.selectOption('#pm-f-nature', 'strategic');
    const filter = Date.now() - t;
    t = Date.now();
    await page.$eval('#pm-month', (s) => { s.value = String(+s.value + 1); s.dispatchEvent(new Event('input')); });
    const step = Date.now() - t;
    await page.selectOption('#pm-f-nature', '');
    if (shot) { await page.waitForTimeout(300); await page.screenshot({ path: shot }); }
    console.log(`${name}: ready in ${ready} ms, ${nodes} shown; a filter ${filter} ms, a month step ${step} ms; ` +
                `${errors.length} console errors, ${requests.length} requests` + (errors.length ? '\n  ' + errors.join('\n  ') : ''));
    if (errors.length || requests.length) ++bad;
    await context.close();
  }
  await browser.close();
  process.exit(bad ? 1 : 0);
})();
