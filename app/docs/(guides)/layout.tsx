import type { ReactNode } from "react";
import { DocsNav } from "@/components/docs/docs-nav";
import { guides } from "@/lib/http/guides";

export default function DocsLayout({ children }: { children: ReactNode }) {
  const links = [
    { href: "/docs", title: "Overview" },
    ...guides("").map((g) => ({ href: `/docs/${g.slug}`, title: g.title })),
    { href: "/docs/api", title: "API reference" },
  ];
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6 lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10">
      <DocsNav links={links} />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
