// One entry of a graph legend: a swatch (allowed, denied, mixed, should, isolated) and its words.
import type { ReactNode } from 'react';
export function LegendItem({ swatch, children }: { swatch?: string; children: ReactNode }) {
  return (
    <span className="legend-item">
      {swatch && <span className={`swatch ${swatch}`} aria-hidden="true" />}
      {children}
    </span>
  );
}
