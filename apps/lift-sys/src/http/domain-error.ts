/** An expected failure with the HTTP status and machine-readable code it maps to. */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 422 | 503,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }

  /** What the client is told; the message (recorded on spans) may carry internal detail. */
  get clientMessage(): string {
    return this.message;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super(404, 'not_found', `${what} '${id}' not found`);
  }
}

export class InvalidStateError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(400, 'invalid_state', message, details);
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(400, 'invalid_input', message, details);
  }
}
