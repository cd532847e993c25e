// The input fields a firmware profile declares (its flows' field steps), as the fuzzer takes
// them: the prompt, the editor the guide gives it, the network mode its procedure is offered in,
// and whether ENTER stores it at once (the VLAN ID: no confirmation follows to cancel).
import type { EditorSpec, FirmwareProfile, NetworkMode } from '../../../fixtures/profiles.ts';
import { isDoStep, isFieldStep } from '../../../fixtures/profiles.ts';
import { normalize } from '../screens.ts';

/** The editors a value can be entered in (a read-only view takes none). */
export type InputSpec = Exclude<EditorSpec, { kind: 'view' }>;

export interface FuzzField {
  prompt: string;
  /** The profile's flow and step that show it. */
  flow: string;
  step: number;
  editorName: string;
  spec: InputSpec;
  /** The network mode in which a menu item starts its procedure. */
  mode: NetworkMode;
  /** ENTER stores the value at once: a value the guide allows is not confirmed (it would change the unit). */
  storesAtOnce: boolean;
}

/** The mode in which the menus offer an item starting `flow` (null: no item starts it). */
function modeOf(fw: FirmwareProfile, flow: string): NetworkMode | null {
  const items = Object.values(fw.menus).flatMap((m) => m.items).filter((i) => i.starts === flow);
  if (items.length === 0) return null;
  const [preferred] = fw.networkModes;
  // An item offered in the unit's first mode is taken there; else the mode its conditions name.
  if (items.some((i) => !i.when.includes('mode-ipv6-only'))) return preferred!;
  return fw.networkModes.includes('ipv6-only') ? 'ipv6-only' : null;
}

function storesAtOnce(fw: FirmwareProfile, flow: string, step: number): boolean {
  for (const s of fw.flows[flow]!.steps.slice(step + 1)) {
    if (isDoStep(s)) return true;
    if (!isFieldStep(s)) return false;
  }
  return false;
}

/** Every field a value can be entered in, once per prompt, in the profile's order. */
export function fuzzFields(fw: FirmwareProfile): FuzzField[] {
  const out: FuzzField[] = [];
  const seen = new Set<string>();
  for (const [flow, spec] of Object.entries(fw.flows)) {
    const mode = modeOf(fw, flow);
    if (mode === null) continue;
    spec.steps.forEach((step, index) => {
      if (!isFieldStep(step) || seen.has(normalize(step.prompt))) return;
      // In IPv6-only mode a field may take another editor (PROXY HOST): the one of the mode fuzzed.
      const editorName = mode === 'ipv6-only' && step.editorIpv6Only ? step.editorIpv6Only : step.editor;
      const editor = fw.editors[editorName]!;
      if (editor.kind === 'view') return;
      seen.add(normalize(step.prompt));
      out.push({ prompt: step.prompt, flow, step: index, editorName, spec: editor, mode, storesAtOnce: storesAtOnce(fw, flow, index) });
    });
  }
  return out;
}

/** The field whose prompt (or another name the guide gives it) is `prompt`, or null. */
export function fuzzFieldOf(fw: FirmwareProfile, prompt: string): FuzzField | null {
  const want = normalize(prompt);
  const fields = fuzzFields(fw);
  const exact = fields.find((f) => normalize(f.prompt) === want);
  if (exact) return exact;
  for (const f of fields) {
    const step = fw.flows[f.flow]!.steps[f.step]!;
    if (isFieldStep(step) && (step.aliases ?? []).some((a) => normalize(a) === want)) return f;
  }
  return null;
}

/** A file-name form of a prompt: "PROXY USER:" -> "proxy-user". */
export function slugOf(prompt: string): string {
  return prompt.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'field';
}
