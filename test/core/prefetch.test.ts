// Checking through requests (core/prefetch): a draft checked against corpus sources that answer requests gets
// exactly the findings of the whole corpus in memory, from one source or several, prefetched or fetched on demand.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, loadLanguage, MemoryIndex, LineIndex } from '../../server/src/core/api';
import { MemorySource } from '../../server/src/core/prefetch/memory-source';
import { analyzeFromSources } from '../../server/src/core/prefetch/prefetch';
import { sparseText } from '../../server/src/core/prefetch/sparse-text';
import { lineStarts } from '../../server/src/core/positions';
import { seedsIndex, FIXTURES } from '../helpers/seeds';
import { bugFixtures } from '../helpers/fixtures';

const OPTS = { today: '2024-01-20' };
/** Everything a check returns that an editor sees: findings (with their passages and fix data), hovers. */
const seen = (r: ReturnType<typeof analyze>) => JSON.stringify([r.findings, r.figures, r.attributions]);

function drafts(index: MemoryIndex): string[] {
  const out = [fs.readFileSync(path.join(FIXTURES, 'drafts/gaza-briefing.txt'), 'utf8')];
  for (const fx of bugFixtures()) if (!fx.corpus) out.push(fx.draft);
  out.push('قُتل أكثر من 50 ألف فلسطيني في غزة.\nونقلت بوليتيكو عن خمسة مسؤولين أن البنتاغون يبحث تمويل قوة متعددة الجنسيات لحفظ السلام في غزة.');
  for (const a of index.allArticles()) out.push(index.articleText(a), index.articleText(a).replace(/\d+/, n => String(Number(n) * 3)));
  return out;
}

describe('checking through requests (prefetch)', () => {
  let seeds: MemoryIndex;
  before(async () => { seeds = await seedsIndex(); });

  it('gives the findings of the in-memory index, with everything fetched ahead', async () => {
    let findings = 0;
    for (const d of drafts(seeds)) {
      const got = await analyzeFromSources(d, [new MemorySource(seeds, 0)], {}, OPTS);
      const want = analyze(d, seeds, {}, OPTS);
      assert.strictEqual(seen(got.result), seen(want), d.slice(0, 80));
      assert.deepStrictEqual([got.passes, got.missed], [1, ''], 'the check asked for nothing that was not fetched ahead');
      findings += want.findings.length;
    }
    assert.ok(findings > 10, `${findings} findings compared`);
  });

  it('two corpora checked as one give the findings of one index holding both', async () => {
    const lang = loadLanguage();
    const whole = new MemoryIndex(lang), first = new MemoryIndex(lang), rest = new MemoryIndex(lang);
    seeds.allArticles().forEach((a, i) => {
      const article = { ...a.meta, text: seeds.articleText(a) };
      whole.add(article);
      (i < 2 ? first : rest).add(article);
    });
    for (const d of drafts(seeds)) {
      const got = await analyzeFromSources(d, [new MemorySource(first, 0), new MemorySource(rest, 1)], {}, OPTS);
      assert.strictEqual(seen(got.result), seen(analyze(d, whole, {}, OPTS)), d.slice(0, 80));
    }
  });

  // The bug fixtures with a corpus of their own hold what the seeds do not (a near copy, a stated zero's day, a toll
  // told after its event): the prefetched store must reach the findings the in-memory index reaches on them.
  it('gives the findings of the in-memory index on each bug fixture\'s own corpus', async () => {
    let compared = 0;
    for (const fx of bugFixtures()) {
      const lines = fx.corpus?.flatMap(f => f.lines ?? []) ?? [];
      if (!lines.length) continue;
      const index = new MemoryIndex(loadLanguage());
      for (const a of lines as { id: string; outlet: string; date: string; title: string; text: string }[]) index.add({ key: `archive.jsonl#${a.id}`, file: 'archive.jsonl', ...a });
      const got = await analyzeFromSources(fx.draft, [new MemorySource(index, 0)], {}, {});
      assert.strictEqual(seen(got.result), seen(analyze(fx.draft, index, {}, {})), fx.name);
      compared++;
    }
    assert.ok(compared >= 10, `${compared} fixtures compared`);
  });

  it('fetching only what each run missed reaches the same findings', async () => {
    const d = fs.readFileSync(path.join(FIXTURES, 'drafts/gaza-briefing.txt'), 'utf8');
    const got = await analyzeFromSources(d, [new MemorySource(seeds, 0)], {}, { ...OPTS, prefetch: false });
    assert.ok(got.passes > 1 && /term/.test(got.missed), `${got.passes} passes, missed ${got.missed}`);
    const want = analyze(d, seeds, {}, OPTS);
    assert.ok(want.findings.length >= 3);
    assert.strictEqual(seen(got.result), seen(want));
  });

  it('a sparse text keeps the offsets and line positions of the full text', () => {
    const text = 'العنوان\r\nقتل 50 شخصا في غزة.\rوأصيب 80.\n\nحسب وزارة الصحة';
    const a = text.indexOf('قتل'), b = text.indexOf('حسب');
    const spans = [{ start: b, text: text.slice(b) }, { start: a, text: text.slice(a, a + 20) }];
    const sparse = sparseText(text.length, lineStarts(text), spans);
    assert.strictEqual(sparse.length, text.length);
    assert.strictEqual(sparse.slice(a, a + 20), text.slice(a, a + 20));
    assert.strictEqual(sparse.slice(b), 'حسب وزارة الصحة');
    assert.strictEqual(sparse.slice(0, a).trim(), '', 'nothing outside the spans is shown');
    const full = new LineIndex(text), part = new LineIndex(sparse);
    for (let o = 0; o <= text.length; o++) assert.deepStrictEqual(part.position(o), full.position(o), `offset ${o}`);
  });
});
