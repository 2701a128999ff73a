import { useState } from 'react';
import type { ImportKindName } from '../../../src-shared/schemas/import';
import { call } from '../../api/client';
import { downloadFile } from '../../api/files';
import { notifyError } from '../../components/notify';

/** Runs one download at a time and says which one is preparing (for the button's spinner). */
export function useDownload() {
  const [pending, setPending] = useState<string | null>(null);
  const run = async (key: string, fileId: () => Promise<string>) => {
    setPending(key);
    try {
      await downloadFile(await fileId());
    } catch (error) {
      notifyError(error);
    } finally {
      setPending(null);
    }
  };
  return {
    pending,
    template: (kind: ImportKindName) => run(`template-${kind}`, async () => (await call('import.template', { kind })).fileId),
    file: (fileId: string) => run(fileId, async () => fileId),
  };
}
