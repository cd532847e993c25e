// Loads a firmware generation against the names this engine implements, so that a profile
// naming an unknown predicate, action, value source or condition fails at load, in one line.
import type { Generation, ProfileVocabulary } from '../../fixtures/profiles.ts';
import { hardwareDir, loadGeneration } from '../../fixtures/profiles.ts';
import { conditions } from '../network/interface.ts';
import { actions, attemptContexts, predicates, sources } from './config.ts';

export const vocabulary: ProfileVocabulary = {
  predicates: new Set(Object.keys(predicates)),
  actions: new Set(Object.keys(actions)),
  sources: new Set(Object.keys(sources)),
  conditions: new Set(conditions),
  contexts: new Set(attemptContexts),
};

const cache = new Map<string, Generation>();

/**
 * QSA_TWIN_FIRMWARE_DIR: a folder of firmware profiles the twin runs instead of fixtures/firmware/
 * (a deviation planted for the fuzzer's tests); the suite still judges by the project's profiles.
 */
function profileDirs(source: ProfileSource): Parameters<typeof loadGeneration>[2] {
  const firmware = source === 'configured' ? process.env['QSA_TWIN_FIRMWARE_DIR'] : undefined;
  return firmware ? { firmware, hardware: hardwareDir } : undefined;
}

/**
 * Which profiles a twin runs: 'configured' (QSA_TWIN_FIRMWARE_DIR's where it is set), or
 * 'project' (fixtures/firmware/ always: the reference twin of a differential run, which must not
 * run the deviation planted for the unit it is compared with).
 */
export type ProfileSource = 'configured' | 'project';

/** The generation's firmware and hardware profiles, checked against the engine; loaded once. */
export function loadFirmware(generation: string, source: ProfileSource = 'configured'): Generation {
  const key = `${source}:${generation}`;
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = loadGeneration(generation, vocabulary, profileDirs(source));
    cache.set(key, loaded);
  }
  return loaded;
}
