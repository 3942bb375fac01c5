// The CLI's reports: SARIF 2.1.0 validated against the schema, the copy desk's HTML page (its contents and that it
// can run no script; test/e2e/run.js opens it in Chromium), and the text output naming passages as an editor does.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import { ROOT, FIXTURES } from '../helpers/seeds';

const CLI = path.join(ROOT, 'dist/cli.js');
const BRIEFING = path.join(FIXTURES, 'drafts/gaza-briefing.txt');
/** The SARIF 2.1.0 schema as @microsoft/jest-sarif ships it (rtm.5: the final 2.1.0 schema but for its title). */
const SCHEMA = path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
/** A corpus article whose title, outlet and sentence try to run script (no full stop inside the sentence: it stays
 * one sentence, the passage shown). */
const HOSTILE_ARTICLE = '---\ntitle: "</title><script>__pwned = 1</script>"\noutlet: "وكالة \\"<b>الشر</b>\\""\ndate: 2024-03-20\n---\n'
  + 'قتل 2900 شخص في زلزال الحوز <img src=x onerror="__pwned=2"> <script>__pwned=3</script> في المغرب.\n';
let tmp: string;
function run(args: string[], lang = 'en') {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ISNAD_LANG: lang, ISNAD_CACHE_DIR: path.join(tmp, 'cache') } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function sarifValidator() {
  // The schema's own `language` pattern («…-[a-zA-Z]{2}]?$») is valid only as a non-Unicode regular expression.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', s => /^[a-z][a-z0-9+.-]*:/i.test(s) && !!URL.canParse?.(s));
  ajv.addFormat('uri-reference', s => !/\s/.test(s) && URL.canParse(s, 'file:///'));
  ajv.addFormat('date-time', s => !Number.isNaN(Date.parse(s)));
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
}

describe('isnad check --format sarif', () => {
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-reports-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is one SARIF 2.1.0 run that validates against the schema (and the validator does reject a broken log)', () => {
    const r = run(['check', '--format', 'sarif', BRIEFING]);
    assert.strictEqual(r.code, 1, r.err);
    const log = JSON.parse(r.out);
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    assert.strictEqual(JSON.parse(r.out).runs.length, 1);
    const broken = JSON.parse(r.out);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    delete broken.runs[0].tool.driver.name;
    assert.ok(!validate(broken));
  });

  it('rules carry help in the chosen language; results point at the draft, related locations at passages and at the draft', () => {
    const draft = fs.readFileSync(BRIEFING, 'utf8').split('\n');
    for (const [lang, help] of [['en', /^The draft states the same fact twice/], ['ar', /^المسودة تذكر الواقعة نفسها مرتين/]] as const) {
      const run0 = JSON.parse(run(['check', '--format', 'sarif', BRIEFING], lang).out).runs[0];
      const rules = run0.tool.driver.rules as { id: string; help: { text: string }; defaultConfiguration: { level: string } }[];
      assert.deepStrictEqual(rules.map(x => x.id), ['figure-conflict', 'figure-disputed', 'figure-outdated', 'attribution-conflict', 'source-count-conflict', 'figure-uncited', 'figure-inconsistent']);
      assert.match(rules[6].help.text, help);
      assert.strictEqual(run0.tool.driver.language, lang);
    }
    const run0 = JSON.parse(run(['check', '--format', 'sarif', BRIEFING]).out).runs[0];
    assert.strictEqual(run0.columnKind, 'utf16CodeUnits');
    type Loc = { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn: number; endColumn: number } }; message?: { text: string } };
    const text = (l: Loc) => { const g = l.physicalLocation.region!; return draft[g.startLine - 1].slice(g.startColumn - 1, g.endColumn - 1); };
    const results = run0.results as { ruleId: string; ruleIndex: number; level: string; locations: Loc[]; relatedLocations: Loc[]; partialFingerprints: Record<string, string> }[];
    const conflict = results.find(x => x.ruleId === 'figure-conflict')!;
    assert.strictEqual(conflict.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/drafts/gaza-briefing.txt');
    assert.strictEqual(conflict.locations[0].physicalLocation.artifactLocation.uriBaseId, 'SRCROOT');
    assert.strictEqual(text(conflict.locations[0]), '50 ألف');
    assert.strictEqual(conflict.level, 'warning');
    for (const rel of conflict.relatedLocations) {
      assert.match(rel.physicalLocation.artifactLocation.uri, /^seeds\/00\d_[0-9a-f]{16}\.txt$/);
      assert.match(rel.message!.text, /^(سبوتنيك|صدى البلد|مصدر غير معروف|unknown outlet) · /);
      const g = rel.physicalLocation.region!;
      const line = fs.readFileSync(path.join(ROOT, rel.physicalLocation.artifactLocation.uri), 'utf8').split(/\r?\n/)[g.startLine - 1];
      assert.match(line.slice(g.startColumn - 1, g.endColumn - 1), /\d/);
    }
    const self = results.find(x => x.ruleId === 'figure-inconsistent')!;
    assert.strictEqual(text(self.locations[0]), '32 ألف');
    assert.strictEqual(self.relatedLocations.length, 1);
    assert.strictEqual(text(self.relatedLocations[0]), 'أكثر من 50 ألف');
    assert.strictEqual(results.find(x => x.ruleId === 'figure-disputed')!.level, 'note');
    assert.ok(results.every(x => run0.tool.driver.rules[x.ruleIndex].id === x.ruleId && x.partialFingerprints['isnadFinding/v1']));
  });
});

