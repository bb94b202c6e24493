// Drives the explorer in headless Chromium (Debian's, through playwright-core): search, each filter,
// the date slider, focus, the URL fragment, and a register of hostile names from which no script may
// run. Network requests are refused and counted: the page must make none.
// Usage: node explorer_test.js PARTNERMAP CARLISLE.json HOSTILE.json WORKDIR [SCREENSHOT.png]
// Exit 77 (ctest's skip) when playwright-core or Chromium is not installed.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

let chromium;
try {
  ({ chromium } = require(path.join(__dirname, '../../web/node_modules/playwright-core')));
} catch (e) {
  console.log('skipped: playwright-core is not installed (make deps installs it in web/)');
  process.exit(77);
}
const browserPath = '/usr/bin/chromium';
if (!fs.existsSync(browserPath)) {
  console.log('skipped: no Chromium at ' + browserPath);
  process.exit(77);
}

const [bin, carlisle, hostile, work, screenshot] = process.argv.slice(2);
fs.mkdirSync(work, { recursive: true });
function explore(register, name) {
  const out = path.join(work, name);
  execFileSync(bin, ['explore', register, '-o', out], { stdio: 'pipe' });
  return 'file://' + out;
}

let passed = 0, failed = 0;
function check(what, ok, detail) {
  if (ok) { ++passed; console.log('ok   ' + what); }
  else { ++failed; console.log('FAIL ' + what + (detail !== undefined ? ': ' + JSON.stringify(detail) : '')); }
}

async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems = { console: [], requests: [], dialogs: [] };
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.console.push(String(e)));
  page.on('dialog', async (d) => { problems.dialogs.push(d.message()); await d.dismiss(); });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file://')) return route.continue();
    problems.requests.push(u);
    return route.abort();
  });
  await page.goto(url);
  await page.waitForFunction(() => window.pmExplorer !== undefined);
  return { page, problems, context };
}

const shown = (page) => page.evaluate(() => window.pmExplorer.shown());
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));

