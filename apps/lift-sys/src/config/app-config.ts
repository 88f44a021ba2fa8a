import { DEFAULT_PRICING, parsePricingOverrides, type PricingTable } from '../providers/pricing.js';

export interface RemoteProviderSettings {
  apiKey: string;
  baseUrl: string | undefined;
  model: string;
}

export interface ModalSettings {
  endpointUrl: string;
  apiKey: string;
  model: string;
}

/** Longer than a slow LLM call, so requests in flight at SIGTERM normally finish. */
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 20_000;

/** Everything the app reads from its environment, read once at startup. */
export class AppConfig {
  constructor(
    readonly environment: string,
    /** Users are taken from `x-demo-user`; without demo mode every API call is refused (401). */
    readonly demoMode: boolean,
    readonly databaseUrl: string | undefined,
    /** PostgreSQL schema the tables live in (DATABASE_SCHEMA); the server's default when unset. */
    readonly databaseSchema: string | undefined,
    /** PGlite keeps its data here; in memory when unset. */
    readonly pgliteDataDir: string | undefined,
    readonly anthropic: RemoteProviderSettings | undefined,
    readonly openai: RemoteProviderSettings | undefined,
    readonly modal: ModalSettings | undefined,
    readonly pricing: PricingTable,
    readonly codegenMaxRetries: number,
    readonly toolchainTimeoutMs: number,
    /** Where compilers are looked up (PATH syntax). */
    readonly toolchainSearchPath: string,
    /** How long a shutdown (in-flight requests, span export, closing the database) may take before the process exits 1. */
    readonly shutdownTimeoutMs: number = DEFAULT_SHUTDOWN_TIMEOUT_MS,
  ) {}

  /** The credentials this configuration holds, to be kept out of spans and logs. */
  secrets(): string[] {
    return [this.anthropic?.apiKey, this.openai?.apiKey, this.modal?.apiKey].filter(
      (secret): secret is string => typeof secret === 'string' && secret !== '',
    );
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
    const environment = env.ENVIRONMENT ?? 'development';
    const demoDefault = environment === 'development';
    return new AppConfig(
      environment,
      env.DEMO_MODE === undefined ? demoDefault : env.DEMO_MODE === 'true',
      env.DATABASE_URL || undefined,
      schemaName(env.DATABASE_SCHEMA),
      env.PGLITE_DATA_DIR || undefined,
      env.ANTHROPIC_API_KEY
        ? { apiKey: env.ANTHROPIC_API_KEY, baseUrl: env.ANTHROPIC_BASE_URL, model: env.ANTHROPIC_MODEL ?? 'claude-sonnet-4-6' }
        : undefined,
      env.OPENAI_API_KEY
        ? { apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL ?? 'gpt-4o' }
        : undefined,
      env.MODAL_ENDPOINT_URL
        ? {
            endpointUrl: env.MODAL_ENDPOINT_URL,
            apiKey: env.MODAL_API_KEY ?? 'modal',
            model: env.MODAL_MODEL ?? 'qwen2.5-coder-32b',
          }
        : undefined,
      { ...DEFAULT_PRICING, ...parsePricingOverrides(env.LLM_PRICING_JSON) },
      nonNegativeInteger('CODEGEN_MAX_RETRIES', env.CODEGEN_MAX_RETRIES, 2),
      nonNegativeInteger('TOOLCHAIN_TIMEOUT_MS', env.TOOLCHAIN_TIMEOUT_MS, 30_000),
      env.PATH ?? '',
      nonNegativeInteger('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, DEFAULT_SHUTDOWN_TIMEOUT_MS),
    );
  }
}

function nonNegativeInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  return value;
}

function schemaName(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) throw new Error(`DATABASE_SCHEMA must be a lower-case SQL identifier, got '${raw}'`);
  return raw;
}
