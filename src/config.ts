// The one place that reads the environment: validated once into a typed config that is
// handed down. Flags given on the command line override the environment.
import { z } from 'zod';
import { WardenError } from './errors.ts';

const ConfigSchema = z.object({
  db: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:PATH or postgres://…')
    .default('sqlite:./data/warden.db'),
  key: z.string().optional(),
  keyFile: z.string().default('./data/warden.key'),
  dataDir: z.string().default('./data'),
  adminPassword: z.string().min(12).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

export interface ConfigOverrides {
  db?: string | undefined;
}

export function loadConfig(
  overrides: ConfigOverrides = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const raw = {
    db: overrides.db ?? env.WARDEN_DB,
    key: env.WARDEN_KEY,
    keyFile: env.WARDEN_KEY_FILE,
    dataDir: env.WARDEN_DATA_DIR,
    adminPassword: env.WARDEN_ADMIN_PASSWORD,
    logLevel: env.WARDEN_LOG_LEVEL,
  };
  const parsed = ConfigSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    // List every problem at once, each naming its setting.
    const lines = parsed.error.issues.map((i) => `${envName(i.path)}: ${i.message}`);
    throw new WardenError('bad_usage', lines.join('; '), 'config');
  }
  return parsed.data;
}

function envName(path: PropertyKey[]): string {
  const names: Record<string, string> = {
    db: 'WARDEN_DB/--db',
    key: 'WARDEN_KEY',
    keyFile: 'WARDEN_KEY_FILE',
    dataDir: 'WARDEN_DATA_DIR',
    adminPassword: 'WARDEN_ADMIN_PASSWORD',
    logLevel: 'WARDEN_LOG_LEVEL',
  };
  return names[String(path[0])] ?? String(path[0]);
}
