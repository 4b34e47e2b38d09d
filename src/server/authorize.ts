// Authorisation as an explicit, per-route declaration. The read API serves open data and is public by design;
// routes that will write (dialogue, plans) must state their own policy, and a test checks that no route was
// registered without one. There is no sign-in yet, so every non-public policy denies.
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './problem.ts';

export type Policy = 'public' | 'editor' | 'admin';

const declared = new WeakMap<object, Policy>();

/** Middleware that enforces `policy`; register it first on every route. */
export function authorize(policy: Policy): MiddlewareHandler {
  const middleware: MiddlewareHandler = async (_c, next) => {
    if (policy !== 'public') {
      throw new HttpError(403, `this route requires the "${policy}" role and sign-in is not configured on this server`);
    }
    await next();
  };
  declared.set(middleware, policy);
  return middleware;
}

/** The policy an authorize() middleware enforces, or undefined for any other handler. */
export function policyOf(handler: object): Policy | undefined {
  return declared.get(handler);
}
