import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "@/components/docs/api-reference";
import { scalarBundle } from "@/lib/docs/scalar";

export const metadata: Metadata = {
  title: "API reference",
  description: "Every Lumigate endpoint with its parameters, ranges, defaults, answers and errors.",
};

export default async function ApiReferencePage() {
  const { version } = await scalarBundle();
  return (
    <div>
      <nav aria-label="Breadcrumb" className="mx-auto max-w-6xl px-4 pt-6 text-sm text-muted-foreground sm:px-6">
        <Link href="/docs" className="font-medium text-primary underline underline-offset-2">
          Docs
        </Link>{" "}
        / API reference ·{" "}
        <a href="/api/v1/openapi.json" className="font-medium text-primary underline underline-offset-2">
          openapi.json
        </a>
      </nav>
      <ApiReference scriptSrc={`/docs/api/scalar.js?v=${version}`} specUrl="/api/v1/openapi.json" />
    </div>
  );
}
