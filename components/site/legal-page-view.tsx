import { BlocksView } from "@/components/docs/guide-view";
import type { Block } from "@/lib/docs/blocks";

/** A terms or privacy page: the operator's Markdown, or the default, which says that it is one. */
export function LegalPageView({ title, blocks, isDefault }: { title: string; blocks: Block[]; isDefault: boolean }) {
  return (
    <article className="mx-auto max-w-3xl min-w-0 space-y-4 px-4 py-10 sm:px-6" data-source={isDefault ? "default" : "operator"}>
      <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
      <BlocksView blocks={blocks} />
    </article>
  );
}
