/** Tees everything this process prints (Nest, pino, the Temporal SDK, console) into a string, for scans. */
export function captureOutput(): { text(): string; restore(): void } {
  let output = '';
  const writes = {
    out: process.stdout.write.bind(process.stdout),
    err: process.stderr.write.bind(process.stderr),
  };
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    output += String(chunk);
    return writes.out(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    output += String(chunk);
    return writes.err(chunk, ...rest);
  }) as typeof process.stderr.write;
  return {
    text: () => output,
    restore: () => {
      process.stdout.write = writes.out;
      process.stderr.write = writes.err;
    },
  };
}
