import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Session ids, CSRF tokens and one-time links: 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes of bearer secrets are stored, so a database leak does not hand out sessions. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's baseline).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // With no account (or no password yet) still spend the time of a real check, so the answer's
  // timing does not tell whether an address belongs to a staff member.
  if (!stored) {
    await verify(await (dummyHash ??= hash('no account has this password')), password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

let dummyHash: Promise<string> | undefined;
