// The same suite through @vscode/test-electron, for machines that can download VS Code desktop.
const path = require('path');
const fs = require('fs');
const os = require('os');
const { runTests } = require('@vscode/test-electron');

(async () => {
  const root = path.resolve(__dirname, '../..');
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-ws-'));
  fs.cpSync(path.join(root, 'test/fixtures/ws'), ws, { recursive: true });
  try {
    await runTests({ extensionDevelopmentPath: root, extensionTestsPath: path.join(root, 'out/test/e2e/suite/index.js'),
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'] });
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
})();
