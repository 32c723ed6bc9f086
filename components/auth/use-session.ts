"use client";

import { useQuery } from "@tanstack/react-query";

export const sessionQueryKey = ["auth-session"] as const;

type ClientSession = { userId?: string; user?: { email?: string | null; name?: string | null } };

/**
 * Whether someone is signed in, asked of next-auth from the browser: pages that show it stay
 * static instead of reading cookies on the server. It answers `{}` when signed out.
 */
export function useClientSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async (): Promise<ClientSession> => {
      const response = await fetch("/api/auth/session", { cache: "no-store" });
      if (!response.ok) throw new Error(`session: HTTP ${response.status}`);
      return (await response.json()) as ClientSession;
    },
  });
}
