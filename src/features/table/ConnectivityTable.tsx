// Every verdict as an accessible table: real <table>, header cells, filter, keyboard navigation.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLab } from '../../store/lab-store';
import { selectNetpol, selectSelectedEdge } from '../../store/selectors';
import { useStrings } from '../i18n/useStrings';

interface Row {
  key: string;
  from: string;
  to: string;
  port: number;
  protocol: string;
  allowed: boolean;
  expected: 'allowed' | 'denied' | null;
}

const MAX_ROWS = 2000;

export function ConnectivityTable({ active }: { active: boolean }) {
  const t = useStrings();
  const result = useLab(selectNetpol);
  const selected = useLab(selectSelectedEdge);
  const [filter, setFilter] = useState('');
  const [verdict, setVerdict] = useState<'all' | 'allowed' | 'denied'>('all');
  const body = useRef<HTMLTableSectionElement>(null);

  // Rows are built with the filter applied and stop at MAX_ROWS, so a 500-pod playground stays responsive;
  // lesson-sized tables are complete whether or not the tab is showing.
  const { shown, total, truncated } = useMemo(() => {
    if (!result) return { shown: [] as Row[], total: 0, truncated: false };
    const { connectivity, cluster, grade } = result;
    const total = connectivity.counts().rows;
    if (!active && total > MAX_ROWS) return { shown: [] as Row[], total, truncated: true };
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    const eps = cluster.endpoints;
    const out: Row[] = [];
    for (const { from: s, to: d, probe: g } of connectivity.cells()) {
      const probe = connectivity.probes[g]!;
      const allowed = connectivity.verdict(s, d, g).allowed;
      if (verdict !== 'all' && (verdict === 'allowed') !== allowed) continue;
      const from = eps[s]!.id;
      const to = eps[d]!.id;
      if (words.length > 0 && !words.every((w) => `${from} ${to} ${probe.port} ${probe.protocol}`.toLowerCase().includes(w))) continue;
      if (out.length === MAX_ROWS) return { shown: out, total, truncated: true };
      out.push({
        key: `${from}>${to}:${probe.port}/${probe.protocol}`,
        from,
        to,
        port: probe.port,
        protocol: probe.protocol,
        allowed,
        expected: grade?.expected(eps[s]!, eps[d]!, probe, allowed ? 'allowed' : 'denied') ?? null,
      });
    }
    return { shown: out, total, truncated: false };
  }, [result, filter, verdict, active]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, row: Row) => {
    const tr = e.currentTarget;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling) as HTMLElement | null;
      next?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const rowsEls = body.current?.querySelectorAll<HTMLElement>('tr');
      rowsEls?.[e.key === 'Home' ? 0 : rowsEls.length - 1]?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      useLab.getState().selectEdge({ from: row.from, to: row.to });
    }
  };

  return (
    <div className="table-view">
      <div className="table-filters">
        <label>
          {t.filter}{' '}
          <input type="search" value={filter} placeholder={t.filterPlaceholder} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <div role="radiogroup" aria-label={t.tableVerdict} className="segmented">
          {(['all', 'allowed', 'denied'] as const).map((v) => (
            <button key={v} type="button" role="radio" aria-checked={verdict === v} className={verdict === v ? 'on' : ''} onClick={() => setVerdict(v)}>
              {v === 'all' ? t.verdictAll : v === 'allowed' ? t.verdictAllowed : t.verdictDenied}
            </button>
          ))}
        </div>
        <span className="muted" data-testid="table-count">
          {truncated ? t.tableTruncated(MAX_ROWS) : t.tableRows(shown.length, total)}
        </span>
      </div>
      <div className="table-scroll">
        <table data-testid="connectivity-table" className="connectivity">
          <caption className="visually-hidden">{t.tableTab}</caption>
          <thead>
            <tr>
              <th scope="col">{t.tableFrom}</th>
              <th scope="col">{t.tableTo}</th>
              <th scope="col">{t.tablePort}</th>
              <th scope="col">{t.tableVerdict}</th>
              <th scope="col">{t.tableExpected}</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {shown.map((r) => (
              <tr
                key={r.key}
                tabIndex={0}
                data-from={r.from}
                data-to={r.to}
                data-port={r.port}
                data-protocol={r.protocol}
                data-verdict={r.allowed ? 'allowed' : 'denied'}
                aria-selected={selected?.from === r.from && selected.to === r.to}
                className={r.expected && r.expected !== (r.allowed ? 'allowed' : 'denied') ? 'mismatch' : undefined}
                onClick={() => useLab.getState().selectEdge({ from: r.from, to: r.to })}
                onKeyDown={(e) => onKeyDown(e, r)}
              >
                <th scope="row">{r.from}</th>
                <td>{r.to}</td>
                <td>
                  {r.protocol} {r.port}
                </td>
                <td className={`verdict ${r.allowed ? 'allowed' : 'denied'}`}>{r.allowed ? `✓ ${t.allowed}` : `✗ ${t.denied}`}</td>
                <td>{r.expected ? (r.expected === 'allowed' ? t.allowed : t.denied) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
