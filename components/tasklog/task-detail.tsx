import type { ComponentProps, ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { ledgerKindLabel } from "@/lib/billing/ledger-display";
import { formatUsd } from "@/lib/catalog/pricing";
import type { TaskDetail } from "@/lib/tasklog/detail";
import { formatLatency } from "@/lib/utils/duration";
import { sourceLabels } from "@/components/dashboard/filter-form";
import { dateTimeFormat } from "./format";
import { RedeliverButton } from "./redeliver-button";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-xl border border-dashed p-4 text-sm text-muted-foreground">{children}</p>;
}

function Time({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{dateTimeFormat.format(at)}</time>;
}

const holdStateLabels = { held: "Held", captured: "Captured", released: "Released" } as const;

/** The task's detail: what was asked, what happened when, where it ran, what it cost, what it made and who was told. */
export function TaskDetailView({ task, redeliver }: { task: TaskDetail; redeliver: ComponentProps<typeof RedeliverButton>["run"] }) {
  const { billing, callback } = task;
  return (
    <div className="space-y-8">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted-foreground">Model</dt>
        <dd className="font-mono text-xs break-all">
          {task.model}
          {task.modelRequested !== task.model && <span className="text-muted-foreground"> (requested as {task.modelRequested})</span>}
        </dd>
        <dt className="text-muted-foreground">Source</dt>
        <dd>
          {sourceLabels[task.source]} · {task.mode === "live" ? "Live" : "Test mode"}
          {task.simulated && <> · simulator</>}
        </dd>
        <dt className="text-muted-foreground">API key</dt>
        <dd>{task.key?.name ?? "None (dashboard)"}</dd>
        {task.failMsg && (
          <>
            <dt className="text-muted-foreground">Failure</dt>
            <dd>
              {task.failMsg} {task.failCode && <span className="font-mono text-xs text-muted-foreground">({task.failCode})</span>}
            </dd>
          </>
        )}
      </dl>

      <Section id="input" title="Input">
        <pre tabIndex={0} className="overflow-x-auto rounded-xl border bg-muted/40 p-4 font-mono text-xs leading-relaxed">
          {JSON.stringify(task.input, null, 2)}
        </pre>
      </Section>

      <Section id="timeline" title="Timeline">
        <ol className="space-y-2 text-sm">
          {task.timeline.map((step, i) => {
            const previous = task.timeline[i - 1];
            return (
              <li key={step.step} className="flex flex-wrap gap-x-3">
                <span className="w-40 font-medium">{step.label}</span>
                <Time at={step.at} />
                {previous && <span className="text-muted-foreground">+{formatLatency(step.at.getTime() - previous.at.getTime())}</span>}
              </li>
            );
          })}
        </ol>
      </Section>

      <Section id="route-attempts" title="Route attempts">
        {task.routeAttempts.length === 0 ? (
          <Empty>No upstream was tried.</Empty>
        ) : (
          <Table label="Route attempts">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Time (UTC)</TableHeaderCell>
                <TableHeaderCell>Upstream</TableHeaderCell>
                <TableHeaderCell>Outcome</TableHeaderCell>
                <TableHeaderCell className="text-right">Latency</TableHeaderCell>
                <TableHeaderCell>Message</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {task.routeAttempts.map((a) => (
                <TableRow key={a.id}>
                  <TableCell className="whitespace-nowrap">
                    <Time at={a.at} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {a.providerSlug}
                    {a.simulated && <span className="text-muted-foreground"> (simulator)</span>}
                  </TableCell>
                  <TableCell>
                    <Badge tone={a.outcome === "accepted" ? "success" : "warning"}>{a.outcome.replaceAll("_", " ")}</Badge>
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums">{formatLatency(a.latencyMs)}</TableCell>
                  <TableCell className="text-muted-foreground">{a.message ?? ""}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section id="billing" title="Billing">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted-foreground">Price</dt>
          <dd className="tabular-nums">{formatUsd(billing.priceMicros)}</dd>
          <dt className="text-muted-foreground">Charged</dt>
          <dd className="tabular-nums">{formatUsd(billing.chargedMicros)}</dd>
          <dt className="text-muted-foreground">Hold</dt>
          <dd>
            {billing.hold ? (
              <>
                {formatUsd(billing.hold.amountMicros)} · {holdStateLabels[billing.hold.state]}
                {billing.hold.capturedMicros !== null && <> {formatUsd(billing.hold.capturedMicros)}</>}
                {billing.hold.settledAt && (
                  <>
                    {" "}
                    at <Time at={billing.hold.settledAt} />
                  </>
                )}
              </>
            ) : (
              "None: test mode tasks hold nothing"
            )}
          </dd>
        </dl>
        {billing.ledger.length > 0 && (
          <Table label="Ledger entries">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Time (UTC)</TableHeaderCell>
                <TableHeaderCell>Entry</TableHeaderCell>
                <TableHeaderCell className="text-right">Balance change</TableHeaderCell>
                <TableHeaderCell className="text-right">Set aside change</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {billing.ledger.map((e) => (
                <TableRow key={e.id}>
                  <TableCell className="whitespace-nowrap">
                    <Time at={e.at} />
                  </TableCell>
                  <TableCell>{ledgerKindLabel(e.kind)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatUsd(e.amountMicros)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatUsd(e.reservedDeltaMicros)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section id="images" title="Images">
        {task.images.length === 0 ? (
          <Empty>{task.state === "success" ? "The images have expired." : "No images: the task did not succeed."}</Empty>
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {task.images.map((image) => (
              <li key={image.id}>
                <a href={image.url} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-xl border">
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own stored thumbnail */}
                  <img src={image.thumbnailUrl} alt={`Image ${image.position + 1}, ${image.width}×${image.height}`} className="aspect-square w-full object-cover" />
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="callback-deliveries" title="Callback deliveries">
        {callback ? (
          <>
            <p className="text-sm break-all">
              To <span className="font-mono text-xs">{callback.url}</span> · {callback.state}
              {callback.nextAttemptAt && callback.state === "pending" && (
                <>
                  {" "}
                  · next attempt <Time at={callback.nextAttemptAt} />
                </>
              )}
            </p>
            {callback.attempts.length === 0 ? (
              <Empty>No attempt yet.</Empty>
            ) : (
              <Table label="Callback attempts">
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>Attempt</TableHeaderCell>
                    <TableHeaderCell>Time (UTC)</TableHeaderCell>
                    <TableHeaderCell>Status code</TableHeaderCell>
                    <TableHeaderCell className="text-right">Latency</TableHeaderCell>
                    <TableHeaderCell>Result</TableHeaderCell>
                    <TableHeaderCell>Error</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {callback.attempts.map((a) => (
                    <TableRow key={a.attempt}>
                      <TableCell className="tabular-nums">{a.attempt}</TableCell>
                      <TableCell className="whitespace-nowrap">
                        <Time at={a.at} />
                      </TableCell>
                      <TableCell className="tabular-nums">{a.statusCode ?? "—"}</TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">{formatLatency(a.latencyMs)}</TableCell>
                      <TableCell>
                        <Badge tone={a.result === "delivered" ? "success" : "warning"}>{a.result.replaceAll("_", " ")}</Badge>
                      </TableCell>
                      <TableCell className="text-muted-foreground">{a.error ?? ""}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        ) : (
          <Empty>{task.callbackUrl ? "The callback is sent when the task ends." : "This task has no callback URL."}</Empty>
        )}
        <RedeliverButton run={redeliver} taskId={task.id} blocked={task.redeliverBlocked} />
      </Section>
    </div>
  );
}
