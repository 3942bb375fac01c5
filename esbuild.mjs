// Bundles the extension client, the language server and the CLI into dist/, and the tests into out/.
// One bundle per entry keeps the .vsix free of node_modules and the CLI startup fast.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// jsonc-parser's UMD build loads its parts with requires a bundler cannot follow: bundle its ES module build.
// pg's optional native binding (pg-native) is never installed: pg requires it inside a try only when asked for
// pg.native, so it stays an (unresolved, never loaded) require rather than failing the bundle.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning',
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' }, external: ['pg-native'] };

function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'fixtures') continue;
    if (statSync(p).isDirectory()) out.push(...testEntries(p));
    else if (/\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/** The analysis code's own fingerprint: a persisted index made by another build of the reader is rebuilt. */
function coreBuildId() {
  const h = createHash('sha1');
  const walk = dir => { for (const name of readdirSync(dir).sort()) { const p = join(dir, name); if (statSync(p).isDirectory()) walk(p); else h.update(p).update(readFileSync(p)); } };
  walk('server/src/core');
  return h.digest('hex').slice(0, 12);
}

rmSync('out', { recursive: true, force: true });
common.define = { __ISNAD_BUILD__: JSON.stringify(coreBuildId()) };
const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: [...common.external, 'vscode'] },
  { ...common, entryPoints: { 'read-worker': 'server/src/core/corpus/read-worker.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts', cli: 'server/src/cli/main.ts' }, outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: testEntries('test'), outdir: 'out/test', outbase: 'test', external: [...common.external, 'vscode', 'mocha', 'playwright-core'] },
  { ...common, entryPoints: { bench: 'bench/bench.ts', 'pg-bench': 'bench/pg.ts', 'pg-checker': 'bench/checker.ts', 'read-worker': 'server/src/core/corpus/read-worker.ts' }, outdir: 'out/bench' },
];
if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
}
