/**
 * RxDB's hash function. Uses Web Crypto where the page is a secure context, and FNV-1a elsewhere (a
 * plain-http server address on the network), where `crypto.subtle` is missing. The choice depends
 * only on the page's origin, and databases are per origin, so it never changes for one database.
 */
export async function hashForRxdb(input: string | ArrayBuffer | Blob): Promise<string> {
  const bytes = await toBytes(input);
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (subtle) {
    const digest = await subtle.digest('SHA-256', bytes);
    return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }
  return fnv1aBytes(bytes);
}

async function toBytes(input: string | ArrayBuffer | Blob): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  return new Uint8Array(await input.arrayBuffer());
}

/** FNV-1a of a string (UTF-8), 128 bits: four rounds with different seeds. */
export function fnv1a(input: string): string {
  return fnv1aBytes(new TextEncoder().encode(input));
}

function fnv1aBytes(bytes: Uint8Array): string {
  const seeds = [0x811c9dc5, 0x01000193, 0x6b43a9b5, 0x2f5a1c33];
  return seeds
    .map((seed) => {
      let hash = seed >>> 0;
      for (const byte of bytes) {
        hash ^= byte;
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
      return hash.toString(16).padStart(8, '0');
    })
    .join('');
}
