import Link from "next/link";
import { HeaderAccountLinks } from "@/components/auth/header-account-links";
import { DemoBanner } from "./demo-banner";
import { LogoMark } from "./logo";
import { NavLink } from "./nav-link";

/** The demo banner sits above the sticky bar, so it scrolls away instead of covering the page. */
export function SiteHeader() {
  return (
    <>
      <DemoBanner />
      <header className="sticky top-0 z-40 border-b bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 rounded-md text-base font-semibold tracking-tight">
            <LogoMark />
            Lumigate
          </Link>
          <nav aria-label="Main">
            <ul className="flex items-center gap-1">
              <li>
                <NavLink href="/models">Models</NavLink>
              </li>
              <HeaderAccountLinks />
            </ul>
          </nav>
        </div>
      </header>
    </>
  );
}
