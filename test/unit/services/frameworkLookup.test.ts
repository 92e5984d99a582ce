import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadCatalog } from '../../../src/frameworks/catalog';
import { describeLookupFailure } from '../../../src/services/frameworkLookup';
import { workspaceFrameworksDir } from '../../../src/workspace/assessmentFiles';
import { frameworkYaml, TWO_DOMAINS } from '../builders/framework';
import { tempDir } from '../store/helpers';

describe('explaining an unknown framework id', () => {
  let dir: string;
  let frameworks: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    frameworks = workspaceFrameworksDir(path.join(dir, '.dora'));
    mkdirSync(frameworks, { recursive: true });
  });
  afterEach(() => cleanup());

  it('names the id, the known ones and where to put the YAML', () => {
    writeFileSync(path.join(frameworks, 'ours.yaml'), frameworkYaml(TWO_DOMAINS, 'ours'));
    const entries = loadCatalog([{ dir: frameworks, source: 'workspace' }]);
    const message = describeLookupFailure({
      id: 'theirs',
      entries,
      trusted: true,
      frameworksDir: frameworks,
      heldBack: false,
    });
    assert.match(message, /Framework "theirs" was not found \(known: ours\)/);
    assert.match(message, /\.dora\/frameworks\/theirs\.yaml/);
  });

  it('points at a workspace framework file that does not load', () => {
    writeFileSync(path.join(frameworks, 'broken.yaml'), 'id: broken\nname: [unclosed\n');
    const entries = loadCatalog([{ dir: frameworks, source: 'workspace' }]);
    const message = describeLookupFailure({
      id: 'broken',
      entries,
      trusted: true,
      frameworksDir: frameworks,
      heldBack: false,
    });
    assert.match(message, /broken\.yaml \(/);
  });

  it('says that trusting the workspace is the fix when its frameworks were held back', () => {
    writeFileSync(path.join(frameworks, 'ours.yaml'), frameworkYaml(TWO_DOMAINS, 'ours'));
    const message = describeLookupFailure({
      id: 'ours',
      entries: [],
      trusted: false,
      frameworksDir: frameworks,
      heldBack: true,
    });
    assert.match(message, /not loaded because this workspace is not trusted\. Trust the workspace/);
  });
});
