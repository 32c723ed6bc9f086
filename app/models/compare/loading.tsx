import { Skeleton } from "@/components/ui/skeleton";

/** Stands in for the heading and the comparison table while the variants and their figures load. */
export default function CompareLoading() {
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-10 sm:px-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the comparison…
      </p>
      <Skeleton className="h-9 w-64" />
      <Skeleton className="h-5 w-full max-w-xl" />
      <Skeleton className="h-96 w-full rounded-xl" />
    </div>
  );
}
