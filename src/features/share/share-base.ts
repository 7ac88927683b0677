// The base URL of share links and the QR code. The presenter may set one (the lab's LAN address) so that a
// link made on a lab opened at 127.0.0.1 still opens on the room's laptops; without one, the page's own address.

/** A base URL as typed (`192.168.1.20:4173`, `http://lab.local/cks/`), made absolute; null when it is none. */
export function normalizeBase(input: string): string | null {
  const text = input.trim();
  // Browsers differ on odd hosts (Chromium percent-encodes a space in one): accept plain host names and IPs only.
  if (!text || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return null;
  // The route and the text go after `#`: any hash or query typed with the address is dropped.
  return `${url.origin}${url.pathname}`;
}

/** The base share links use: the one set (when valid), else the page's address without its hash. */
export function effectiveBase(saved: string, here: { origin: string; pathname: string }): string {
  return normalizeBase(saved) ?? `${here.origin}${here.pathname}`;
}

/** Does the base point at this machine only (`localhost`, `127.x.x.x`, `::1`, `0.0.0.0`)? The room cannot open it. */
export function isLocalBase(base: string): boolean {
  let host: string;
  try {
    host = new URL(base).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]' || host === '0.0.0.0' || host === '[::]';
}
