import { formatCredits } from "@/lib/catalog";

/** "24 credits", "1 credit": formatCredits gives the bare number. */
export function creditsLabel(micros: number): string {
  const credits = formatCredits(micros);
  return `${credits} ${credits === "1" ? "credit" : "credits"}`;
}
