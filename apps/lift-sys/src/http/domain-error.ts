/** An expected failure with the HTTP status and machine-readable code it maps to. */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 422,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
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
