import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex justify-center bg-gradient-to-b from-accent/50 to-background px-4 py-12 sm:py-20">
      <div className="w-full max-w-sm space-y-6">{children}</div>
    </div>
  );
}
