export function runStdioServer(): void { throw new Error('not yet'); }
