// A one-line progress indicator on a terminal; silent when stderr is a pipe or a file (CI logs stay clean).
export function progressBar(out: NodeJS.WriteStream) {
  const tty = !!out.isTTY;
  let last = 0, shown = false;
  return {
    update(label: string, done: number, total: number) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      const width = 30;
      const bar = total > 0 ? `[${'#'.repeat(Math.round(width * done / total)).padEnd(width, '.')}] ` : '';
      out.write(`\r${bar}${label}`.padEnd(Math.min(out.columns ?? 80, 100)).slice(0, (out.columns ?? 80) - 1));
      shown = true;
    },
    clear() { if (tty && shown) { out.write(`\r${' '.repeat(Math.min(out.columns ?? 80, 100) - 1)}\r`); shown = false; } },
  };
}