describe('isnad report', () => {
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-report-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes one self-contained right-to-left page: the draft marked by state, the sources beside it', () => {
    const out = path.join(tmp, 'report.html');
    const r = run(['report', '-o', out, path.join(FIXTURES, 'ws/drafts/war-desk.txt')], 'ar');
    assert.strictEqual(r.code, 1, r.err);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>\n<html lang="ar" dir="rtl">/);
    assert.match(html, /<p class="summary">4 أرقام وإسنادان: 1 موثق، 1 غير منسوب، 2 متعارضة، 1 مختلف عليه، 1 بلا مصدر، 2 تناقض المسودة<\/p>/);
    // Every figure and attribution marked in the draft, each with its state's class, symbol and number.
    const marks = [...html.matchAll(/<mark class="st-(\w+)"[^>]*><span class="sym"[^>]*>([^<]+)<\/span>([^<]+)<sup>(\d)<\/sup>/g)].map(m => `${m[4]} ${m[1]} ${m[2]} ${m[3]}`);
    assert.deepStrictEqual(marks, ['1 disputed ±≠ أكثر من 32 ألف', '2 agrees ✓ حسب وزارة الصحة في غزة', '3 uncited “ حوالي 1.4 مليون', '4 none ∅ 500',
      '5 conflicts ✗ ونقلت بوليتيكو عن خمسة مسؤولين', '6 conflicts ✗≠ 30 ألفا']);
    for (let n = 1; n <= 6; n++) assert.ok(html.includes(`<li id="f${n}" class="st-`), `source entry ${n}`);
    assert.match(html, /<p class="contra">≠ يناقض السطر 6: «30 ألفا»<\/p>/);
    assert.match(html, /<span class="place">00\d_[0-9a-f]{16}\.txt:\d+<\/span>/);
    assert.ok(!/https?:|src=|<link|@import|url\(/i.test(html), 'self-contained: nothing loaded from anywhere');
  });

  it('escapes every piece of corpus text and can run no script: no <script>, a CSP that forbids scripts', () => {
    const corpus = path.join(tmp, 'hostile');
    fs.mkdirSync(corpus);
    fs.writeFileSync(path.join(corpus, 'evil.md'), HOSTILE_ARTICLE);
    const draft = path.join(tmp, 'quake.txt');
    fs.writeFileSync(draft, '---\ndate: 2024-03-20\n---\nزلزال الحوز <script>__pwned=true</script>\nقتل 5000 شخص في زلزال الحوز بالمغرب.\n');
    const out = path.join(tmp, 'hostile.html');
    assert.strictEqual(run(['report', '--corpus', corpus, '-o', out, draft]).code, 1);
    const html = fs.readFileSync(out, 'utf8');
    assert.doesNotMatch(html, /<script|<img|<b>|onerror="/i);
    assert.ok(html.includes('&lt;script&gt;__pwned=3&lt;/script&gt;') && html.includes('&lt;img src=x onerror=&quot;__pwned=2&quot;&gt;'));
    assert.ok(html.includes('وكالة &quot;&lt;b&gt;الشر&lt;/b&gt;&quot;'), 'the outlet, escaped');
    assert.ok(html.includes('&lt;/title&gt;&lt;script&gt;'), 'the title, escaped');
    assert.ok(html.includes('&lt;script&gt;__pwned=true&lt;/script&gt;'), 'the draft, escaped too');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    assert.match(csp, /default-src 'none'; script-src 'none';/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    assert.ok(csp.includes(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`), 'only this stylesheet may apply');
  });

  it('bad usage: one draft only; an unwritable output exits 2', () => {
    assert.strictEqual(run(['report', BRIEFING, BRIEFING]).code, 2);
    assert.strictEqual(run(['report', '-o', path.join(tmp, 'no/such/dir/r.html'), BRIEFING]).code, 2);
  });
});

describe('isnad check (text): where a passage comes from', () => {
  it('outlet · date · title and whom it credits first, the file and line last; the draft\'s other statement listed', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--no-cache', BRIEFING], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ISNAD_LANG: 'ar' } });
    const lines = r.stdout.split('\n');
    const passages = lines.filter(l => /^ {4}(agrees|conflicts|neutral) — /.test(l));
    assert.ok(passages.length >= 5);
    for (const l of passages) assert.match(l, /^ {4}\w+ — (سبوتنيك|صدى البلد|مصدر غير معروف)( · [^—]+)?( \(نقلاً عن [^)]+\))? — seeds\/00\d_[0-9a-f]{16}\.txt:\d+$/, l);
    const i = lines.findIndex(l => / warning figure-inconsistent: /.test(l));
    assert.strictEqual(lines[i + 1], '    الواقعة نفسها في السطر 3: «أكثر من 50 ألف»');
  });
});
