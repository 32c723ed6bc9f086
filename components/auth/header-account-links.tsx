"use client";

import Link from "next/link";
import { NavLink } from "@/components/site/nav-link";
import { buttonVariants } from "@/components/ui/button";
import { SignOutButton } from "./sign-out-button";
import { useClientSession } from "./use-session";

/** Sign in / Sign up, or Dashboard / Sign out; an empty slot of the same size while it asks. */
export function HeaderAccountLinks() {
  const { data, isPending } = useClientSession();
  if (isPending) return <li aria-hidden className="h-8 w-36" />;
  if (data?.userId) {
    return (
      <>
        <li>
          <NavLink href="/dashboard">Dashboard</NavLink>
        </li>
        <li>
          <SignOutButton compact />
        </li>
      </>
    );
  }
  return (
    <>
      <li>
        <NavLink href="/sign-in">Sign in</NavLink>
      </li>
      <li>
        <Link href="/sign-up" className={buttonVariants({ size: "sm" })}>
          Sign up
        </Link>
      </li>
    </>
  );
}
