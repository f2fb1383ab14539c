// Public API of the pure Sigma core (no fs, no net): parse rule YAML, compile rule sets with an
// optional pipeline, and stream events through a detection engine. Everything else in
// src/sigma is internal; callers import from here.
export type { CompiledRuleSet, CompileOptions } from './compile-rule-set.ts';
export { compileRuleSet } from './compile-rule-set.ts';
export type { DetectionEngine, EngineOptions } from './engine.ts';
export { createEngine } from './engine.ts';
export { parseRuleDocuments } from './parse-documents.ts';
export type { Pipeline, Transformation } from './pipeline.ts';
export { parsePipeline } from './pipeline.ts';
export type {
  ConditionNode,
  CorrelationType,
  Detection,
  DetectionItem,
  EngineStats,
  EventMeta,
  Logsource,
  ParsedRuleDocuments,
  RuleError,
  SigmaCorrelation,
  SigmaRule,
} from './types.ts';
export { CORRELATION_TYPES } from './types.ts';
