// An accessible bar chart without a chart library: an inline SVG named by its <title> and <desc> (the
// description states the total and the peak), and the same figures as a table for screen readers and
// keyboard users, folded in a <details>. Presentation attributes only: no inline styles (CSP).
export interface BarDatum {
  /** Machine-readable key, e.g. a YYYY-MM-DD day. */
  key: string;
  /** Short axis label ("8 Jan"). */
  label: string;
  /** Full label for the table and the bar's tooltip ("Tue 8 Jan 2030"). */
  longLabel: string;
  value: number;
  /** Further columns for the table only. */
  extra?: Record<string, number>;
}

interface BarChartProps {
  id: string;
  title: string;
  data: BarDatum[];
  /** What a bar counts, plural ("tickets"). */
  unit: string;
  /** Header of the label column in the table ("Day"). */
  labelHeader: string;
  valueHeader: string;
}

const HEIGHT = 220;
const TOP = 16;
const BOTTOM = 36;
const LEFT = 44;
const SLOT = 22;
const INK = '#17212b';
const MUTED = '#4b5563';
const BAR = '#0b5563';
const GRID = '#d3dbde';

export function BarChart({ id, title, data, unit, labelHeader, valueHeader }: BarChartProps) {
  const total = data.reduce((s, d) => s + d.value, 0);
  const peak = data.reduce<BarDatum | null>((p, d) => (!p || d.value > p.value ? d : p), null);
  const max = Math.max(1, peak?.value ?? 0);
  const width = LEFT + Math.max(data.length, 8) * SLOT + 8;
  const plot = HEIGHT - TOP - BOTTOM;
  const labelEvery = Math.max(1, Math.ceil(data.length / 12));
  const extraHeaders = Object.keys(data[0]?.extra ?? {});
  const description = data.length
    ? `${total} ${unit} from ${data[0]!.longLabel} to ${data.at(-1)!.longLabel}; the busiest was ${peak!.longLabel} with ${peak!.value}.`
    : `No ${unit} yet.`;
  const y = (v: number) => TOP + plot - (v / max) * plot;

  return (
    <figure className="flex flex-col gap-3">
      <div className="overflow-x-auto">
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width={width}
          height={HEIGHT}
          className="max-w-none"
          focusable="false"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line x1={LEFT} x2={width - 4} y1={y(max * f)} y2={y(max * f)} stroke={GRID} strokeWidth={1} />
              <text x={LEFT - 6} y={y(max * f) + 4} textAnchor="end" fontSize={11} fill={MUTED}>
                {Math.round(max * f)}
              </text>
            </g>
          ))}
          {data.map((d, i) => {
            const x = LEFT + i * SLOT;
            const top = y(d.value);
            return (
              <g key={d.key}>
                <rect x={x + 4} y={top} width={SLOT - 8} height={Math.max(0, TOP + plot - top)} fill={BAR} rx={2}>
                  <title>{`${d.longLabel}: ${d.value} ${unit}`}</title>
                </rect>
                {i % labelEvery === 0 ? (
                  <text x={x + SLOT / 2} y={HEIGHT - BOTTOM + 16} textAnchor="middle" fontSize={11} fill={INK}>
                    {d.label}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="text-sm text-muted">{description}</figcaption>
      <details>
        <summary className="cursor-pointer font-medium">Show the figures as a table</summary>
        <table className="mt-2 w-full max-w-xl border-collapse text-left text-[0.9375rem]">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pr-4">
                {labelHeader}
              </th>
              <th scope="col" className="py-1 pr-4 text-right">
                {valueHeader}
              </th>
              {extraHeaders.map((h) => (
                <th key={h} scope="col" className="py-1 pr-4 text-right">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.key} className="border-b border-line">
                <th scope="row" className="py-1 pr-4 font-normal">
                  <time dateTime={d.key}>{d.longLabel}</time>
                </th>
                <td className="py-1 pr-4 text-right tabular-nums">{d.value}</td>
                {extraHeaders.map((h) => (
                  <td key={h} className="py-1 pr-4 text-right tabular-nums">
                    {d.extra?.[h] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
