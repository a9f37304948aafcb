// All of a request's changes against the order, all or nothing (SPEC §6): parse every change,
// run every rule, then check each changed line as a whole (a price cut and an increase of the
// same line together must still make valid line money). Problems of every change are reported;
// VALIDATION_FAILED wins over STALE_VALUE so the code and the field messages always agree.

import type { FieldError } from '../../../platform/errors.ts';
import {
  initialDraft,
  type AmendableOrder,
  type ChangeCommand,
  type OrderDraft,
  type ProblemCode,
  type RawChange,
  type RuleProblem,
} from './change-command.ts';
import { applyCommand } from './commands/index.ts';
import { activeQuantity } from './commands/line-rule.ts';
import { amendedLineProblems } from './line-money.ts';
import { parseChanges } from './parse-changes.ts';

export type ResolveResult =
  | { ok: true; commands: ChangeCommand[]; draft: OrderDraft }
  | { ok: false; code: ProblemCode; errors: RuleProblem[] };

const asProblems = (errors: FieldError[]): RuleProblem[] => errors.map((e) => ({ code: 'VALIDATION_FAILED', ...e }));

function lineProblems(order: AmendableOrder, commands: readonly ChangeCommand[], draft: OrderDraft): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const line of order.lines) {
    const d = draft.lines[line.id];
    if (!d) continue;
    const mine = commands.filter((c) => 'orderLineId' in c && c.orderLineId === line.id);
    const at = (kind: ChangeCommand['kind']) => mine.find((c) => c.kind === kind)?.index;
    const blame = at('ChangeUnitPrice') ?? at('ChangeLineQuantity') ?? mine[0]!.index;
    for (const p of amendedLineProblems(line, d)) {
      problems.push({ code: 'VALIDATION_FAILED', path: `changes[${blame}].newValue`, message: `Line ${line.lineNumber}: ${p.message}` });
    }
    const sub = at('SubstituteItem');
    if (sub !== undefined && activeQuantity(line.counts) + d.addUnits - d.cancelUnits === 0) {
      problems.push({
        code: 'VALIDATION_FAILED',
        path: `changes[${sub}].newValue`,
        message: `Line ${line.lineNumber} has no units left to substitute`,
      });
    }
  }
  return problems;
}

const kindOf = (v: unknown) => (Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/**
 * An oldValue of another type than the value it names (a number for a postal code) can never
 * match, whatever the order does: it is malformed input (422), not a lost race (409 STALE_VALUE).
 */
function malformedOldValue(problem: RuleProblem, oldValue: unknown): RuleProblem {
  const current = problem.currentValue;
  if (problem.code !== 'STALE_VALUE' || current === null || current === undefined || oldValue === null) return problem;
  if (kindOf(oldValue) === kindOf(current)) return problem;
  return { code: 'VALIDATION_FAILED', path: problem.path, message: `oldValue must be ${kindOf(current)} (or null for none), not ${kindOf(oldValue)}` };
}

export function resolveChanges(order: AmendableOrder, raw: readonly RawChange[]): ResolveResult {
  const parsed = parseChanges(raw);
  if (!parsed.ok) return { ok: false, code: 'VALIDATION_FAILED', errors: asProblems(parsed.errors) };
  let draft = initialDraft(order);
  const problems: RuleProblem[] = [];
  for (const cmd of parsed.commands) {
    const r = applyCommand(order, draft, cmd);
    if (r.ok) draft = r.draft;
    else problems.push(malformedOldValue(r.problem, cmd.oldValue));
  }
  problems.push(...lineProblems(order, parsed.commands, draft));
  for (const code of ['VALIDATION_FAILED', 'STALE_VALUE'] as const) {
    const mine = problems.filter((p) => p.code === code);
    if (mine.length > 0) return { ok: false, code, errors: mine };
  }
  return { ok: true, commands: parsed.commands, draft };
}
