import { cn } from "@/lib/utils/cn";

/** The Lumigate mark: a gate with a spark of light inside. Same drawing as app/icon.svg. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn("size-7 shrink-0", className)}>
      <rect width="32" height="32" rx="8" fill="#5b3fd6" />
      <path
        d="M9.5 25V15.5a6.5 6.5 0 0 1 13 0V25"
        fill="none"
        stroke="#fff"
        strokeWidth="2.5"
        strokeLinecap="round"
      />
      <path d="M16 12.2l1.1 2.7 2.7 1.1-2.7 1.1-1.1 2.7-1.1-2.7-2.7-1.1 2.7-1.1z" fill="#ffd86b" />
    </svg>
  );
}
