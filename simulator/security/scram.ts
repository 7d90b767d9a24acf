// SCRAM credentials as the KRaft controller keeps them (ScramControlManager: one credential per user and
// mechanism, UserScramCredentialRecord in the metadata log) and describes them (ScramImage#describe).
// No cryptography: a credential keeps the password it was created with, standing for Kafka's salt,
// StoredKey and ServerKey; authentication compares it as the SCRAM proof check would.

import type { ApiError } from './aclStore';
import type { SecurityEvent } from './events';
import { javaHashMapOrder, javaStringHash } from './javaCompat';

export const SCRAM_MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type ScramMechanism = (typeof SCRAM_MECHANISMS)[number];

/** ScramMechanism: minimum iterations 4096 for both; the controller refuses more than 16384. */
export const SCRAM_MIN_ITERATIONS = 4096;
export const SCRAM_MAX_ITERATIONS = 16384;
/** ConfigCommand#DefaultScramIterations. */
export const DEFAULT_SCRAM_ITERATIONS = 4096;

export type ScramCredential = {
  user: string;
  mechanism: ScramMechanism;
  iterations: number;
  /** Stands for the salted keys (the simulation does no hashing). */
  password: string;
};

export type ScramState = { credentials: ScramCredential[] };

export const EMPTY_SCRAM_STATE: ScramState = { credentials: [] };

export function isScramMechanism(name: string): name is ScramMechanism {
  return (SCRAM_MECHANISMS as readonly string[]).includes(name);
}

export type ScramAlteration = {
  deletions: Array<{ user: string; mechanism: ScramMechanism }>;
  upsertions: Array<{ user: string; mechanism: ScramMechanism; iterations: number; password: string }>;
};

/**
 * ScramControlManager#alterCredentials: per user, one alteration (a second one is DUPLICATE_RESOURCE);
 * deletions must exist; upsertions need a name and 4096..16384 iterations. Valid ones apply together.
 */
export function alterScramCredentials(
  state: ScramState,
  request: ScramAlteration,
): { state: ScramState; results: Array<{ user: string; error: ApiError | null }>; events: SecurityEvent[] } {
  const errors = new Map<string, ApiError>();
  const deletions = new Map<string, ScramAlteration['deletions'][number]>();
  const upserts = new Map<string, ScramAlteration['upsertions'][number]>();
  const duplicate: ApiError = {
    exception: 'DuplicateResourceException',
    message: 'A user credential cannot be altered twice in the same request',
  };
  const nameError = (user: string): ApiError | null =>
    user === ''
      ? { exception: 'UnacceptableCredentialException', message: 'Username must not be empty' }
      : null;
  for (const d of request.deletions) {
    if (errors.has(d.user)) continue;
    if (deletions.delete(d.user)) {
      errors.set(d.user, duplicate);
      continue;
    }
    const e =
      nameError(d.user) ??
      (state.credentials.some((c) => c.user === d.user && c.mechanism === d.mechanism)
        ? null
        : {
            exception: 'ResourceNotFoundException',
            message: 'Attempt to delete a user credential that does not exist',
          });
    if (e) errors.set(d.user, e);
    else deletions.set(d.user, d);
  }
  for (const u of request.upsertions) {
    if (errors.has(u.user)) continue;
    if (deletions.delete(u.user) || upserts.delete(u.user)) {
      errors.set(u.user, duplicate);
      continue;
    }
    const e =
      nameError(u.user) ??
      (u.iterations < SCRAM_MIN_ITERATIONS
        ? { exception: 'UnacceptableCredentialException', message: 'Too few iterations' }
        : u.iterations > SCRAM_MAX_ITERATIONS
          ? { exception: 'UnacceptableCredentialException', message: 'Too many iterations' }
          : null);
    if (e) errors.set(u.user, e);
    else upserts.set(u.user, u);
  }
  let credentials = state.credentials;
  const events: SecurityEvent[] = [];
  for (const d of deletions.values()) {
    credentials = credentials.filter((c) => !(c.user === d.user && c.mechanism === d.mechanism));
    events.push({
      type: 'scramCredentialDeleted',
      reason: `${d.mechanism} credential of user ${d.user} deleted (RemoveUserScramCredentialRecord): the user can no longer log in with ${d.mechanism}`,
      user: d.user,
      mechanism: d.mechanism,
    });
  }
  for (const u of upserts.values()) {
    const existed = credentials.some((c) => c.user === u.user && c.mechanism === u.mechanism);
    credentials = [
      ...credentials.filter((c) => !(c.user === u.user && c.mechanism === u.mechanism)),
      { user: u.user, mechanism: u.mechanism, iterations: u.iterations, password: u.password },
    ];
    events.push({
      type: 'scramCredentialUpserted',
      reason: `${u.mechanism} credential for user ${u.user} ${existed ? 'replaced' : 'created'} with ${u.iterations} iterations (UserScramCredentialRecord; the controller stores a salted hash, never the password)`,
      user: u.user,
      mechanism: u.mechanism,
      iterations: u.iterations,
    });
  }
  const results = [
    ...[...deletions.keys(), ...upserts.keys()].map((user) => ({ user, error: null })),
    ...[...errors.entries()].map(([user, error]) => ({ user, error })),
  ];
  return { state: { credentials }, results, events };
}

export type ScramDescription =
  | { user: string; credentials: Array<{ mechanism: ScramMechanism; iterations: number }> }
  | { user: string; error: ApiError };

/**
 * ScramImage#describe: the named users (or all users), in the order of the HashMap it builds; a user with
 * no credential is RESOURCE_NOT_FOUND "Attempt to describe a user credential that does not exist: <user>".
 */
export function describeScramCredentials(
  state: ScramState,
  users: readonly string[] | null,
): ScramDescription[] {
  const names =
    users === null || users.length === 0
      ? [...new Set(state.credentials.map((c) => c.user))]
      : [...new Set(users)];
  const duplicates = new Set((users ?? []).filter((u, i) => (users ?? []).indexOf(u) !== i));
  return javaHashMapOrder(names, javaStringHash).map((user) => {
    if (duplicates.has(user)) {
      return {
        user,
        error: {
          exception: 'DuplicateResourceException',
          message: `Cannot describe SCRAM credentials for the same user twice in a single request: ${user}`,
        },
      };
    }
    const creds = SCRAM_MECHANISMS.flatMap((m) =>
      state.credentials
        .filter((c) => c.user === user && c.mechanism === m)
        .map((c) => ({ mechanism: m, iterations: c.iterations })),
    );
    if (creds.length === 0) {
      return {
        user,
        error: {
          exception: 'ResourceNotFoundException',
          message: `Attempt to describe a user credential that does not exist: ${user}`,
        },
      };
    }
    return { user, credentials: creds };
  });
}

export function findScramCredential(
  state: ScramState,
  user: string,
  mechanism: ScramMechanism,
): ScramCredential | null {
  return state.credentials.find((c) => c.user === user && c.mechanism === mechanism) ?? null;
}
