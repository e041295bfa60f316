// A fingerprint of text that spasm wrote or shipped, so that the same bytes
// need not be checked twice (the store's verified file, the built-in data).
// It only detects change: CRC-32 and the length, natively computed. It is
// not a security measure, and a miss could only skip a re-check: bytes that
// do not parse are still refused. (node:crypto would cost every command
// about twice as much to load.)
import { createRequire } from 'node:module';

const { crc32 } = createRequire(import.meta.url)('node:zlib') as { crc32(data: string): number };

export function fingerprint(text: string): string {
  return `crc32:${crc32(text).toString(16).padStart(8, '0')}:${Buffer.byteLength(text)}`;
}
