// A fingerprint of text that spasm shipped (the built-in data files), so that
// the same text need not be checked twice: scripts/compile-schemas.mjs
// records it for each file its schema passed. It only detects change: 32-bit
// FNV-1a over the UTF-16 code units, and the length. Not a security measure,
// and a miss could only skip a re-check. In plain code on purpose: node:zlib's
// CRC-32 would load Node's streams, which cost more than these few kilobytes.
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `fnv1a:${(hash >>> 0).toString(16).padStart(8, '0')}:${text.length}`;
}
