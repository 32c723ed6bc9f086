import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** Every variant the account has run in the playground, by name: the history page's filter options. */
export async function historyVariants(user: SessionUser): Promise<{ slug: string; displayName: string }[]> {
  const used = await db.playgroundPane.findMany({
    where: { run: { accountId: user.accountId } },
    distinct: ["variantSlug"],
    select: { variantSlug: true },
  });
  const slugs = used.map((p) => p.variantSlug);
  const names = new Map(
    (await db.variant.findMany({ where: { slug: { in: slugs } }, select: { slug: true, displayName: true } })).map((v) => [v.slug, v.displayName]),
  );
  return slugs
    .map((slug) => ({ slug, displayName: names.get(slug) ?? slug }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
