import Link from "next/link";
import { formatUsd, MICROS_PER_CREDIT } from "@/lib/catalog/pricing";
import { LogoMark } from "./logo";

const groups = [
  {
    title: "Product",
    links: [
      { href: "/models", label: "Model catalog" },
      { href: "/playground", label: "Playground" },
      { href: "/status", label: "Status" },
    ],
  },
  {
    title: "Developers",
    links: [
      { href: "/docs", label: "Documentation" },
      { href: "/docs/api", label: "API reference" },
    ],
  },
  {
    title: "Legal",
    links: [
      { href: "/terms", label: "Terms of service" },
      { href: "/privacy", label: "Privacy policy" },
    ],
  },
] as const;

export function SiteFooter() {
  return (
    <footer className="mt-20 border-t">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm text-muted-foreground sm:px-6 md:grid-cols-[minmax(0,1.4fr)_minmax(0,2fr)]">
        <div className="max-w-sm space-y-2">
          <p className="flex items-center gap-2 font-semibold text-foreground">
            <LogoMark className="size-5" />
            Lumigate
          </p>
          <p>A self-hostable, pay-as-you-go gateway to image-generation models.</p>
          <p>Prices are per image, in US dollars and credits. One credit is {formatUsd(MICROS_PER_CREDIT)}.</p>
        </div>
        <nav aria-label="Footer" className="grid grid-cols-2 gap-6 sm:grid-cols-3">
          {groups.map((group) => (
            <div key={group.title} className="space-y-2">
              <h2 className="text-xs font-semibold tracking-wide text-foreground uppercase">{group.title}</h2>
              <ul className="space-y-1">
                {group.links.map((link) => (
                  <li key={link.href}>
                    {/* py-1 makes each link a comfortable tap target on a phone. */}
                    <Link href={link.href} className="inline-block rounded-sm py-1 hover:text-foreground">
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </div>
    </footer>
  );
}
