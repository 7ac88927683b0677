// `npm start`: builds the lab and serves it with `vite preview` on http://127.0.0.1:4173/. For a workshop,
// `npm start -- --lan` (or CKS_LAB_HOST=0.0.0.0 npm start) serves it on every network interface and prints the
// address the room opens: open the lab there, so share links and the QR code point at it, not at 127.0.0.1.
import { networkInterfaces } from 'node:os';
import { build, preview } from 'vite';

const PORT = 4173;

/** The machine's IPv4 addresses on the network, private ones (192.168/16, 10/8, 172.16/12) first. */
export function lanAddresses(interfaces = networkInterfaces()) {
  const addresses = Object.values(interfaces)
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
  const isPrivate = (ip) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip);
  return [...new Set(addresses)].sort((a, b) => Number(isPrivate(b)) - Number(isPrivate(a)));
}

const lan = process.argv.includes('--lan');
const host = process.env.CKS_LAB_HOST || (lan ? '0.0.0.0' : '127.0.0.1');

await build({ logLevel: 'warn' });
const server = await preview({ preview: { host, port: PORT, strictPort: true } });
server.printUrls();
if (host !== '127.0.0.1' && host !== 'localhost') {
  const addresses = host === '0.0.0.0' || host === '::' ? lanAddresses() : [host];
  if (addresses.length === 0) console.log('\n  No network address found: is this machine on a network?');
  for (const ip of addresses) console.log(`\n  For the room: http://${ip}:${PORT}/  (open the lab there, or set it as the address in the presenter console)`);
}
