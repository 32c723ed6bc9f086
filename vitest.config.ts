import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const resolve = {
  alias: {
    "@": root,
    "server-only": path.join(root, "lib/testing/server-only.ts"),
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: { name: "unit", include: ["{lib,app,components,scripts}/**/*.test.{ts,tsx}"], exclude: ["**/*.int.test.ts"] },
      },
      {
        resolve,
        test: {
          name: "integration",
          include: ["{lib,app,scripts}/**/*.int.test.ts"],
          globalSetup: ["lib/testing/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