async function carlisleTests(browser) {
  const url = explore(carlisle, 'carlisle.html');
  const { page, problems, context } = await openPage(browser, url);
  const all = await shown(page);
  check('the network is drawn', all.length > 50, all.length);
  check('the Council is drawn', all.includes('o:carlisle-cc'));
  const month0 = await page.inputValue('#pm-month-label').catch(() => null);
  const label = await page.textContent('#pm-month-label');
  check("the slider starts at the register's date", label.includes('Sep 2004'), label);

  // Search with suggestions, then the details of what was found.
  await page.fill('#pm-search', 'crime and dis');
  const hints = await page.$$eval('#pm-suggest button', (bs) => bs.map((b) => b.textContent));
  check('search suggests by part of a name', hints.some((h) => h.includes('Crime and Disorder Reduction Partnership')), hints);
  await page.click('#pm-suggest button');
  const details = await page.textContent('#pm-details');
  check("a partnership's details are its matrix row", details.includes('Crime and Disorder') && details.includes('Council role'), details.slice(0, 300));
  check('the selection is in the fragment', (await hash(page)).includes('sel=p:cdrp'), await hash(page));

  // Focus: its neighbourhood stays, the rest fades.
  await page.click('#pm-focus');
  const faded = await page.evaluate(() => window.pmExplorer.faded());
  check('focus fades what is beyond one step', faded > 20, faded);
  check('focus is in the fragment', (await hash(page)).includes('focus=p:cdrp'));
  const faded1 = faded;
  await page.selectOption('#pm-depth', '2');
  const faded2 = await page.evaluate(() => window.pmExplorer.faded());
  check('two steps show more than one', faded2 < faded1, [faded1, faded2]);
  await page.click('#pm-clear');
  check('show everything clears the fragment', (await hash(page)) === '', await hash(page));

  // Each filter narrows the partnerships shown, and is kept in the fragment.
  const partnerships = (list) => list.filter((k) => k.startsWith('p:'));
  const before = partnerships(await shown(page)).length;
  for (const id of ['theme', 'unit', 'nature', 'role', 'sector', 'risk', 'finding']) {
    const options = await page.$$eval('#pm-f-' + id + ' option', (os) => os.map((o) => o.value).filter((v) => v));
    let narrowed = false, value = '';
    for (const v of options) {
      await page.selectOption('#pm-f-' + id, v);
      const n = partnerships(await shown(page)).length;
      if (n < before && n > 0) { narrowed = true; value = v; break; }
    }
    const h = await hash(page);
    check('filter by ' + id + ' narrows the partnerships', narrowed, options);
    check('filter by ' + id + ' is in the fragment', h.includes(id + '=' + value), h);
    await page.selectOption('#pm-f-' + id, '');
  }
  await page.selectOption('#pm-f-nature', 'funding');
  const funding = partnerships(await shown(page));
  const natures = await page.evaluate((keys) => {
    return keys.map((k) => window.pmExplorer.cy.nodes().filter((n) => n.visible() && n.data('k') === 'p').length);
  }, funding);
  check('the nature filter shows only that nature', funding.length > 0 && funding.length < before, funding);
  await page.selectOption('#pm-f-nature', '');

  // The date slider: partnerships appear and end with their dates; unit colours follow the forecast.
  const max = +(await page.getAttribute('#pm-month', 'max'));
  await page.$eval('#pm-month', (s) => { s.value = '0'; s.dispatchEvent(new Event('input')); });
  const early = partnerships(await shown(page)).length;
  await page.$eval('#pm-month', (s, m) => { s.value = String(m); s.dispatchEvent(new Event('input')); }, max);
  const late = partnerships(await shown(page)).length;
  check('the first month shows fewer partnerships than the register date', early < before, [early, before]);
  check('the last month shows only partnerships with no end or a later one', late <= before && late > 0, [late, before]);
  check('the month is in the fragment', /month=\d{4}-\d\d/.test(await hash(page)), await hash(page));
  const unitColour = await page.evaluate(() => window.pmExplorer.cy.nodes().filter((n) => n.data('k') === 'u').map((n) => n.data('fill')).join(','));
  await page.$eval('#pm-month', (s) => { s.value = '0'; s.dispatchEvent(new Event('input')); });
  const unitColour0 = await page.evaluate(() => window.pmExplorer.cy.nodes().filter((n) => n.data('k') === 'u').map((n) => n.data('fill')).join(','));
  check("units' colours change with the month", unitColour !== unitColour0, [unitColour, unitColour0]);

  // Colour by cluster.
  await page.selectOption('#pm-colour', 'cluster');
  const legend = await page.textContent('#pm-legend');
  check('colour by cluster shows the clusters and the agreement figure', legend.includes('Cluster 1') && legend.includes('mutual information'), legend.slice(0, 200));

  // The fragment opens the same view in a new tab.
  const state = await page.evaluate(() => location.hash);
  const second = await openPage(browser, url + '#theme=safer&nature=strategic&sel=o:police-authority&focus=o:police-authority&colour=cluster');
  const view = await second.page.evaluate(() => ({ theme: document.querySelector('#pm-f-theme').value, nature: document.querySelector('#pm-f-nature').value,
    colour: document.querySelector('#pm-colour').value, details: document.querySelector('#pm-details').textContent, faded: window.pmExplorer.faded() }));
  check('a fragment restores the filters', view.theme === 'safer' && view.nature === 'strategic' && view.colour === 'cluster', view);
  check('a fragment restores the selection and focus', view.details.includes('Police Authority') && view.faded > 0, view.details.slice(0, 120));
  check('no console errors', problems.console.length === 0 && second.problems.console.length === 0, problems.console.concat(second.problems.console));
  check('no network requests', problems.requests.length === 0 && second.problems.requests.length === 0, problems.requests);
  if (screenshot) {
    await page.goto(url + '#sel=p:cdrp&focus=p:cdrp&colour=cluster');
    await page.waitForFunction(() => window.pmExplorer !== undefined);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshot });
  }
  void state; void month0; void natures;
  await second.context.close();
  await context.close();
}

async function hostileTests(browser) {
  const url = explore(hostile, 'hostile.html');
  const { page, problems, context } = await openPage(browser, url);
  await page.evaluate(() => { window.__ran = window.__ran || false; });
  const all = await shown(page);
  check('the hostile register is drawn', all.length > 3, all);
  // Every name searched, selected and shown in the details: none may run as a script.
  const labels = await page.evaluate(() => window.pmExplorer.cy.nodes().map((n) => n.data('label')));
  for (const l of labels.slice(0, 30)) {
    await page.fill('#pm-search', l.slice(0, 12));
    const b = await page.$('#pm-suggest button');
    if (b) await b.click();
  }
  const injected = await page.evaluate(() => document.querySelectorAll('#pm-details img, #pm-details script, #pm-details b, #pm-suggest img, #pm-legend img').length);
  check('register text is never markup', injected === 0, injected);
  check('no dialog opened from register text', problems.dialogs.length === 0, problems.dialogs);
  check('no console errors on the hostile register', problems.console.length === 0, problems.console);
  check('no network requests on the hostile register', problems.requests.length === 0, problems.requests);
  const names = await page.evaluate(() => document.querySelector('#pm-details').textContent);
  check('hostile names show as text', names.length > 0, names);
  await context.close();
}

(async () => {
  const browser = await chromium.launch({ executablePath: browserPath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    await carlisleTests(browser);
    await hostileTests(browser);
  } catch (e) {
    ++failed;
    console.log('FAIL the run stopped: ' + (e && e.stack || e));
  } finally {
    await browser.close();
  }
  console.log(passed + ' passed, ' + failed + ' failed');
  process.exit(failed ? 1 : 0);
})();
