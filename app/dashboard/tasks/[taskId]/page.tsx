import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PinExampleButton } from "@/components/catalog/pin-example";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { TaskDetailView } from "@/components/tasklog/task-detail";
import { TaskStateBadge } from "@/components/tasklog/task-state-badge";
import { buttonVariants } from "@/components/ui/button";
import { requireUser } from "@/lib/auth";
import { getVariants, variantExamples } from "@/lib/catalog";
import { AppError } from "@/lib/errors";
import { getTaskDetailOrThrow } from "@/lib/tasklog";
import { taskIdSchema } from "@/lib/tasks";
import { pinExampleAction, redeliverAction } from "./actions";

export const metadata: Metadata = { title: "Task" };

type Props = { params: Promise<{ taskId: string }> };

export default async function TaskPage({ params }: Props) {
  const user = await requireUser();
  const parsed = taskIdSchema.safeParse((await params).taskId);
  if (!parsed.success) notFound();
  // Media paths are relative: the page is served from the origin that serves them.
  const task = await getTaskDetailOrThrow(user.accountId, parsed.data, "").catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });

  return (
    <>
      <PageHeader
        title={`Task ${task.id}`}
        description={<TaskStateBadge state={task.state} />}
        actions={
          <Link href="/dashboard/tasks" className={buttonVariants({ variant: "ghost", size: "sm" })}>
            <ArrowLeft aria-hidden />
            Tasks
          </Link>
        }
      />
      <TaskDetailView task={task} redeliver={redeliverAction} />
      {user.role === "admin" && task.images.length > 0 && <PinExamples variantSlug={task.model} images={task.images} />}
    </>
  );
}

/** Admins only: each delivered image can become the catalog example of the variant that made it. */
async function PinExamples({ variantSlug, images }: { variantSlug: string; images: { id: string; position: number; thumbnailUrl: string }[] }) {
  const [[variant], examples] = await Promise.all([getVariants([variantSlug]), variantExamples([variantSlug])]);
  if (!variant) return null;
  const current = examples.get(variantSlug);
  return (
    <section aria-labelledby="pin-title" className="mt-8 space-y-3">
      <h2 id="pin-title" className="text-lg font-semibold">
        Catalog example
      </h2>
      <p className="text-sm text-muted-foreground">
        Pin one of these images as the example shown on the {variant.displayName} page. The image is copied, so it stays when this task&apos;s images expire.
      </p>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {images.map((image) => (
          <li key={image.id} className="space-y-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- our own stored thumbnail */}
            <img src={image.thumbnailUrl} alt={`Image ${image.position + 1}`} className="aspect-square w-full rounded-xl border object-cover" />
            <PinExampleButton
              run={pinExampleAction}
              mediaId={image.id}
              variantSlug={variant.slug}
              variantName={variant.displayName}
              current={current ? { thumbnailUrl: current.thumbnailUrl, pinnedAt: current.pinnedAt.toISOString() } : null}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
