import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatUsd } from "@/lib/catalog/pricing";
import type { ModelFigures } from "@/lib/usage/figures";
import { formatLatency } from "@/lib/utils/duration";
import { formatRate } from "./format";

/** Per model over the range: tasks, outcomes, latency of the successful ones (submitted to finished) and spend. */
export function ModelTable({ models }: { models: ModelFigures[] }) {
  return (
    <Table label="Usage per model">
      <TableHead>
        <TableRow>
          <TableHeaderCell>Model</TableHeaderCell>
          <TableHeaderCell className="text-right">Tasks</TableHeaderCell>
          <TableHeaderCell className="text-right">Success rate</TableHeaderCell>
          <TableHeaderCell className="text-right">p50 latency</TableHeaderCell>
          <TableHeaderCell className="text-right">p95 latency</TableHeaderCell>
          <TableHeaderCell className="text-right">Spend</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {models.map((m) => (
          <TableRow key={m.model} data-model={m.model}>
            <TableHeaderCell scope="row" className="font-medium whitespace-normal text-foreground">
              {m.label}
              <span className="block font-mono text-xs font-normal text-muted-foreground">{m.model}</span>
            </TableHeaderCell>
            <TableCell className="text-right tabular-nums" data-testid="model-tasks">
              {m.tasks.toLocaleString("en-US")}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatRate(m.successRate)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatLatency(m.p50Ms)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatLatency(m.p95Ms)}</TableCell>
            <TableCell className="text-right tabular-nums" data-testid="model-spend">
              {formatUsd(m.spendMicros)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
