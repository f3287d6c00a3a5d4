import { describe, expect, it } from 'vitest';
import { jobOutputArea, tenantFileArea, tenantUploadArea } from './tenant-file-areas.js';

describe('tenant file areas', () => {
  it('lays out a tenant and a job without one', () => {
    expect(tenantFileArea('acme')).toBe('tenants/acme');
    expect(tenantUploadArea('acme')).toBe('tenants/acme/uploads');
    expect(jobOutputArea('acme', '0f1e2d3c-aaaa')).toBe('tenants/acme/jobs/0f1e2d3c-aaaa');
    expect(tenantFileArea(undefined)).toBe('system');
    expect(jobOutputArea(undefined, 'j1')).toBe('system/jobs/j1');
  });

  it('refuses ids that are not plain folder names', () => {
    for (const id of ['', '.', '..', '../globex', 'a/b', 'a\\b', '.hidden', 'x'.repeat(129), 'ac me'])
      expect(tenantFileArea(id), JSON.stringify(id)).toBeUndefined();
    expect(jobOutputArea('acme', '../other')).toBeUndefined();
  });
});
