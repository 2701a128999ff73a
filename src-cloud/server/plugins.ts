import { adminApi } from '../admin/routes';
import type { CloudOptions } from './app';
import { consoleStatic } from './console-static';

/** The console's API and pages, registered after the sync routes (src-cloud/admin, src-cloud/console). */
export const cloudPlugins: NonNullable<CloudOptions['plugins']> = [adminApi, consoleStatic()];
