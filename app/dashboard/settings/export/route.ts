import { accountExportStream } from "@/lib/account";
import { getCurrentUser } from "@/lib/auth";
import { baseUrlOf } from "@/lib/http/base-url";

// GET /dashboard/settings/export – everything the signed-in account holds, as a JSON download.
export async function GET(req: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) {
    return new Response("Your session has ended. Sign in again to export your data.\n", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(accountExportStream(user, baseUrlOf(req)), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="lumigate-account-${day}.json"`,
      "cache-control": "no-store",
    },
  });
}
