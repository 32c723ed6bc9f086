import { ImageOff } from "lucide-react";
import Link from "next/link";
import type { RecentTask } from "@/lib/usage/recent";
import { cn } from "@/lib/utils/cn";

const stateTone: Record<string, string> = { success: "text-success", fail: "text-danger" };

const time = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The account's newest tasks with their first image, each linking to its detail. */
export function RecentTasks({ tasks }: { tasks: RecentTask[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-5" aria-label="Latest tasks">
      {tasks.map((t) => (
        <li key={t.id}>
          <Link href={`/dashboard/tasks/${t.id}`} className="group block space-y-2 rounded-xl border bg-card p-2 hover:border-primary/40" data-task-id={t.id}>
            <div className="flex aspect-square items-center justify-center overflow-hidden rounded-lg bg-muted">
              {t.thumbnailUrl ? (
                // Thumbnails are our own small WebP files: next/image would only resize them again.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={t.thumbnailUrl} alt={`Result of ${t.model}`} loading="lazy" className="size-full object-cover" />
              ) : (
                <ImageOff aria-hidden className="size-6 text-muted-foreground" />
              )}
            </div>
            <div className="space-y-0.5 px-1 text-xs">
              <p className="truncate font-medium text-foreground">{t.model}</p>
              <p className="text-muted-foreground">
                <span className={cn("font-medium", stateTone[t.state])}>{t.state}</span> · <time dateTime={t.createdAt}>{time(t.createdAt)} UTC</time>
              </p>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
