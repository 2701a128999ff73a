/**
 * Who may use the app and how they got in (migrations 0001, 0009), part of `Database` in schema.ts:
 * the users, their sessions, and the failed logins that lock a name. Apart because they are about
 * the people at the laptop, not the shop's customers and sales.
 */

export interface UsersTable {
  id: string;
  username: string;
  name: string;
  password_hash: string;
  role: 'owner' | 'manager' | 'staff';
  language: 'id' | 'en';
  active: number; // 0 or 1: SQLite has no boolean
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
}

export interface UserSessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  locked_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
}

export interface LoginAttemptsTable {
  username: string;
  failures: number;
  locked_until: string | null;
  last_failed_at: string | null;
  /** The client the last failure came from (migration 0009). */
  client_id: string | null;
}
