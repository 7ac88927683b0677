// Parses probe lists such as `80,53/UDP,8000-8002/tcp` (protocol defaults to TCP, any case).
import type { Probe, Protocol } from './model';

const ENTRY = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/([A-Za-z]+))?$/;

/** Parses a comma-separated probe list; returns the probes or an error message. */
export function parseProbeList(text: string): { probes: Probe[] } | { error: string } {
  const probes: Probe[] = [];
  const seen = new Set<string>(); // a port named twice is one probe
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const m = ENTRY.exec(entry);
    if (!m) return { error: `"${entry}" is not a port, port/PROTOCOL or first-last/PROTOCOL (for example 80, 53/UDP, 8000-8002/TCP)` };
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    const protocol = (m[3] ?? 'TCP').toUpperCase();
    if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') {
      return { error: `"${entry}": protocol ${m[3]} is not TCP, UDP or SCTP` };
    }
    if (first < 1 || first > 65535 || last < 1 || last > 65535) return { error: `"${entry}": ports must be within 1-65535` };
    if (last < first) return { error: `"${entry}": the range ends before it starts` };
    for (let port = first; port <= last; port++) {
      const key = `${port}/${protocol}`;
      if (seen.has(key)) continue;
      seen.add(key);
      probes.push({ port, protocol: protocol as Protocol });
    }
  }
  return { probes };
}
