import { Skeleton } from "@/components/ui/skeleton";

export default function PlaygroundHistoryLoading() {
  return (
    <div role="status" aria-label="Loading your runs" className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-20" />
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="flex gap-4 rounded-xl border p-4">
          <Skeleton className="size-16" />
          <Skeleton className="size-16" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-4 w-1/3" />
          </div>
        </div>
      ))}
    </div>
  );
}
