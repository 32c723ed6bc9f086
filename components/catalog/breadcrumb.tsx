import { ChevronRight } from "lucide-react";
import Link from "next/link";

/** The catalog's trail above a family or variant page; the last step is the page itself. */
export function Breadcrumb({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-1 text-sm text-muted-foreground">
        {trail.map((step, i) => (
          <li key={step.href} className="flex items-center gap-1">
            {i > 0 && <ChevronRight aria-hidden className="size-3.5" />}
            <Link href={step.href} className="rounded-sm hover:text-foreground">
              {step.label}
            </Link>
          </li>
        ))}
        <li className="flex min-w-0 items-center gap-1">
          <ChevronRight aria-hidden className="size-3.5" />
          <span aria-current="page" className="truncate text-foreground">
            {current}
          </span>
        </li>
      </ol>
    </nav>
  );
}
