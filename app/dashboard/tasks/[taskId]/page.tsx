import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { TaskDetailView } from "@/components/tasklog/task-detail";
import { TaskStateBadge } from "@/components/tasklog/task-state-badge";
import { buttonVariants } from "@/components/ui/button";
import { requireUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { getTaskDetailOrThrow } from "@/lib/tasklog";
import { taskIdSchema } from "@/lib/tasks";
import { redeliverAction } from "./actions";

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
    </>
  );
}
