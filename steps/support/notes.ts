// What a scenario remembers between its steps (a code read off the screen, a time noted), typed:
// a key says what its note holds, so a step reading it back needs no cast and no guessing.
import type { NetworkMode } from '../../fixtures/profiles.ts';

export interface NoteKey<T> {
  readonly name: string;
  /** Never set: it only ties the key to its value's type. */
  readonly valueType?: (value: T) => T;
}

export function noteKey<T>(name: string): NoteKey<T> {
  return { name };
}

export class Notepad {
  readonly #notes = new Map<object, unknown>();

  get<T>(key: NoteKey<T>): T | undefined {
    return this.#notes.get(key) as T | undefined;
  }

  set<T>(key: NoteKey<T>, value: T): void {
    this.#notes.set(key, value);
  }

  /** The note, or an error saying which earlier step should have written it. */
  need<T>(key: NoteKey<T>, missing: string): T {
    const value = this.get(key);
    if (value === undefined) throw new Error(`no ${key.name} was noted: ${missing}`);
    return value;
  }
}

// The notes more than one step file or task reads.
/** The mode the scenario reset the appliance to (an IPv6-only unit asks other prompts). */
export const networkMode = noteKey<NetworkMode>('network mode');
/** The code on the ACTIVATION CODE screen, as read from it. */
export const activationCode = noteKey<string>('activation code');
/** The address the LAN's DHCP server leases. */
export const leasedAddress = noteKey<string>('leased address');
