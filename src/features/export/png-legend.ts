// The graph as PNG with its legend drawn underneath, so a picture in slides or a bug report still says what the
// colours and dashes mean. The legend is read from the page (the one under the graph, in the page's language and
// colours) and drawn on a canvas below Cytoscape's image.

interface LegendEntry {
  text: string;
  muted: boolean;
  swatch: { kind: string; color: string; style: string } | null;
}

/** The legend's entries as shown on the page. */
function readLegend(legend: HTMLElement): LegendEntry[] {
  return [...legend.querySelectorAll<HTMLElement>('.legend-item')].map((item) => {
    const swatch = item.querySelector<HTMLElement>('.swatch');
    const css = swatch ? getComputedStyle(swatch) : null;
    const kind = swatch ? ([...swatch.classList].find((c) => c !== 'swatch') ?? '') : '';
    return {
      text: (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
      muted: item.classList.contains('muted'),
      swatch: css ? { kind, color: css.borderTopColor, style: css.borderTopStyle } : null,
    };
  });
}

function drawSwatch(ctx: CanvasRenderingContext2D, s: NonNullable<LegendEntry['swatch']>, x: number, y: number, w: number, u: number, should: string): void {
  ctx.save();
  ctx.strokeStyle = s.color;
  ctx.lineWidth = 3 * u;
  if (s.kind === 'isolated') {
    // A double border, as a pod isolated in both directions is drawn.
    ctx.lineWidth = 1.2 * u;
    ctx.strokeRect(x + 2 * u, y - 7 * u, w - 4 * u, 14 * u);
    ctx.strokeRect(x + 4.5 * u, y - 4.5 * u, w - 9 * u, 9 * u);
  } else {
    if (s.kind === 'should') {
      ctx.fillStyle = should;
      ctx.globalAlpha = 0.45;
      ctx.fillRect(x, y - 5 * u, w, 10 * u);
      ctx.globalAlpha = 1;
    }
    if (s.style === 'dashed') ctx.setLineDash([5 * u, 3 * u]);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + w, y);
    ctx.stroke();
  }
  ctx.restore();
}

/** Cytoscape's PNG with the legend under it; the image alone when there is no legend or no canvas. */
export async function withLegend(graph: Blob, legend: HTMLElement | null, scale: number, bg: string): Promise<Blob> {
  const entries = legend ? readLegend(legend) : [];
  if (entries.length === 0 || typeof createImageBitmap !== 'function') return graph;
  const image = await createImageBitmap(graph);
  const css = getComputedStyle(legend!);
  const root = getComputedStyle(document.body);
  const text = css.color || '#0f172a';
  const muted = root.getPropertyValue('--muted').trim() || text;
  const should = root.getPropertyValue('--should').trim() || '#d97706';
  const font = root.getPropertyValue('font-family') || 'sans-serif';

  const u = scale;
  const pad = 12 * u;
  const swatchW = 24 * u;
  const lineH = 22 * u;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return graph;
  ctx.font = `${13 * u}px ${font}`;
  // Lay the entries out in rows as wide as the image (at least a readable width).
  const width = Math.max(image.width, 480 * u);
  const rows: { entry: LegendEntry; x: number }[][] = [[]];
  let x = pad;
  for (const entry of entries) {
    const w = (entry.swatch ? swatchW + 6 * u : 0) + ctx.measureText(entry.text).width;
    if (x > pad && x + w > width - pad) {
      rows.push([]);
      x = pad;
    }
    rows[rows.length - 1]!.push({ entry, x });
    x += w + 18 * u;
  }
  const legendH = pad * 2 + rows.length * lineH;
  canvas.width = width;
  canvas.height = image.height + legendH;
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, Math.round((width - image.width) / 2), 0);
  ctx.strokeStyle = css.borderTopColor || muted;
  ctx.lineWidth = 1 * u;
  ctx.beginPath();
  ctx.moveTo(0, image.height + 0.5 * u);
  ctx.lineTo(width, image.height + 0.5 * u);
  ctx.stroke();
  ctx.font = `${13 * u}px ${font}`;
  ctx.textBaseline = 'middle';
  rows.forEach((row, r) => {
    const y = image.height + pad + r * lineH + lineH / 2;
    for (const { entry, x: at } of row) {
      let tx = at;
      if (entry.swatch) {
        drawSwatch(ctx, entry.swatch, at, y, swatchW, u, should);
        tx += swatchW + 6 * u;
      }
      ctx.fillStyle = entry.muted ? muted : text;
      ctx.fillText(entry.text, tx, y);
    }
  });
  image.close();
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? graph), 'image/png'));
}
