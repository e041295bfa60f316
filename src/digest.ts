// A fingerprint of bytes that spasm wrote or shipped, so that the same bytes
// need not be checked twice (the store's verified file, the built-in data).
// It only detects change: CRC-32 and the length, natively computed. It is
// not a security measure, and a miss could only skip a re-check: bytes that
// do not parse are still refused. (node:crypto would cost every command
// about twice as much to load.)
import { createRequire } from 'node:module';

const { crc32 } = createRequire(import.meta.url)('node:zlib') as { crc32(data: string | Uint8Array, value?: number): number };

/** The fingerprint of `parts` end to end (text counts as its UTF-8 bytes). */
export function fingerprint(...parts: (string | Uint8Array)[]): string {
  let crc = 0;
  let length = 0;
  for (const part of parts) {
    crc = crc32(part, crc);
    length += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
  }
  return `crc32:${crc.toString(16).padStart(8, '0')}:${length}`;
}
