import Link from "next/link";
import { NavLink } from "@/components/site/nav-link";
import { buttonVariants } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth";
import { SignOutButton } from "./sign-out-button";

/**
 * Sign in / Sign up, or Dashboard / Sign out, decided on the server: the first HTML is already
 * right, with or without JavaScript. Reading the session makes every page that shows the header
 * render per request.
 */
export async function HeaderAccountLinks() {
  const user = await getCurrentUser();
  if (user) {
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
