// Kept apart from the schemas so client forms can show the rules without bundling zod.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
