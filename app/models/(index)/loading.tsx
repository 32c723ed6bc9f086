import { Skeleton } from "@/components/ui/skeleton";

/** Stands in for the result count and cards, at their size, while the results load. */
export default function ModelsLoading() {
  return (
    <div className="space-y-4" aria-busy="true">
      <p className="sr-only" role="status">
        Loading models…
      </p>
      <Skeleton className="h-5 w-24" />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-hidden>
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i} className="flex h-44 flex-col gap-3 rounded-xl border bg-card p-4">
            <Skeleton className="h-3 w-24" />
            <Skeleton className="h-5 w-3/4" />
            <div className="flex gap-1.5">
              <Skeleton className="h-5 w-24 rounded-full" />
              <Skeleton className="h-5 w-12 rounded-full" />
            </div>
            <Skeleton className="mt-auto h-8 w-28" />
          </li>
        ))}
      </ul>
    </div>
  );
}
