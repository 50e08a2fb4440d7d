import { lazy } from 'react';
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth, RequireRole } from '@/features/auth/components/RequireAuth';
import LoginPage from '@/features/auth/components/LoginPage';
import { Layout } from './Layout';

const AskPage = lazy(() => import('@/features/ask/components/AskPage'));
const DataPage = lazy(() => import('@/features/data/components/DataPage'));
const PipelinePage = lazy(() => import('@/features/pipeline/components/PipelinePage'));
const SqlPage = lazy(() => import('@/features/sql/components/SqlPage'));
const AuditPage = lazy(() => import('@/features/audit/components/AuditPage'));
const VerifiedPage = lazy(() => import('@/features/learning/components/VerifiedPage'));
const MissedPage = lazy(() => import('@/features/learning/components/MissedPage'));

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Layout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/ask" replace /> },
      { path: 'ask', element: <AskPage /> },
      { path: 'data', element: <DataPage /> },
      { path: 'pipeline', element: <PipelinePage /> },
      { path: 'pipeline/:runId', element: <PipelinePage /> },
      {
        path: 'sql',
        element: (
          <RequireRole roles={['analyst', 'admin']}>
            <SqlPage />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole roles={['admin']}>
            <AuditPage />
          </RequireRole>
        ),
      },
      {
        path: 'verified',
        element: (
          <RequireRole roles={['analyst', 'admin']}>
            <VerifiedPage />
          </RequireRole>
        ),
      },
      {
        path: 'feedback',
        element: (
          <RequireRole roles={['admin']}>
            <MissedPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}

function NotFound() {
  return (
    <div className="empty">
      <h1>Page not found</h1>
      <p className="muted">There is nothing at this address.</p>
    </div>
  );
}
