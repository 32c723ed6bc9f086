import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", ".data/**", "lib/db/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration from lib/env.ts." },
      ],
    },
  },
  { files: ["lib/env.ts", "playwright.config.ts", "vitest.config.ts", "lib/testing/global-setup.ts", "scripts/prisma-generate.mjs", "e2e/**"], rules: { "no-restricted-properties": "off" } },
];

export default config;
