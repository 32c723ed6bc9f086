"use client";

import { CodeBlock } from "@/components/ui/code-block";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { paneSnippets, type PaneSnippets } from "@/lib/playground/code";
import type { PaneView } from "@/lib/playground/contract";

const tabs: { value: keyof PaneSnippets; label: string; copyLabel: string; about: string }[] = [
  {
    value: "curl",
    label: "curl",
    copyLabel: "curl command",
    about: "The task API from a shell: createTask with this pane's exact input, then recordInfo every 3 s until it ends.",
  },
  {
    value: "openai",
    label: "OpenAI SDK",
    copyLabel: "OpenAI SDK code",
    about:
      "The official openai package pointed at this instance; it waits for the image. Parameters it cannot send are named in a comment. Node 18 or later, as an ES module (save it as .mjs).",
  },
  {
    value: "taskApi",
    label: "Task API",
    copyLabel: "Task API code",
    about: "JavaScript fetch: createTask with this pane's exact input, then poll recordInfo until it succeeds or fails. Node 18 or later, as an ES module (save it as .mjs).",
  },
];

const codeClass = "font-mono text-[0.9em] text-foreground";

/** One pane's request as code to copy; the key is read from LUMIGATE_API_KEY in every snippet. */
export function CopyAsCodeDialog({
  pane,
  baseUrl,
  open,
  onOpenChange,
}: {
  pane: PaneView;
  baseUrl: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const snippets = paneSnippets(pane, baseUrl);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Copy as code"
        description={snippets ? `The request ${pane.variant?.displayName ?? "this pane"} ran, to send from your own code.` : undefined}
        className="sm:max-w-3xl"
      >
        {snippets ? (
          <div className="space-y-3">
            <Tabs defaultValue="curl">
              <TabsList aria-label="Language">
                {tabs.map((t) => (
                  <TabsTrigger key={t.value} value={t.value}>
                    {t.label}
                  </TabsTrigger>
                ))}
              </TabsList>
              {tabs.map((t) => (
                <TabsContent key={t.value} value={t.value} className="space-y-2">
                  <p className="text-sm text-muted-foreground">{t.about}</p>
                  <CodeBlock code={snippets[t.value]} label={t.copyLabel} className="max-h-[55dvh] overflow-y-auto" />
                </TabsContent>
              ))}
            </Tabs>
            <p className="text-sm text-muted-foreground">
              Set <code className={codeClass}>LUMIGATE_API_KEY</code> to one of your keys first (Dashboard, Keys). A test key
              runs the same request free on the simulator.
            </p>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">
            This is a blind comparison: the code would tell which model made this image, so it is shown after you pick a
            winner.
          </p>
        )}
      </DialogContent>
    </Dialog>
  );
}
