// The questionnaire's one shape (zod): typed questions with weights, conditional display and
// the controls each evidences; answers as the portal and the CLI store them. Pure: no I/O.
// Library files (questionnaires/*.yaml), imports (CAIQ/SIG) and API bodies all parse through here.
import { z } from 'zod';

export const QUESTION_TYPES = ['yes_no', 'choice', 'multi_choice', 'text', 'date', 'file'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

const QuestionId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be an id (letters, digits, . _ -)');

export const OptionSchema = z.strictObject({ id: QuestionId, label: z.string().min(1) });

/** Show a question only when another question's answer equals / includes a value (or is set). */
export const ConditionSchema = z.strictObject({
  question: QuestionId,
  equals: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  includes: z.string().optional(),
  answered: z.boolean().optional(),
});

/** What a passing answer looks like; absent means the type's default (yes for yes_no, any answer otherwise). */
export const ExpectSchema = z.strictObject({
  equals: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  includes_all: z.array(z.string()).min(1).optional(),
  max_age_days: z.number().int().positive().optional(),
  min_length: z.number().int().nonnegative().optional(),
});

export const QuestionSchema = z.strictObject({
  id: QuestionId,
  text: z.string().min(1),
  help: z.string().optional(),
  type: z.enum(QUESTION_TYPES),
  options: z.array(OptionSchema).optional(),
  weight: z.number().min(0).max(100).default(1),
  controls: z.array(z.string().min(1)).default([]),
  show_if: ConditionSchema.optional(),
  expect: ExpectSchema.optional(),
  severity: z.enum(SEVERITIES).default('medium'),
  finding: z.string().optional(),
  source: z.string().optional(),
});

export const QuestionnaireSchema = z
  .strictObject({
    id: QuestionId,
    name: z.string().min(1),
    version: z.string().default('1'),
    source: z.string().min(1),
    license: z.string().min(1),
    questions: z.array(QuestionSchema).min(1),
  })
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    q.questions.forEach((question, i) => {
      if (seen.has(question.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id '${question.id}'` });
      seen.add(question.id);
      const choice = question.type === 'choice' || question.type === 'multi_choice';
      if (choice && !question.options?.length) ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'a choice question needs options' });
      if (question.show_if && !seen.has(question.show_if.question) && question.show_if.question !== question.id) {
        const later = q.questions.some((o) => o.id === question.show_if?.question);
        if (!later) ctx.addIssue({ code: 'custom', path: ['questions', i, 'show_if', 'question'], message: `unknown question '${question.show_if.question}'` });
      }
    });
  });

export type Question = z.infer<typeof QuestionSchema>;
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
export type QuestionCondition = z.infer<typeof ConditionSchema>;
export type Severity = (typeof SEVERITIES)[number];

/** An answer: one string (yes_no/choice/text/date) or a list (multi_choice). File answers are evidence rows. */
export const AnswerValueSchema = z.union([z.string().max(20_000), z.array(z.string().max(200)).max(100)]);
export const AnswersSchema = z.record(z.string(), AnswerValueSchema);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export type Answers = z.infer<typeof AnswersSchema>;

/** yes/no questions share these option ids. */
export const YES_NO_OPTIONS = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
];

export function optionsOf(q: Question): Array<{ id: string; label: string }> {
  return q.type === 'yes_no' ? YES_NO_OPTIONS : (q.options ?? []);
}
