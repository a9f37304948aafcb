// A request's change list → typed commands (SPEC §6): every change is checked (op, path, new
// value) and all problems are reported together; two changes writing the same field are
// refused. Nothing here reads the order: stale values are the rules' business.

import type { FieldError } from '../../../platform/errors.ts';
import { fieldsWritten, parseChangePath } from './change-path.ts';
import type { ChangeCommand, RawChange } from './change-command.ts';
import { parseCommand } from './commands/index.ts';

/** The most changes one request may list. */
export const MAX_CHANGES = 50;

export type ParseChangesResult = { ok: true; commands: ChangeCommand[] } | { ok: false; errors: FieldError[] };

const PATH_HELP =
  'must be /shippingAddress[/<field>], /contact[/<field>], /deliveryNote, /deliveryWindow or /lines/{orderLineId}/quantity|sku|unitPrice';

function parseOne(raw: RawChange, index: number): { command: ChangeCommand | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (raw === null || typeof raw !== 'object') {
    return { command: null, errors: [{ path: `changes[${index}]`, message: 'must be an object {path, op, oldValue, newValue}' }] };
  }
  if (raw.op !== 'REPLACE') errors.push({ path: `changes[${index}].op`, message: 'must be REPLACE' });
  const target = parseChangePath(raw.path);
  if (!target) errors.push({ path: `changes[${index}].path`, message: `Unknown path ${JSON.stringify(raw.path)}: ${PATH_HELP}` });
  if (raw.newValue === undefined) {
    errors.push({ path: `changes[${index}].newValue`, message: 'is required (null removes an optional value)' });
  }
  if (errors.length > 0 || !target) return { command: null, errors };
  const parsed = parseCommand(target, raw, index, raw.path as string);
  return parsed.ok ? { command: parsed.value, errors } : { command: null, errors: parsed.errors };
}

export function parseChanges(raw: readonly RawChange[]): ParseChangesResult {
  if (!Array.isArray(raw) || raw.length === 0) return { ok: false, errors: [{ path: 'changes', message: 'List at least one change' }] };
  if (raw.length > MAX_CHANGES) return { ok: false, errors: [{ path: 'changes', message: `List at most ${MAX_CHANGES} changes` }] };
  const errors: FieldError[] = [];
  const commands: ChangeCommand[] = [];
  const writer = new Map<string, number>();
  raw.forEach((change, index) => {
    const one = parseOne(change, index);
    errors.push(...one.errors);
    const target = parseChangePath(change?.path);
    if (target) {
      const clash = fieldsWritten(target).map((f) => writer.get(f)).find((i) => i !== undefined);
      if (clash !== undefined) {
        errors.push({ path: `changes[${index}].path`, message: `changes the same field as changes[${clash}]` });
      }
      for (const f of fieldsWritten(target)) if (!writer.has(f)) writer.set(f, index);
    }
    if (one.command) commands.push(one.command);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, commands };
}
