"use client";

import { RotateCcw } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonVariants } from "@/components/ui/button";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  // Server errors reach the browser with only a digest, which matches the server's log line.
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;

  return (
    <div className="mx-auto flex max-w-xl flex-col items-start gap-6 px-4 py-20 sm:px-6">
      <div className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="text-muted-foreground">
          This page could not be loaded. It is usually temporary; try again, and if it keeps happening, the server log
          has the details.
        </p>
        {digest && (
          <p className="text-sm text-muted-foreground">
            Reference: <code className="font-mono">{digest}</code>
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button onClick={retry}>
          <RotateCcw aria-hidden />
          Try again
        </Button>
        <Link href="/models" className={buttonVariants({ variant: "ghost" })}>
          Browse models
        </Link>
      </div>
    </div>
  );
}
