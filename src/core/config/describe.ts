import type { Provenance, SettingsProvenance } from './provenance';

const LABELS: Readonly<Record<string, string>> = {
  tagPattern: 'Tag pattern',
  package: 'Package',
  paths: 'Paths',
  source: 'Deployments',
  defaultBranch: 'Default branch',
  windowDays: 'Window (days)',
  leadTimeClock: 'Lead-time clock',
  failureDays: 'Failure window (days)',
  hotfixPattern: 'Hotfix pattern',
  excludeBots: 'Exclude bots',
  bots: 'Bots',
};

/** Where a choice came from, as a reader of the output says it. */
export function provenanceLabel(from: Provenance, configFile: string | undefined): string {
  switch (from) {
    case 'flag':
      return 'command-line flag';
    case 'config':
      return configFile ?? 'config file';
    case 'setting':
      return 'VS Code setting';
    case 'detected':
      return 'detected';
    case 'default':
      return 'default';
  }
}

/** "Measured with:" and one line per choice, naming where it came from. */
export function choiceLines(settings: SettingsProvenance): string[] {
  const rows = Object.entries(settings.choices).map(([name, choice]) => {
    const value = Array.isArray(choice.value) ? choice.value.join(', ') : String(choice.value);
    return [LABELS[name] ?? name, value, provenanceLabel(choice.from, settings.configFile)] as const;
  });
  const width = Math.max(0, ...rows.map(([label]) => label.length)) + 2;
  return ['Measured with:', ...rows.map(([label, value, from]) => `  ${label.padEnd(width)}${value}  (${from})`)];
}
