import { PageSkeleton } from "@/components/dashboard/page-skeleton";

export default function AdminLoading() {
  return <PageSkeleton />;
}
