// Share links: the editor text, deflated and base64url-encoded into the URL's hash, so any browser can open
// the same lesson with the same text and no server is involved. The text is untrusted when it comes back.
// The format itself lives in src/core/share-payload.ts (the CLI grades files of these links too).
import { encodeShare } from '../../core/index';

export { encodeShare, decodeShare } from '../../core/index';

/** Links longer than this are refused: chat tools and QR codes break long URLs. */
export const MAX_SHARE_URL = 8000;

/** The share URL of a route (`/lessons/<id>` or `/playground`) with a text. */
export async function shareUrl(base: string, routePath: string, text: string): Promise<{ url: string } | { tooLong: number }> {
  const url = `${base}#${routePath}?share=${await encodeShare(text)}`;
  return url.length > MAX_SHARE_URL ? { tooLong: url.length } : { url };
}
