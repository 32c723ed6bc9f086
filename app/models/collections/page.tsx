import type { Metadata } from "next";
import Link from "next/link";
import { collections } from "@/lib/catalog/collections";

export const metadata: Metadata = {
  title: "Model collections",
  description: "Image-generation models grouped by what they are best at: speed, price, text in images, editing and what is new.",
  alternates: { canonical: "/models/collections" },
};

export default function CollectionsPage() {
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-10 sm:px-6">
      <div className="max-w-2xl space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight">Collections</h1>
        <p className="text-muted-foreground">Models grouped by what they are best at, from the catalog and its last 7 days of runs.</p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {collections.map((c) => (
          <li key={c.slug}>
            <article className="relative flex h-full flex-col gap-2 rounded-xl border bg-card p-4 shadow-xs transition-colors hover:border-primary/50 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-ring">
              <h2 className="text-base font-semibold">
                <Link
                  href={`/models/collections/${c.slug}`}
                  className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
                >
                  {c.title}
                </Link>
              </h2>
              <p className="text-sm text-muted-foreground">{c.why}</p>
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
