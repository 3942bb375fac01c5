// Mocha runner loaded by VS Code's extension host (extensionTestsPath), by both launchers.
import * as path from 'path';
import Mocha = require('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false });
  mocha.addFile(path.resolve(__dirname, 'extension.test.js'));
  mocha.addFile(path.resolve(__dirname, 'fact-sheet.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run(failures => {
      console.log(`${mocha.suite.total() - failures} passed, ${failures} failed`);
      failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve();
    });
  });
}
