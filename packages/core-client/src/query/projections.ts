// The projection builders. Java refuses `[any]` in projection paths (a projection yields one value per
// entry), so that is checked here too.
import { IllegalArgumentError } from '../errors/hazelcast-error';
import { IdentityProjection, MultiAttributeProjection, SingleAttributeProjection } from './projection';
import { requireAttribute } from './validate';

function requireProjectionPath(operation: string, path: unknown, argument: string): string {
  const checked = requireAttribute(operation, path, argument);
  if (checked.includes('[any]')) {
    throw new IllegalArgumentError(
      `${operation}: ${argument} must not contain [any], got ${JSON.stringify(checked)}`,
    );
  }
  return checked;
}

/** Projects each entry to the value at `attributePath`. */
export function singleAttribute<R = unknown>(attributePath: string): SingleAttributeProjection<R> {
  return new SingleAttributeProjection<R>(
    requireProjectionPath('singleAttribute', attributePath, 'attributePath'),
  );
}

/** Projects each entry to an array of the values at `attributePaths`. */
export function multiAttribute<R extends unknown[] = unknown[]>(
  ...attributePaths: string[]
): MultiAttributeProjection<R> {
  if (attributePaths.length === 0) {
    throw new IllegalArgumentError('multiAttribute: at least one attribute path is required');
  }
  return new MultiAttributeProjection<R>(
    attributePaths.map((path, i) => requireProjectionPath('multiAttribute', path, `attributePath #${i + 1}`)),
  );
}

/** Projects each entry to itself. */
export function identity<R = unknown>(): IdentityProjection<R> {
  return new IdentityProjection<R>();
}
