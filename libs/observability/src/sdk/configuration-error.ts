/** Raised at startup for an invalid option or environment variable; names the setting and the value. */
export class ObservabilityConfigurationError extends Error {
  constructor(
    readonly setting: string,
    readonly value: unknown,
    expectation: string,
  ) {
    super(`Invalid observability setting ${setting}=${JSON.stringify(value)}: ${expectation}`);
    this.name = 'ObservabilityConfigurationError';
  }
}
