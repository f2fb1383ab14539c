// The data shapes of the pure Sigma core: parsed rules and correlations, errors with their
// place, pipelines and the detections the engine emits. No behaviour lives here, and nothing
// here does I/O; every other sigma module builds on these shapes.

/** A problem found in a rule file, at a 1-based line and column. */
export interface RuleError {
  file: string;
  line: number;
  col: number;
  message: string;
}

export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

/** A rule value as written: strings keep their source text; YAML numbers stay numbers. */
export type RuleValue = string | number | boolean | null;

/** One `field|mod1|mod2: values` entry (field `null` for keyword searches). */
export interface DetectionItem {
  field: string | null;
  modifiers: string[];
  values: RuleValue[];
  pos: SourcePos;
}

/** A search identifier: an OR of alternatives, each an AND of detection items. */
export type SearchIdentifier = DetectionItem[][];

export type ConditionNode =
  | { kind: 'and' | 'or'; left: ConditionNode; right: ConditionNode }
  | { kind: 'not'; operand: ConditionNode }
  | { kind: 'ref'; name: string }
  | { kind: 'of'; quantifier: 'all' | number; pattern: string };

export interface Logsource {
  category?: string;
  product?: string;
  service?: string;
}

export interface SigmaRule {
  title: string;
  id?: string;
  name?: string;
  level: string;
  status?: string;
  tags: string[];
  logsource: Logsource;
  detection: Record<string, SearchIdentifier>;
  /** One parsed condition per entry of a condition list (linked with OR). */
  conditions: ConditionNode[];
  /** `generate: false` on the rule itself; correlations may also switch a rule off. */
  generate?: boolean;
  pos: SourcePos;
}

export const CORRELATION_TYPES = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
] as const;
export type CorrelationType = (typeof CORRELATION_TYPES)[number];

/** Bounds on the correlation's computed number; all present bounds must hold. */
export interface CorrelationCondition {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  eq?: number;
  neq?: number;
  /** value_count / value_sum / value_avg / value_percentile: the field(s) read. */
  field?: string[];
  /** value_percentile: which percentile of `field` is compared (default 50, the median). */
  percentile?: number;
}

export interface SigmaCorrelation {
  title: string;
  id?: string;
  name?: string;
  level: string;
  type: CorrelationType;
  rules: string[];
  rulePositions: SourcePos[];
  groupBy: string[];
  timespanMs: number;
  condition: CorrelationCondition;
  /** alias -> (rule name or id -> field in that rule's events) */
  aliases: Record<string, Record<string, string>>;
  /** Whether the referenced rules also emit their own detections (spec default: false). */
  generate: boolean;
  pos: SourcePos;
}

export interface ParsedRuleDocuments {
  rules: SigmaRule[];
  correlations: SigmaCorrelation[];
  errors: RuleError[];
  /** Sigma documents seen (rules and correlations), valid or not. */
  documents: number;
  /** YAML documents that are not Sigma documents at all (no title/detection/correlation). */
  skipped: number;
}

/** What an event carries besides its fields: where it came from and when it happened. */
export interface EventMeta {
  line: number;
  timeMs: number;
  id?: string;
}

export type Detection =
  | { kind: 'rule'; rule: string; title: string; level: string; line: number; eventId?: string }
  | {
      kind: 'correlation';
      rule: string;
      title: string;
      level: string;
      correlation: string;
      group: Record<string, unknown>;
      first: string;
      last: string;
      firstMs: number;
      lastMs: number;
      count: number;
      lines: number[];
      eventIds: string[];
    };

export interface EngineStats {
  events: number;
  /** Rules whose matcher actually ran (after the index pruned the rest). */
  ruleEvaluations: number;
  ruleMatches: number;
  detections: number;
  correlationGroups: number;
  correlationEntries: number;
  lateEvents: number;
}
