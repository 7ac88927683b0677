// Share links: the editor text, deflated and base64url-encoded into the URL's hash, so any browser can open
// the same lesson with the same text and no server is involved. The text is untrusted when it comes back.

/** Links longer than this are refused: chat tools and QR codes break long URLs. */
export const MAX_SHARE_URL = 8000;
const VERSION = '1';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The payload for a text: `1.` and the deflated text in base64url. */
export async function encodeShare(text: string): Promise<string> {
  const deflated = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return `${VERSION}.${toBase64Url(deflated)}`;
}

/** The text of a payload, or null when it is not one (a broken or tampered link). */
export async function decodeShare(payload: string): Promise<string | null> {
  const [version, data] = payload.split('.', 2);
  if (version !== VERSION || !data || !/^[A-Za-z0-9_-]+$/.test(data)) return null;
  try {
    const bytes = await pipe(fromBase64Url(data), new DecompressionStream('deflate-raw'));
    if (bytes.length > 4 * 1024 * 1024) return null;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The share URL of a route (`/lessons/<id>` or `/playground`) with a text. */
export async function shareUrl(base: string, routePath: string, text: string): Promise<{ url: string } | { tooLong: number }> {
  const url = `${base}#${routePath}?share=${await encodeShare(text)}`;
  return url.length > MAX_SHARE_URL ? { tooLong: url.length } : { url };
}
