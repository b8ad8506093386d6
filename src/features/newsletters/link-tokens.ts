import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { newsletterSecret } from './newsletter-secrets.js';

/**
 * Signed links in email (HS256 JWTs with a secret kept in the database). A confirmation link carries
 * the choice made on the form and expires; a preferences link only names the subscriber and lasts as
 * long as the subscription, because it sits in every email ever sent (one-click unsubscribe needs it).
 */
export const CONFIRM_LINK_HOURS = 48;

const confirmClaims = z.object({
  p: z.literal('confirm'),
  sub: z.string(),
  lang: z.enum(['en', 'ar']),
  lists: z.array(z.string()).max(100),
  src: z.string().max(500),
});
const preferencesClaims = z.object({ p: z.literal('prefs'), sub: z.string() });

export type ConfirmClaims = z.infer<typeof confirmClaims>;

async function key(db: Db, now: Date): Promise<Uint8Array> {
  return new TextEncoder().encode(await newsletterSecret(db, 'link-signing', now));
}

export async function signConfirmToken(db: Db, claims: Omit<ConfirmClaims, 'p'>, now: Date): Promise<string> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ...claims, p: 'confirm' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + CONFIRM_LINK_HOURS * 3600)
    .sign(await key(db, now));
}

export async function signPreferencesToken(db: Db, subscriberId: string, now: Date): Promise<string> {
  return (await preferencesTokenSigner(db, now))(subscriberId);
}

/** Signs many preferences links with one read of the key: a send signs one per message. */
export async function preferencesTokenSigner(db: Db, now: Date): Promise<(subscriberId: string) => Promise<string>> {
  const k = await key(db, now);
  return (subscriberId) => new SignJWT({ p: 'prefs', sub: subscriberId }).setProtectedHeader({ alg: 'HS256' }).sign(k);
}

async function verify(db: Db, token: string, now: Date): Promise<unknown> {
  try {
    const { payload } = await jwtVerify(token, await key(db, now), { algorithms: ['HS256'], currentDate: now });
    return payload;
  } catch {
    return undefined;
  }
}

/** The choice a confirmation link carries, or undefined when it is forged, altered or expired. */
export async function readConfirmToken(db: Db, token: string, now: Date): Promise<ConfirmClaims | undefined> {
  const parsed = confirmClaims.safeParse(await verify(db, token, now));
  return parsed.success ? parsed.data : undefined;
}

/** The subscriber a preferences link names, or undefined when it is forged or altered. */
export async function readPreferencesToken(db: Db, token: string, now: Date): Promise<string | undefined> {
  const parsed = preferencesClaims.safeParse(await verify(db, token, now));
  return parsed.success ? parsed.data.sub : undefined;
}
