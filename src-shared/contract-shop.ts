import { z } from 'zod';
import { def } from './contract-def';
import {
  appStatus,
  businessFields,
  businessRow,
  loginInput,
  preferencesInput,
  sessionUser,
  setupInput,
  unlockInput,
  userCreateInput,
  userRow,
  userUpdateInput,
} from './schemas/auth';
import { empty, okOutput } from './schemas/common';
import { settingsShape, settingsUpdateInput } from './schemas/settings';

/**
 * The app's start, the first run, logging in and out, the users, the shop's profile and settings.
 * Part of the one contract (contract.ts), kept apart by domain so that each list stays short.
 */
export const shopChannels = {
  'app.status': def(empty, appStatus),

  'setup.create': def(setupInput, sessionUser),
  'setup.openDemo': def(empty, z.object({ user: sessionUser, password: z.string(), customers: z.number(), transactions: z.number() })),

  'auth.login': def(loginInput, sessionUser),
  'auth.logout': def(empty, okOutput),
  'auth.lock': def(empty, okOutput),
  'auth.unlock': def(unlockInput, sessionUser),
  'auth.setPreferences': def(preferencesInput, sessionUser),

  'users.list': def(empty, z.array(userRow)),
  'users.create': def(userCreateInput, userRow),
  'users.update': def(userUpdateInput, userRow),

  'business.get': def(empty, businessRow),
  'business.update': def(businessFields, businessRow),

  'settings.get': def(empty, settingsShape),
  'settings.update': def(settingsUpdateInput, settingsShape),
} as const;
