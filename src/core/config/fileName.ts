/**
 * Where the team configuration lives, inside the assessments folder (`dora.assessmentsFolder`, default
 * `.dora`). On its own, without the schema, so activation can name the file without loading zod.
 */
export const CONFIG_FILE_NAME = 'config.yaml';
