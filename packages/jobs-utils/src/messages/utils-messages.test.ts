import { fileURLToPath } from 'node:url';
import { Translator } from '@hangar/core';
import { messageCatalogProblems } from '@hangar/core/testing';
import { describe, expect, it } from 'vitest';
import { utilsJobs } from '../plugin/utils-jobs.js';
import { utilsMessages } from './utils-messages.js';

describe('message catalogs', () => {
  it('has every key the jobs emit in English and French, with the same placeholders, and nothing else', () => {
    const problems = messageCatalogProblems({
      sourcesDir: fileURLToPath(new URL('..', import.meta.url)),
      prefix: 'utils',
      catalogs: utilsMessages,
      // The job log's output lines: `utils.commandLine.${stream}`.
      // Kept for jobs stored before the "system jobs only" rule moved to core
      // (`SYSTEM_JOB_REQUIRED`): their errors still carry this key and are rendered when read.
      builtKeys: ['utils.commandLine.stdout', 'utils.commandLine.stderr', 'utils.error.systemOnly'],
      notKeys: utilsJobs.map((job) => job.type),
    });
    expect(problems.emitted).toBeGreaterThan(10);
    expect(problems).toMatchObject({ missing: [], unused: [], placeholders: [] });
  });

  it('gives every job a description in the catalogs', () => {
    for (const job of utilsJobs) expect(utilsMessages.en![job.description!.key], job.type).toBeDefined();
  });

  it('renders in French', () => {
    const translator = new Translator().register(utilsMessages);
    expect(
      translator.render(
        { key: 'utils.error.unknownConnection', params: { field: 'connection', name: 'x' } },
        'fr',
      ),
    ).toBe('Paramètre « connection » : aucune connexion nommée « x »');
  });
});
