import { Navigate, useSearchParams } from 'react-router';
import { useLogin, useSession } from '../api/auth';
import { Logo } from '@/components/Logo';
import { LoginForm } from './LoginForm';

export default function LoginPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const loginMutation = useLogin();
  const from = params.get('from');
  const target = from && from.startsWith('/') && !from.startsWith('//') ? from : '/ask';

  if (session) return <Navigate to={target} replace />;

  return (
    <div className="login-page">
      <div className="login-card">
        <div className="brand brand-large">
          <Logo />
          <div>
            <div className="brand-name">MedFlow</div>
            <div className="brand-tag">Healthcare claims analytics</div>
          </div>
        </div>
        <h1 className="login-title">Sign in</h1>
        <LoginForm
          pending={loginMutation.isPending}
          error={loginMutation.error}
          onSubmit={(username, password) => loginMutation.mutate({ username, password })}
        />
      </div>
    </div>
  );
}
