import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { FREE_ATTEMPTS, lockSeconds, MAX_NAMES_PER_CLIENT, MAX_TRACKED_NAMES } from '../../src-main/auth/throttle';
import { fails, OWNER_PASSWORD, ok, shopWithOwner, testApp } from '../helpers';

function actions(app: Awaited<ReturnType<typeof testApp>>): string[] {
  return (app.services.sqlite.prepare('SELECT action FROM activity_logs ORDER BY created_at, rowid').all() as { action: string }[]).map((r) => r.action);
}

describe('first run', () => {
  it('creates the owner and business, logs in, and refuses a second setup', async () => {
    const app = await testApp();
    expect(await ok(app, 'app.status', {}, 'c1')).toMatchObject({ setupDone: false, user: null });
    const user = await ok(
      app,
      'setup.create',
      { owner: { name: 'Sari', username: 'Sari', password: OWNER_PASSWORD }, business: { name: 'Toko Sari', phone: '0812 3456 7890' } },
      'c1',
    );
    expect(user).toMatchObject({ username: 'sari', role: 'owner', language: 'id' });
    expect(await ok(app, 'app.status', {}, 'c1')).toMatchObject({
      setupDone: true,
      business: { name: 'Toko Sari', timezone: 'Asia/Jakarta' },
      user: { username: 'sari' },
    });
    expect(await ok(app, 'business.get', {}, 'c1')).toMatchObject({ phone: '+6281234567890', currency: 'IDR' });
    expect((await fails(app, 'setup.create', { owner: { name: 'X', username: 'xxx', password: 'password-1' }, business: { name: 'Y' } }, 'c2')).code).toBe(
      'CONFLICT',
    );
    const hash = app.services.sqlite.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
    expect(hash.password_hash).not.toContain(OWNER_PASSWORD);
  });
});

describe('login and logout', () => {
  it('logs every login, failed attempt and logout in the activity log', async () => {
    const app = await shopWithOwner();
    await ok(app, 'auth.logout', {});
    expect((await fails(app, 'customers.list', {})).code).toBe('UNAUTHENTICATED');
    const bad = await fails(app, 'auth.login', { username: 'sari', password: 'wrong-password' });
    expect(bad).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Nama pengguna atau kata sandi salah.' });
    await ok(app, 'auth.login', { username: 'SARI', password: OWNER_PASSWORD });
    await ok(app, 'customers.list', {});
    expect(actions(app)).toEqual(['setup.create', 'auth.login', 'auth.logout', 'auth.login_failed', 'auth.login']);
    const logs = JSON.stringify(app.services.sqlite.prepare('SELECT * FROM activity_logs').all());
    expect(logs).not.toContain('wrong-password');
    expect(logs).not.toContain(OWNER_PASSWORD);
  });

  it('makes each failed login after the fourth wait longer', async () => {
    const clock = new ManualClock(new Date('2026-11-21T03:00:00Z'));
    const app = await shopWithOwner({ clock });
    await ok(app, 'auth.logout', {});
    for (let i = 0; i < 4; i++) expect((await fails(app, 'auth.login', { username: 'sari', password: 'nope' })).code).toBe('UNAUTHENTICATED');
    expect((await fails(app, 'auth.login', { username: 'sari', password: 'nope' })).code).toBe('UNAUTHENTICATED'); // 5th: now locked 30 s
    const throttled = await fails(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD });
    expect(throttled).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 30 } });
    expect(throttled.message).toContain('30 detik');
    clock.advance(31_000);
    expect((await fails(app, 'auth.login', { username: 'sari', password: 'nope' })).code).toBe('UNAUTHENTICATED'); // 6th: 60 s
    expect((await fails(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD })).details).toEqual({ retryAfterSeconds: 60 });
    clock.advance(61_000);
    await ok(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD });
    expect(lockSeconds(4)).toBe(0);
    expect([5, 6, 7, 20].map(lockSeconds)).toEqual([30, 60, 120, 900]);
    // Unknown usernames are throttled too, so guessing names gains nothing.
    for (let i = 0; i < 5; i++) await fails(app, 'auth.login', { username: 'ghost', password: 'x' }, 'other');
    expect((await fails(app, 'auth.login', { username: 'ghost', password: 'x' }, 'other')).code).toBe('RATE_LIMITED');
  });
});

