/** Command ids, shared by package.json, the host and the panel (which runs them via executeCommand). */
export const COMMAND_IDS = {
  newAssessment: 'dora.newAssessment',
  quickCheck: 'dora.quickCheck',
  openAssessment: 'dora.openAssessment',
  openInPanel: 'dora.openInPanel',
  suggestFromGit: 'dora.suggestFromGit',
  showGitMetrics: 'dora.showGitMetrics',
  generateReport: 'dora.generateReport',
  exportReportHtml: 'dora.exportReportHtml',
  refreshAssessments: 'dora.refreshAssessments',
  revealAssessment: 'dora.revealAssessment',
  createTeamConfig: 'dora.createTeamConfiguration',
} as const;

export const PANEL_VIEW_TYPE = 'dora.assessmentPanel';
export const ASSESSMENTS_VIEW_ID = 'dora.assessments';
