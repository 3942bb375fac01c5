// Bundles the extension client, the language server and the CLI into dist/, and the tests into out/.
// One bundle per entry keeps the .vsix free of node_modules and the CLI startup fast.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// pg's optional native binding (pg-native) is never installed: pg requires it inside a try only when asked for
// pg.native, so it stays an (unresolved, never loaded) require rather than failing the bundle.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning', external: ['pg-native'] };

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

rmSync('out', { recursive: true, force: true });
const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: [...common.external, 'vscode'] },
  { ...common, entryPoints: { 'analyze-worker': 'server/src/core/analyze-worker.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts', cli: 'server/src/cli/main.ts' }, outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: testEntries('test'), outdir: 'out/test', outbase: 'test', external: [...common.external, 'vscode', 'mocha', 'playwright-core'] },
  { ...common, entryPoints: { bench: 'bench/bench.ts', 'pg-bench': 'bench/pg.ts', 'analyze-worker': 'server/src/core/analyze-worker.ts' }, outdir: 'out/bench' },
];
if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
}
