import Link from "next/link";
import { formatUsd, MICROS_PER_CREDIT } from "@/lib/catalog";
import { LogoMark } from "./logo";

export function SiteFooter() {
  return (
    <footer className="mt-20 border-t">
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10 text-sm text-muted-foreground sm:flex-row sm:items-start sm:justify-between sm:px-6">
        <div className="max-w-sm space-y-2">
          <p className="flex items-center gap-2 font-semibold text-foreground">
            <LogoMark className="size-5" />
            Lumigate
          </p>
          <p>A self-hostable, pay-as-you-go gateway to image-generation models.</p>
        </div>
        <nav aria-label="Footer">
          <ul className="space-y-2">
            <li>
              <Link href="/models" className="rounded-sm hover:text-foreground">
                Model catalog
              </Link>
            </li>
            <li>
              <Link href="/docs" className="rounded-sm hover:text-foreground">
                Documentation
              </Link>
            </li>
            <li>
              <Link href="/docs/api" className="rounded-sm hover:text-foreground">
                API reference
              </Link>
            </li>
          </ul>
        </nav>
        <p className="max-w-xs">
          Prices are per image, in US dollars and credits. One credit is {formatUsd(MICROS_PER_CREDIT)}.
        </p>
      </div>
    </footer>
  );
}
