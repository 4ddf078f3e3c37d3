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
