/**
 * Errors the domain throws on purpose. Their messages are written for the shopper
 * or merchant, so the UI may show them as they are.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends UserFacingError {
  constructor(message: string) {
    super(message, 'not_found');
  }
}

export class ValidationError extends UserFacingError {
  constructor(message: string) {
    super(message, 'invalid');
  }
}

/** Anyone but the store admin asked for an admin action or route (lib/auth's assertAdmin). */
export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';
  constructor() {
    super('You need to sign in as the store admin to do that.');
  }
}
