import { Skeleton } from "@/components/ui/skeleton";

export default function PlaygroundLoading() {
  return (
    <div role="status" aria-label="Loading the playground" className="mx-auto max-w-7xl space-y-6 px-4 pt-8 sm:px-6">
      <Skeleton className="h-8 w-40" />
      <div className="grid gap-6 md:grid-cols-[16rem_minmax(0,1fr)] lg:grid-cols-[18rem_minmax(0,1fr)]">
        <Skeleton className="hidden h-96 md:block" />
        <div className="space-y-6">
          <Skeleton className="h-24" />
          <div className="grid gap-4 md:grid-cols-2">
            <Skeleton className="aspect-square" />
            <Skeleton className="aspect-square" />
          </div>
        </div>
      </div>
    </div>
  );
}
