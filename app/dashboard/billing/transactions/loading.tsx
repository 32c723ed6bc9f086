import { Skeleton } from "@/components/ui/skeleton";

export default function TransactionsLoading() {
  return (
    <div role="status" aria-label="Loading transactions" className="space-y-6">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-32 md:w-1/2" />
      <Skeleton className="h-16" />
      <Skeleton className="h-96" />
    </div>
  );
}
