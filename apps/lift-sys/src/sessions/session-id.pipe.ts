import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../http/domain-error.js';

/** Session ids are the UUIDs `randomUUID()` issues; anything else cannot name a session. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Hole ids are `return_type`, `<parameter>_type`, `input_constraints` and the like: identifiers. */
const HOLE_ID = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function idPipe(pattern: RegExp, expected: string): new () => PipeTransform<string, string> {
  @Injectable()
  class IdPipe implements PipeTransform<string, string> {
    transform(value: string, metadata: ArgumentMetadata): string {
      const field = metadata.data ?? 'id';
      if (!pattern.test(value)) throw new InvalidInputError(`${field} must be ${expected}`, { field });
      return value;
    }
  }
  return IdPipe;
}

export const SessionIdPipe = idPipe(SESSION_ID, 'a session id (a UUID)');
export const HoleIdPipe = idPipe(HOLE_ID, 'a hole id (letters, digits and _, at most 64)');
