import { adminApi } from '../admin/routes';
import { createAssistant } from '../assistant';
import type { CloudOptions } from './app';
import { consoleStatic } from './console-static';

/**
 * The console's API and pages, registered after the sync routes (src-cloud/admin, src-cloud/console),
 * and the WhatsApp assistant where the server has the key its secrets are sealed with
 * (SMA_ASSISTANT_KEY, 64 hex digits): without it the assistant's routes do not exist.
 */
export function cloudPlugins(env: NodeJS.ProcessEnv = process.env): NonNullable<CloudOptions['plugins']> {
  const assistant = env.SMA_ASSISTANT_KEY ? [createAssistant({ env }).plugin] : [];
  return [adminApi, ...assistant, consoleStatic()];
}
