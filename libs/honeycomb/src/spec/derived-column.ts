export interface DerivedColumn {
  alias: string;
  /** Honeycomb derived-column expression, e.g. `IF(EXISTS($error), false, true)`. */
  expression: string;
  description?: string;
}
