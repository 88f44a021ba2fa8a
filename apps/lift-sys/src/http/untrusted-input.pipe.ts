import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { InvalidInputError } from './domain-error.js';
import { findInputProblem } from './untrusted-input.js';

/**
 * Runs before validation on every body, parameter and query: refuses nesting deeper than the
 * limit (which would overflow the validator's recursion) and text the database cannot store or no
 * client should send, with a 400 naming the field. The offending value is never echoed.
 */
@Injectable()
export class UntrustedInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'body' ? (metadata.data ?? '') : (metadata.data ?? metadata.type);
    const found = findInputProblem(value, root);
    if (found) {
      const field = found.field || 'body';
      throw new InvalidInputError(`${field} ${found.problem}`, { field });
    }
    return value;
  }
}
