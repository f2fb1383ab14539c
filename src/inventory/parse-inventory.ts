// Inventory YAML text -> a validated Inventory, or every problem as `FILE:LINE: path: reason`.
// Pure. Positions come from the YAML parser's node ranges, so the line named is where the bad
// key or value stands. Cross-references (system entities) are checked here too.
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { InputProblem } from '../errors.ts';
import { type Inventory, InventorySchema } from './inventory-schema.ts';

export function parseInventory(text: string, file: string): { inventory?: Inventory; problems: InputProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const where = (offset: number | undefined) => `${file}:${offset === undefined ? 1 : lineCounter.linePos(offset).line}`;
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((e) => ({ where: where(e.pos[0]), message: `yaml: ${e.message.split('\n')[0]}` })) };
  }
  const parsed = InventorySchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      // An unknown key points at the key itself; other issues at the value at their path.
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const path = [...issue.path, ...(keys.length ? [keys[0] as string] : [])];
      const node = nodeAt(doc.contents as Node | null, path, keys.length > 0);
      return { where: where(node?.range?.[0]), message: `${formatPath(path)}: ${issue.message}` };
    });
    return { problems };
  }
  const problems = checkReferences(parsed.data, file);
  return problems.length ? { problems } : { inventory: parsed.data, problems: [] };
}

function nodeAt(root: Node | null, path: PropertyKey[], wantKey: boolean): Node | null {
  let node: Node | null = root;
  for (const [i, step] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === step);
      if (!pair) return node;
      node = (wantKey && i === path.length - 1 ? pair.key : pair.value) as Node | null;
    } else if (isSeq(node) && typeof step === 'number') {
      node = (node.items[step] as Node | undefined) ?? node;
    } else {
      return node;
    }
  }
  return node;
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(root)';
}

function checkReferences(inv: Inventory, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const entityIds = new Set(inv.entities.map((e) => e.id));
  const seen = new Set<string>();
  for (const [vi, vendor] of inv.vendors.entries()) {
    for (const [si, system] of vendor.systems.entries()) {
      if (seen.has(system.id)) {
        problems.push({ where: file, message: `vendors[${vi}].systems[${si}].id: duplicate system id '${system.id}'` });
      }
      seen.add(system.id);
      for (const [ei, e] of system.entities.entries()) {
        if (!entityIds.has(e)) {
          problems.push({ where: file, message: `vendors[${vi}].systems[${si}].entities[${ei}]: unknown entity '${e}'` });
        }
      }
    }
  }
  return problems;
}
