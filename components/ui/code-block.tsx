import { cn } from "@/lib/utils/cn";
import { CopyButton } from "./copy-button";

/** Preformatted code with a copy button; `label` names what is copied ("curl example"). */
export function CodeBlock({ code, label, className }: { code: string; label: string; className?: string }) {
  return (
    <div className={cn("overflow-hidden rounded-xl border bg-code text-code-foreground", className)}>
      <div className="flex items-center justify-between gap-2 border-b border-white/10 px-4 py-2">
        <span className="text-xs text-code-foreground/70">{label}</span>
        <CopyButton
          text={code}
          label={label}
          className="border-white/15 bg-white/5 text-code-foreground hover:bg-white/10"
        />
      </div>
      <pre tabIndex={0} className="overflow-x-auto p-4 font-mono text-[13px] leading-relaxed">
        <code>{code}</code>
      </pre>
    </div>
  );
}
