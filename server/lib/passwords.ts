import { hash, verify } from '@node-rs/argon2';

/** argon2id's cost: memory in KiB, passes over it, lanes. */
export interface PasswordCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's first recommendation for argon2id (19 MiB, 2 passes, 1 lane). */
export const owaspPasswordCost: PasswordCost = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Tests only: the same algorithm, cheap enough to run hundreds of times. */
export const testPasswordCost: PasswordCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

// @node-rs/argon2's Algorithm.Argon2id; the const enum is not importable under isolatedModules.
const argon2id = 2;

export function hashPassword(password: string, cost: PasswordCost = owaspPasswordCost) {
  return hash(password, { ...cost, algorithm: argon2id });
}

/** False for a wrong password or a hash that is not one (never throws on bad input). */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of no one's password, made once per cost: a sign-in for an unknown account is checked
 * against it, so it takes as long as one for a real account and its timing tells nothing.
 */
const decoys = new Map<string, Promise<string>>();
export function decoyHash(cost: PasswordCost = owaspPasswordCost): Promise<string> {
  const key = JSON.stringify(cost);
  let made = decoys.get(key);
  if (!made) {
    made = hashPassword(`decoy-${Math.random()}`, cost);
    decoys.set(key, made);
  }
  return made;
}
