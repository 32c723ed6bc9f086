import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/email-link-forms";
import { Card } from "@/components/ui/card";
import { mailAvailable } from "@/lib/mail";
import { requestReset } from "../email-links";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Reset your password</h1>
        <p className="text-sm text-muted-foreground">We mail you a link to choose a new one.</p>
      </div>
      <Card className="p-6">
        {mailAvailable ? (
          <ForgotPasswordForm request={requestReset} />
        ) : (
          <div className="space-y-3 text-sm">
            <p>This Lumigate instance has no email set up, so it cannot send you a reset link.</p>
            <p>
              Ask its operator to set a new password for you with{" "}
              <code className="font-mono text-[0.9em]">npm run cli -- users:password you@example.com &apos;new password&apos;</code>.
            </p>
          </div>
        )}
      </Card>
      <p className="text-center text-sm text-muted-foreground">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-primary underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </>
  );
}
