/**
 * One spelling per inbox, for the once-per-address sign-up credit: lower case, the plus tag gone
 * (user+anything@ reaches user@ at nearly every provider), and at Gmail the dots too
 * (f.o.o@gmail.com is foo@gmail.com) with googlemail.com as gmail.com. Sign-in keeps the address
 * as typed; only the grant looks at this.
 */
export function canonicalEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at <= 0) return lower;
  let local = lower.slice(0, at).split("+")[0]!;
  let domain = lower.slice(at + 1);
  if (domain === "googlemail.com") domain = "gmail.com";
  if (domain === "gmail.com") local = local.replaceAll(".", "");
  return `${local || lower.slice(0, at)}@${domain}`;
}
