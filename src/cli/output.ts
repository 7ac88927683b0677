// Writes many lines to a stream in large chunks, waiting for the stream to drain (millions of rows stay cheap).

export interface Output {
  write(chunk: string): boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

const CHUNK = 1 << 16;

/** Writes each line plus a newline, buffered, honouring back-pressure. */
export async function writeLines(out: Output, lines: Iterable<string>): Promise<void> {
  let buffer = '';
  for (const line of lines) {
    buffer += line + '\n';
    if (buffer.length >= CHUNK) {
      const ok = out.write(buffer);
      buffer = '';
      if (!ok && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
    }
  }
  if (buffer) out.write(buffer);
}
