import { LinearProgress, Typography } from '@mui/material';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { InterviewerHome } from '../features/interviews/InterviewerHome';
import { ResumeSync } from '../features/interviews/ResumeSync';

/** Every screen's loader, so all of them can be loaded ahead (see `usePreloadedScreens`). */
const SCREEN_LOADERS: (() => Promise<unknown>)[] = [];

/** A screen loaded on first visit (its code is a separate chunk; the service worker keeps them all offline). */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  SCREEN_LOADERS.push(load);
  return lazy(async () => ({ default: (await load())[name] }));
}

/**
 * Loads every screen's code once the app is up, while the network is there: a laptop closed right
 * after signing in still opens every screen offline, even before the service worker has cached them.
 */
function usePreloadedScreens(): void {
  useEffect(() => {
    for (const load of SCREEN_LOADERS) {
      // Offline at start, the service worker answers; failing that, the screen loads on first visit.
      load().catch(() => undefined);
    }
  }, []);
}

const DashboardPage = screen(() => import('../features/dashboard/DashboardPage'), 'DashboardPage');
const JobsPage = screen(() => import('../features/jobs/JobsPage'), 'JobsPage');
const JobPage = screen(() => import('../features/jobs/JobPage'), 'JobPage');
const JobEditPage = screen(() => import('../features/jobs/JobEditPage'), 'JobEditPage');
const CandidatesPage = screen(() => import('../features/candidates/CandidatesPage'), 'CandidatesPage');
const CandidatePage = screen(() => import('../features/candidates/CandidatePage'), 'CandidatePage');
const DuplicatesPage = screen(() => import('../features/candidates/DuplicatesPage'), 'DuplicatesPage');
const CandidateEditPage = screen(
  () => import('../features/candidates/CandidateEditPage'),
  'CandidateEditPage',
);
const ApplicationPage = screen(() => import('../features/applications/ApplicationPage'), 'ApplicationPage');
const MyInterviewsPage = screen(() => import('../features/interviews/MyInterviewsPage'), 'MyInterviewsPage');
const InterviewPage = screen(() => import('../features/interviews/InterviewPage'), 'InterviewPage');
const RefusedChangesPage = screen(() => import('../features/sync/RefusedChangesPage'), 'RefusedChangesPage');
const PipelinePage = screen(() => import('../features/pipeline/PipelinePage'), 'PipelinePage');
const AdminPage = screen(() => import('../features/admin/AdminPage'), 'AdminPage');
const PreferencesPage = screen(() => import('../features/preferences/PreferencesPage'), 'PreferencesPage');

/** The screens, by client-side route (the server answers every /app/* path with the app). */
export function AppRoutes() {
  usePreloadedScreens();
  return (
    <Suspense fallback={<LinearProgress aria-label="Loading screen" />}>
      <ResumeSync />
      <Routes>
        <Route path="/" element={<InterviewerHome fallback={<DashboardPage />} />} />
        <Route path="/my-interviews" element={<MyInterviewsPage />} />
        <Route path="/interviews/:interviewId" element={<InterviewPage />} />
        <Route path="/jobs" element={<JobsPage />} />
        <Route path="/jobs/new" element={<JobEditPage />} />
        <Route path="/jobs/:jobId" element={<JobPage />} />
        <Route path="/jobs/:jobId/edit" element={<JobEditPage />} />
        <Route path="/jobs/:jobId/pipeline" element={<PipelinePage />} />
        <Route path="/candidates" element={<CandidatesPage />} />
        <Route path="/candidates/new" element={<CandidateEditPage />} />
        <Route path="/candidates/duplicates" element={<DuplicatesPage />} />
        <Route path="/candidates/:candidateId" element={<CandidatePage />} />
        <Route path="/candidates/:candidateId/edit" element={<CandidateEditPage />} />
        <Route path="/applications/:applicationId" element={<ApplicationPage />} />
        <Route path="/refused" element={<RefusedChangesPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="/admin/:section" element={<AdminPage />} />
        <Route path="/preferences" element={<PreferencesPage />} />
        <Route path="*" element={<Typography>This page does not exist.</Typography>} />
      </Routes>
    </Suspense>
  );
}
