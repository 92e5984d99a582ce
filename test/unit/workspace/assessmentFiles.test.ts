import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import {
  coveredByManifestSchema,
  fileKindIn,
  isListedAssessmentName,
  MANIFEST_ASSESSMENT_FOLDER,
} from '../../../src/workspace/assessmentFiles';

const ROOT = path.resolve(__dirname, '../../..');

interface Manifest {
  readonly activationEvents: readonly string[];
  readonly contributes: { readonly jsonValidation: readonly { fileMatch: readonly string[]; url: string }[] };
}
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('which assessment files get a schema, and from where', () => {
  it('leaves *.json directly in a folder called .dora to the manifest’s jsonValidation', () => {
    assert.equal(coveredByManifestSchema('/work/repo/.dora'), true);
    assert.equal(coveredByManifestSchema('/work/repo/packages/web/.dora'), true);
  });

  it('validates a folder that dora.assessmentsFolder names otherwise itself', () => {
    assert.equal(coveredByManifestSchema('/work/repo/assessments'), false);
    assert.equal(coveredByManifestSchema('/work/repo/.dora/2026'), false);
    assert.equal(coveredByManifestSchema('/work/repo/docs/.dora-old'), false);
  });

  it('takes the same files the lists show: *.json, not hidden, not temporary', () => {
    assert.deepEqual(
      ['q4.json', 'Q4.JSON', '.q4.json', '.q4.json.1a2b.tmp', 'notes.md', 'q4.json.bak'].filter(isListedAssessmentName),
      ['q4.json', 'Q4.JSON'],
    );
  });

  it('checks each file of the folder as what it is: assessments, the team configuration, frameworks', () => {
    const dir = '/work/repo/assessments';
    const kinds = [
      'q4.json',
      'config.yaml',
      'frameworks/team.yaml',
      'frameworks/team.YML',
      'frameworks/notes.md',
      'reports/q4.json',
      'other.yaml',
      '.q4.json',
    ].map((name) => [name, fileKindIn(dir, path.join(dir, name))]);
    assert.deepEqual(kinds, [
      ['q4.json', 'assessment'],
      ['config.yaml', 'config'],
      ['frameworks/team.yaml', 'framework'],
      ['frameworks/team.YML', 'framework'],
      ['frameworks/notes.md', undefined],
      ['reports/q4.json', undefined],
      ['other.yaml', undefined],
      ['.q4.json', undefined],
    ]);
    assert.equal(fileKindIn(dir, '/work/repo/q4.json'), undefined);
  });

  it('matches the manifest: its schema covers exactly the folder name it names', () => {
    const [assessments] = manifest.contributes.jsonValidation;
    assert.ok(assessments);
    assert.equal(assessments.url, './schemas/assessment.schema.json');
    assert.deepEqual(assessments.fileMatch, [
      `${MANIFEST_ASSESSMENT_FOLDER}/*.json`,
      `**/${MANIFEST_ASSESSMENT_FOLDER}/*.json`,
    ]);
  });

  it('keeps activation light: deciding which files to check loads no schema library', async function () {
    this.timeout(20_000);
    const { metafile } = await build({
      entryPoints: [path.join(ROOT, 'src/extension.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      logLevel: 'silent',
      plugins: [
        {
          name: 'host-chunk',
          setup: (b) =>
            b.onResolve({ filter: /^\.\/host\/createHost$/ }, () => ({ path: './host.js', external: true })),
        },
      ],
    });
    const inputs = Object.keys(metafile.inputs);
    assert.ok(inputs.some((input) => input.endsWith('src/workspace/assessmentFiles.ts')));
    assert.deepEqual(
      inputs.filter((input) => input.includes('node_modules')),
      [],
    );
  });

  it('activates in a workspace whose assessments live elsewhere, after start-up, not only where .dora holds them', () => {
    assert.ok(manifest.activationEvents.includes(`workspaceContains:${MANIFEST_ASSESSMENT_FOLDER}/*.json`));
    assert.ok(manifest.activationEvents.includes('onStartupFinished'));
  });
});
