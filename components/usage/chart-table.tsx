import type { ReactNode } from "react";

type Column = { id: string; label: string };

/**
 * The numbers behind a chart as a table, visually hidden: a screen reader reads the table, while
 * the chart itself is hidden from it (an SVG of bars says nothing useful).
 */
export function ChartTable({
  caption,
  columns,
  rows,
  format,
}: {
  caption: string;
  columns: Column[];
  rows: ({ day: string } & Record<string, number | string>)[];
  format: (value: number) => ReactNode;
}) {
  // A table ignores the 1 px box of sr-only and would widen a phone's page: its wrapper takes it.
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            {columns.map((c) => (
              <th key={c.id} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.day}>
              <th scope="row">{row.day}</th>
              {columns.map((c) => (
                <td key={c.id}>{format(Number(row[c.id] ?? 0))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
