// Authorisation as an explicit, per-route declaration. The read API serves open data and is public by design;
// routes that write declare their own policy, and a test checks that every route declares one and that it is
// the one the OpenAPI document states. The 'editor' role is a bearer token whose SHA-256 hash is configured
// (BUURTBEELD_EDITOR_TOKENS): the server never holds a usable token, and a leaked configuration grants nothing.
// There is no 'admin' sign-in yet, so that policy always denies.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './problem.ts';

export type Policy = 'public' | 'editor' | 'admin';

/** What the editor check needs: the configured token hashes (lower-case hex SHA-256); empty = writing disabled. */
export interface Credentials {
  editorTokenHashes: readonly string[];
}

export const NO_CREDENTIALS: Credentials = { editorTokenHashes: [] };

const declared = new WeakMap<object, Policy>();

const CHALLENGE = 'Bearer realm="buurtbeeld"';

/** SHA-256 hex of a token, as an operator puts it in BUURTBEELD_EDITOR_TOKENS. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Whether `token` hashes to one of `hashes`. Every configured hash is compared, each in constant time, so the
 * answer's timing tells nothing about which hash came close or how many there are before a match.
 */
export function tokenMatches(token: string, hashes: readonly string[]): boolean {
  const digest = createHash('sha256').update(token, 'utf8').digest();
  let match = false;
  for (const hash of hashes) {
    const expected = Buffer.from(hash, 'hex');
    if (expected.length === digest.length && timingSafeEqual(expected, digest)) match = true;
  }
  return match;
}

/** Middleware that enforces `policy`; register it first on every route. */
export function authorize(policy: Policy, credentials: Credentials = NO_CREDENTIALS): MiddlewareHandler {
  const middleware: MiddlewareHandler = async (c, next) => {
    if (policy === 'admin') {
      throw new HttpError(403, 'this route requires the "admin" role and sign-in is not configured on this server');
    }
    if (policy === 'editor') {
      if (credentials.editorTokenHashes.length === 0) {
        throw new HttpError(
          403,
          'writing is disabled on this server: no editor tokens are configured. To enable it, set BUURTBEELD_EDITOR_TOKENS to a comma-separated list of SHA-256 hashes of tokens (printf %s "$TOKEN" | sha256sum) and send the token as "Authorization: Bearer TOKEN".',
        );
      }
      const header = c.req.header('authorization');
      const bearer = header === undefined ? null : /^Bearer +([\x21-\x7e]{1,512})$/i.exec(header.trim());
      if (bearer === null) {
        throw new HttpError(401, 'this route needs an editor token: send "Authorization: Bearer TOKEN"', { headers: { 'www-authenticate': CHALLENGE } });
      }
      if (!tokenMatches(bearer[1]!, credentials.editorTokenHashes)) {
        throw new HttpError(401, 'the bearer token is not an editor token of this server', {
          headers: { 'www-authenticate': `${CHALLENGE}, error="invalid_token"` },
        });
      }
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
