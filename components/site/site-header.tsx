import Link from "next/link";
import { HeaderAccountLinks } from "@/components/auth/header-account-links";
import { DemoBanner } from "./demo-banner";
import { LogoMark } from "./logo";
import { NavLink } from "./nav-link";
import { ThemeToggle } from "./theme-toggle";

/** The demo banner sits above the sticky bar, so it scrolls away instead of covering the page. */
export function SiteHeader() {
  return (
    <>
      <DemoBanner />
      <header className="sticky top-0 z-40 border-b bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-2 px-3 sm:gap-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 rounded-md text-base font-semibold tracking-tight">
            <LogoMark />
            {/* On a phone the mark alone leaves room for every nav link; the name stays for screen readers. */}
            <span className="sr-only sm:not-sr-only">Lumigate</span>
          </Link>
          <nav aria-label="Main">
            <ul className="flex items-center gap-0.5 sm:gap-1">
              <li>
                <NavLink href="/models">Models</NavLink>
              </li>
              <li>
                <NavLink href="/playground">Playground</NavLink>
              </li>
              {/* Phones lack the width for every link; the footer links the docs there. */}
              <li className="hidden sm:block">
                <NavLink href="/docs">Docs</NavLink>
              </li>
              <HeaderAccountLinks />
              <li>
                <ThemeToggle />
              </li>
            </ul>
          </nav>
        </div>
      </header>
    </>
  );
}
