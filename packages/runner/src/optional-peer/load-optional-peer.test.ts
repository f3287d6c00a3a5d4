import { describe, expect, it } from 'vitest';
import { loadOptionalPeer } from './load-optional-peer.js';

describe('loadOptionalPeer', () => {
  it('says which package to install for which option when it is not installed', async () => {
    // A real import of a package that is not installed, as for a missing prom-client.
    const missing = loadOptionalPeer(
      () => import('@hangar/not-installed-peer' as string),
      'metrics',
      'prom-client@15',
    );
    await expect(missing).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      params: { option: 'metrics' },
      message: expect.stringContaining('npm install prom-client@15'),
    });
  });

  it('loads an installed package', async () => {
    const prom = await loadOptionalPeer(() => import('prom-client'), 'metrics', 'prom-client@15');
    expect(typeof prom.Registry).toBe('function');
  });
});