describe('parallel logins', () => {
  it('check at most FREE_ATTEMPTS + 1 passwords however many arrive at once', async () => {
    const app = await shopWithOwner();
    await ok(app, 'auth.logout', {});
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => app.call('auth.login', { username: 'sari', password: `wrong-${i}` }, { clientId: `c${i}` })),
    );
    const codes = answers.map((a) => (a.ok ? 'OK' : a.error.code));
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(FREE_ATTEMPTS + 1);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(100 - FREE_ATTEMPTS - 1);
  });

  it('do not let the right password through at position 31 of 100', async () => {
    const app = await shopWithOwner();
    await ok(app, 'auth.logout', {});
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        app.call('auth.login', { username: 'sari', password: i === 30 ? OWNER_PASSWORD : `wrong-${i}` }, { clientId: `c${i}` }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(0);
    expect(answers[30]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('forget unknown names a day after their last failure, and never track more than the bound', async () => {
    const clock = new ManualClock(new Date('2026-11-21T03:00:00Z'));
    const app = await shopWithOwner({ clock });
    const names = () => (app.services.sqlite.prepare('SELECT COUNT(*) AS n FROM login_attempts').get() as { n: number }).n;
    const insert = app.services.sqlite.prepare('INSERT INTO login_attempts (username, failures, locked_until, last_failed_at) VALUES (?, 1, NULL, ?)');
    app.services.sqlite.transaction(() => {
      for (let i = 0; i < MAX_TRACKED_NAMES + 500; i++) insert.run(`ghost${i}`, new Date(clock.now().getTime() - i).toISOString());
    })();
    await fails(app, 'auth.login', { username: 'nobody', password: 'x' }, 'other');
    expect(names()).toBe(MAX_TRACKED_NAMES);
    expect(app.services.sqlite.prepare("SELECT 1 FROM login_attempts WHERE username = 'nobody'").get()).toBeTruthy();
    clock.advance(24 * 3600 * 1000 + 1000);
    await fails(app, 'auth.login', { username: 'nobody2', password: 'x' }, 'other');
    expect(names()).toBe(1);
  });

  it('let one client fail on a few names at once only, so made-up names cannot push a locked one out', async () => {
    const clock = new ManualClock(new Date('2026-11-21T03:00:00Z'));
    const app = await shopWithOwner({ clock });
    await ok(app, 'auth.logout', {});
    for (let i = 0; i <= FREE_ATTEMPTS; i++) await fails(app, 'auth.login', { username: 'sari', password: `wrong-${i}` }, 'attacker');
    expect((await fails(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD }, 'attacker')).code).toBe('RATE_LIMITED');
    // Made-up names from the same client: a few fail as wrong logins, then the client must wait.
    const codes: string[] = [];
    for (let i = 0; i < MAX_NAMES_PER_CLIENT + 5; i++) codes.push((await fails(app, 'auth.login', { username: `ghost${i}`, password: 'x' }, 'attacker')).code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(MAX_NAMES_PER_CLIENT - 1); // sari is one of its names
    expect(codes.slice(MAX_NAMES_PER_CLIENT - 1).every((c) => c === 'RATE_LIMITED')).toBe(true);
    // Another client is not held up, and sari stays locked for everyone.
    expect((await fails(app, 'auth.login', { username: 'budi', password: 'x' }, 'kasir')).code).toBe('UNAUTHENTICATED');
    expect((await fails(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD }, 'kasir')).code).toBe('RATE_LIMITED');
    // A full table of other names does not push the lock out either.
    const insert = app.services.sqlite.prepare(
      "INSERT INTO login_attempts (username, failures, locked_until, last_failed_at, client_id) VALUES (?, 1, NULL, ?, 'elsewhere')",
    );
    app.services.sqlite.transaction(() => {
      for (let i = 0; i < MAX_TRACKED_NAMES + 10; i++) insert.run(`many${i}`, clock.now().toISOString());
    })();
    await fails(app, 'auth.login', { username: 'one-more', password: 'x' }, 'kasir');
    expect(app.services.sqlite.prepare("SELECT locked_until FROM login_attempts WHERE username = 'sari'").get()).toMatchObject({
      locked_until: expect.any(String),
    });
  });
});

describe('idle lock and session expiry', () => {
  it('locks after the idle time from Settings and unlocks with the password', async () => {
    const clock = new ManualClock(new Date('2026-11-21T03:00:00Z'));
    const app = await shopWithOwner({ clock });
    await ok(app, 'settings.update', { idleLockMinutes: 5 });
    clock.advance(4 * 60_000);
    await ok(app, 'customers.list', {});
    clock.advance(5 * 60_000 + 1000);
    const locked = await fails(app, 'customers.list', {});
    expect(locked.code).toBe('SESSION_LOCKED');
    expect(await ok(app, 'app.status', {})).toMatchObject({ locked: true, user: { username: 'sari' } });
    expect((await fails(app, 'auth.unlock', { password: 'nope' })).code).toBe('UNAUTHENTICATED');
    await ok(app, 'auth.unlock', { password: OWNER_PASSWORD });
    await ok(app, 'customers.list', {});
    expect(actions(app)).toContain('auth.unlock_failed');
  });

  it('locks on request and ends sessions after the session lifetime', async () => {
    const clock = new ManualClock(new Date('2026-11-21T03:00:00Z'));
    const app = await shopWithOwner({ clock });
    await ok(app, 'auth.lock', {});
    expect((await fails(app, 'customers.list', {})).code).toBe('SESSION_LOCKED');
    await ok(app, 'auth.unlock', { password: OWNER_PASSWORD });
    await ok(app, 'settings.update', { idleLockMinutes: 240 });
    for (let h = 0; h < 12; h++) {
      clock.advance(3600_000);
      if (h < 11) await ok(app, 'customers.list', {});
    }
    const expired = await fails(app, 'customers.list', {});
    expect(expired).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Sesi Anda telah berakhir. Silakan masuk kembali.' });
  });

  it('lets a client whose session has just expired log in at the first try', async () => {
    const clock = new ManualClock(new Date('2026-11-21T03:00:00Z'));
    const app = await shopWithOwner({ clock });
    clock.advance(13 * 3600_000); // past the session lifetime, no call in between
    await ok(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD });
    await ok(app, 'customers.list', {});
  });

  it('ends the sessions of a user the owner disables', async () => {
    const app = await shopWithOwner();
    await ok(app, 'users.create', { name: 'Kasir', username: 'kasir', password: 'password-123', role: 'staff' });
    await ok(app, 'auth.login', { username: 'kasir', password: 'password-123' }, 'kasir');
    const users = await ok(app, 'users.list', {});
    const kasir = users.find((u) => u.username === 'kasir')!;
    await ok(app, 'users.update', { id: kasir.id, name: 'Kasir', role: 'staff', active: false });
    expect((await fails(app, 'customers.list', {}, 'kasir')).code).toBe('UNAUTHENTICATED');
    expect((await fails(app, 'auth.login', { username: 'kasir', password: 'password-123' }, 'kasir')).code).toBe('FORBIDDEN');
    const owner = users.find((u) => u.username === 'sari')!;
    expect((await fails(app, 'users.update', { id: owner.id, name: 'Sari', role: 'manager', active: true })).code).toBe('CONFLICT');
  });
});
