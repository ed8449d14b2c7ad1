import type { Insertable, Selectable } from "kysely";

// Kysely table interfaces of the survey module. JSON columns are written as JSON strings and read through
// readJson (SQLite returns text, PostgreSQL a parsed value).

/** survey_questionnaire: one version of a questionnaire. */
export interface QuestionnaireTable {
  id: string;
  key: string;
  version: number;
  title: string;
  intro: string | null;
  questions: string;
  overallQuestion: string | null;
  isExample: number;
  createdAt: string;
}

/** survey_round: one year's fieldwork with one questionnaire version. */
export interface RoundTable {
  id: string;
  slug: string;
  questionnaireId: string;
  year: number;
  title: string;
  fieldworkStart: string;
  fieldworkEnd: string;
  openWeb: number;
  isExample: number;
  /** Trim the weights at this multiple of the mean weight; null = no trimming. */
  weightTrimMultiplier: number | null;
  /** draft (being prepared), open (taking answers within the fieldwork dates) or closed. */
  status: string;
  /** The channels taking answers, comma-separated (web,phone,paper). */
  channels: string;
  /** rake or poststratify. */
  weightingMethod: string;
  /** The post-stratification variables, comma-separated; null when raking. */
  poststratCells: string | null;
  createdAt: string;
}

/** survey_sample_member: a sampled resident with an invitation code (hashed) and call-list state. */
export interface SampleMemberTable {
  id: string;
  roundId: string;
  codeHash: string;
  label: string;
  phone: string | null;
  ageGroup: string;
  sex: string;
  area: string;
  callStatus: string;
  callBackAt: string | null;
  attempts: number;
  updatedAt: string;
}

/** survey_call_attempt: one call and its outcome. */
export interface CallAttemptTable {
  id: string;
  memberId: string;
  interviewerId: string;
  outcome: string;
  callBackAt: string | null;
  at: string;
}

/** survey_response: one response from any channel. */
export interface ResponseTable {
  id: string;
  roundId: string;
  memberId: string | null;
  personId: string | null;
  externalId: string | null;
  mode: string;
  status: string;
  ageGroup: string | null;
  sex: string | null;
  area: string | null;
  answers: string;
  recordedBy: string | null;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/** survey_margin: a population figure for weighting. */
export interface MarginTable {
  year: number;
  variable: string;
  category: string;
  population: number;
  position: number;
  source: string;
  importedAt: string;
}

/** survey_margin_cell: the population of one cell of a year's cross-classification (null = not a variable). */
export interface MarginCellTable {
  year: number;
  position: number;
  ageGroup: string | null;
  sex: string | null;
  area: string | null;
  population: number;
  source: string;
  importedAt: string;
}

/** survey_quota: target of completed interviews per age group × area. */
export interface QuotaTable {
  roundId: string;
  ageGroup: string;
  area: string;
  target: number;
}

/** survey_answer_theme: a theme staff gave an open answer. */
export interface AnswerThemeTable {
  responseId: string;
  questionKey: string;
  theme: string;
  codedBy: string;
  codedAt: string;
}

export interface SurveyTables {
  surveyQuestionnaire: QuestionnaireTable;
  surveyRound: RoundTable;
  surveySampleMember: SampleMemberTable;
  surveyCallAttempt: CallAttemptTable;
  surveyResponse: ResponseTable;
  surveyMargin: MarginTable;
  surveyMarginCell: MarginCellTable;
  surveyQuota: QuotaTable;
  surveyAnswerTheme: AnswerThemeTable;
}

export type QuestionnaireRow = Selectable<QuestionnaireTable>;
export type RoundRow = Selectable<RoundTable>;
export type SampleMemberRow = Selectable<SampleMemberTable>;
export type ResponseRow = Selectable<ResponseTable>;
export type NewResponseRow = Insertable<ResponseTable>;
export type NewSampleMemberRow = Insertable<SampleMemberTable>;
export type MarginRow = Selectable<MarginTable>;
export type MarginCellRow = Selectable<MarginCellTable>;
export type QuotaRow = Selectable<QuotaTable>;
