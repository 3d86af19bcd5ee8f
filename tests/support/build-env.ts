/**
 * The environment for a child `astro build` started from a test. Vitest sets
 * Vite's own variables (BASE_URL, MODE, …) in its process; inherited, they
 * override the site's base and mode, so the build would not be the one a user
 * runs. Strip them.
 */
const VITE_KEYS = new Set(["BASE_URL", "MODE", "DEV", "PROD", "SSR", "NODE_ENV", "TEST"]);

export function cleanBuildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!VITE_KEYS.has(key) && !key.startsWith("VITEST")) env[key] = value;
  }
  env.ASTRO_TELEMETRY_DISABLED = "1";
  return env;
}
