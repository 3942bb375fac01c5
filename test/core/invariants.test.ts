import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, readText, loadLanguage, MemoryIndex } from '../../server/src/core/api';
import { seedsIndex, SEEDS, FIXTURES } from '../helpers/seeds';

const texts = [
  ...fs.readdirSync(SEEDS).map(f => fs.readFileSync(path.join(SEEDS, f), 'utf8')),
  fs.readFileSync(path.join(FIXTURES, 'drafts/gaza-briefing.txt'), 'utf8'),
  'قُتِلَ أكثرُ من ٣٢ ألفَ\u200F فلسطينيٍّ، وأصـــيب ٧٤٬٩٠٠ آخرين\r\nونزح ١٫٧ مليون.',
];

describe('invariants over real text', () => {
  let index: MemoryIndex;
  before(async () => { index = await seedsIndex(); });
  it('every figure range lies inside the text and covers the figure\'s digits or words', () => {
    const lang = loadLanguage();
    for (const t of texts) for (const f of readText(t, lang).figures) {
      assert.ok(0 <= f.phraseStart && f.phraseStart <= f.start && f.start < f.end && f.end <= t.length);
      const s = t.slice(f.start, f.end);
      assert.ok(/[0-9٠-٩۰-۹\u0600-\u06FF]/.test(s[0]) && /\S/.test(s[s.length - 1]), JSON.stringify(s));
      assert.ok(!/^\s|\s$/.test(s), JSON.stringify(s));
    }
  });
  it('every finding and attribution range lies inside the text', () => {
    for (const t of texts) {
      const r = analyze(t, index);
      for (const f of [...r.findings, ...r.attributions]) assert.ok(0 <= f.start && f.start < f.end && f.end <= t.length);
      for (const f of r.findings) for (const p of f.related) {
        const a = index.article(p.article.key)!;
        assert.ok(p.start < p.end && p.end <= index.articleText(a).length);
        if (p.mark) assert.ok(p.start <= p.mark.start && p.mark.end <= p.end);
      }
    }
  });
});
