import { useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client';

export interface LoginFormProps {
  onSubmit: (username: string, password: string) => void;
  pending?: boolean;
  error?: unknown;
}

const DEMO_USERS = [
  { username: 'analyst', label: 'Analyst', hint: 'ask, raw SQL, all tables' },
  { username: 'business', label: 'Business', hint: 'ask, gold tables, PII masked' },
  { username: 'admin', label: 'Admin', hint: 'everything, pipeline runs, audit' },
];

export function LoginForm({ onSubmit, pending, error }: LoginFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username || !password || pending) return;
    onSubmit(username.trim(), password);
  };

  const message = error
    ? isApiError(error) && error.status === 401
      ? 'Wrong username or password.'
      : isApiError(error)
        ? error.message
        : 'Sign-in failed.'
    : null;

  return (
    <form className="login-form" onSubmit={submit} aria-label="Sign in">
      <label className="field">
        <span>Username</span>
        <input
          name="username"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label className="field">
        <span>Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {message && (
        <div className="alert alert-error" role="alert">
          {message}
        </div>
      )}
      <button type="submit" className="btn btn-primary btn-block" disabled={pending || !username || !password}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <div className="demo-users">
        <div className="demo-users-title">Demo accounts (password = username)</div>
        <div className="demo-users-list">
          {DEMO_USERS.map((u) => (
            <button
              key={u.username}
              type="button"
              className="demo-user"
              aria-label={`Use demo account ${u.username}`}
              onClick={() => {
                setUsername(u.username);
                setPassword(u.username);
              }}
            >
              <strong>{u.label}</strong>
              <span>{u.hint}</span>
            </button>
          ))}
        </div>
      </div>
    </form>
  );
}
