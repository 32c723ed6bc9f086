import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

// Rendered inside this segment's layout, which names the slug and the closest models above it
// (a not-found file cannot read the URL's params).
export default function ModelNotFound() {
  return (
    <div className="space-y-4">
      <p className="text-muted-foreground">
        The link may be old or the name mistyped, or the model is no longer in the catalog. Every model is listed in the
        catalog, by family.
      </p>
      <Link href="/models" className={buttonVariants()}>
        Browse all models
        <ArrowRight aria-hidden />
      </Link>
    </div>
  );
}
