// The share-link format, one place for the app (which makes and opens links) and `cks-lab grade --links`
// (which grades a file of them): the editor text deflated and base64url-encoded into the URL's hash,
// `BASE#/lessons/<id>?share=1.<data>`. Uses the web's CompressionStream, which browsers and Node 20 both have.

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

/** What a share link points at: a lesson (its id) or the playground, and the payload. */
export type ShareTarget = { page: 'lesson'; id: string; payload: string } | { page: 'playground'; payload: string };

/**
 * Reads a share link as the app makes it (`...#/lessons/<id>?share=1.xxx`, any base); null when the text holds
 * no share link. Only the hash is read, so a link copied from any host or path works.
 */
export function readShareLink(link: string): ShareTarget | null {
  const hash = link.trim().indexOf('#');
  if (hash < 0) return null;
  const [path = '', query = ''] = link.trim().slice(hash + 1).split('?', 2);
  const payload = new URLSearchParams(query).get('share');
  if (!payload) return null;
  const clean = path.replace(/\/+$/, '');
  if (clean === '/playground') return { page: 'playground', payload };
  const lesson = /^\/lessons\/([^/]+)$/.exec(clean);
  if (!lesson) return null;
  try {
    return { page: 'lesson', id: decodeURIComponent(lesson[1]!), payload };
  } catch {
    return null;
  }
}
