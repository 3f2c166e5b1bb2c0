// Open data read by the clients that read it: every `horaires` value of /opendata/places.json
// parses with OpenStreetMap's reference parser (npm opening_hours) without warnings, and gives
// the same current or next opening as Relais' API; the CSV has the same places.
process.env.TZ = 'Europe/Brussels'; // the parser works in the process's local time zone
import { test } from 'node:test';
import assert from 'node:assert/strict';
import opening_hours from 'opening_hours';
import { useServerAndBrowser } from '../lib/fixture.mjs';

const env = useServerAndBrowser();
const DAY = 86400000;

test('every horaires parses with the reference parser and agrees with the API', async () => {
  const response = await fetch(`${env.server.baseUrl}/opendata/places.json`);
  assert.equal(response.status, 200);
  const lieux = await response.json();
  assert.ok(lieux.length >= 10, `${lieux.length} places`);
  const now = new Date();
  const problems = [];
  for (const lieu of lieux) {
    for (const field of ['id', 'nom', 'adresse', 'code_postal', 'code_nis', 'commune', 'latitude', 'longitude', 'horaires', 'services']) {
      if (!(field in lieu)) problems.push(`${lieu.id}: no ${field}`);
    }
    assert.match(lieu.code_postal, /^\d{4}$/);
    if (lieu.telephone) assert.match(lieu.telephone, /^\+32 /);
    let oh;
    try {
      oh = new opening_hours(lieu.horaires, null, { tag_key: 'opening_hours' });
    } catch (e) {
      problems.push(`${lieu.nom}: ${JSON.stringify(lieu.horaires)} does not parse: ${e}`);
      continue;
    }
    const warnings = oh.getWarnings();
    if (warnings.length) problems.push(`${lieu.nom}: warnings ${JSON.stringify(warnings)}`);
    const api = await (await fetch(`${env.server.baseUrl}/api/v1/places/${lieu.id}`)).json();
    const intervals = oh.getOpenIntervals(now, new Date(now.getTime() + 80 * DAY));
    const first = intervals[0];
    if (!api.next_opening) {
      if (first) problems.push(`${lieu.nom}: parser opens ${first[0].toISOString()}, Relais has none`);
      continue;
    }
    if (!first) { problems.push(`${lieu.nom}: Relais opens ${api.next_opening.start}, the parser never`); continue; }
    const start = new Date(api.next_opening.start);
    const end = new Date(api.next_opening.end);
    const openNow = oh.getState(now);
    if (openNow !== api.open_now) problems.push(`${lieu.nom}: open now ${openNow} vs ${api.open_now}`);
    if (first[1].getTime() !== end.getTime()) problems.push(`${lieu.nom}: ends ${first[1].toISOString()} vs ${end.toISOString()}`);
    if (!openNow && first[0].getTime() !== start.getTime()) problems.push(`${lieu.nom}: starts ${first[0].toISOString()} vs ${start.toISOString()}`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));

  const bytes = Buffer.from(await (await fetch(`${env.server.baseUrl}/opendata/places.csv`)).arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM for spreadsheets');
  const csv = bytes.subarray(3).toString('utf8');
  assert.ok(csv.startsWith('id,nom,'), 'the standard names');
  for (const lieu of lieux) assert.ok(csv.includes(lieu.id));
});
