import * as z from 'zod/mini';

/**
 * Where a measuring choice came from, strongest first: a CLI flag, the committed `.dora/config.yaml`,
 * a VS Code setting, what the analysis detected in the repository, or the built-in default.
 */
export const PROVENANCES = ['flag', 'config', 'setting', 'detected', 'default'] as const;
export const provenanceSchema = z.enum(PROVENANCES);
export type Provenance = z.infer<typeof provenanceSchema>;

export const choiceValueSchema = z.nullable(z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]));

/** The measuring choices an analysis used, each with its provenance; part of the metrics result. */
export const settingsProvenanceSchema = z.object({
  /** The team configuration file that was read, relative to the repository; absent when there is none. */
  configFile: z.optional(z.string()),
  choices: z.record(z.string(), z.object({ value: choiceValueSchema, from: provenanceSchema })),
});
export type SettingsProvenance = z.infer<typeof settingsProvenanceSchema>;
