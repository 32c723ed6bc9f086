import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `generate` (see scripts/prisma-generate.mjs); migrations are
// applied by scripts/db-migrate.ts, which works offline where the CLI's native engine cannot.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
