import { useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiError, SESSION_EVENT } from './api.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { markNavigated } from './components/page.js';
import { Shell } from './components/Shell.js';
import { Loading } from './components/Status.js';
import { applyLocale, currentLocale } from './i18n/index.js';
import { canOpen } from './roles.js';
import { ErrorPage } from './routes/ErrorPage.js';
import { NotFoundPage } from './routes/NotFoundPage.js';
import { ME_KEY, SessionProvider, useMeQuery, useOptionalSession, useSession } from './session.js';

const SignInPage = lazy(() => import('./features/auth/SignInPage.js'));
const ForgotPasswordPage = lazy(() => import('./features/auth/ForgotPasswordPage.js'));
const ResetPasswordPage = lazy(() => import('./features/auth/ResetPasswordPage.js'));
const TwoFactorSetupPage = lazy(() => import('./features/auth/TwoFactorSetupPage.js'));
const AccountPage = lazy(() => import('./features/auth/AccountPage.js'));
const HomePage = lazy(() => import('./routes/HomePage.js'));
const PupilsPage = lazy(() => import('./features/pupils/PupilsPage.js'));
const PupilPage = lazy(() => import('./features/pupils/PupilPage.js'));
const MyFilePage = lazy(() => import('./features/pupils/MyFilePage.js'));
const OrganisationsPage = lazy(() => import('./features/organisations/OrganisationsPage.js'));
const OrganisationPage = lazy(() => import('./features/organisations/OrganisationPage.js'));
const UsersPage = lazy(() => import('./features/users/UsersPage.js'));
const UserPage = lazy(() => import('./features/users/UserPage.js'));
const GroupsPage = lazy(() => import('./features/groups/GroupsPage.js'));
const GroupPage = lazy(() => import('./features/groups/GroupPage.js'));
const ImportPage = lazy(() => import('./features/imports/ImportPage.js'));
const DossierPage = lazy(() => import('./features/dossier/DossierPage.js'));
const DossierVersionsPage = lazy(() => import('./features/dossier/DossierVersionsPage.js'));
const DossierVersionPage = lazy(() => import('./features/dossier/DossierVersionPage.js'));
const HelpPage = lazy(() => import('./features/help/HelpPage.js'));
const SharingPage = lazy(() => import('./features/sharing/SharingPage.js'));
const AccessLogPage = lazy(() => import('./features/sharing/AccessLogPage.js'));
const BreakGlassReviewPage = lazy(() => import('./features/break-glass/BreakGlassReviewPage.js'));
const OppListPage = lazy(() => import('./features/opp/OppListPage.js'));
const OppPage = lazy(() => import('./features/opp/OppPage.js'));
const OppClocksPage = lazy(() => import('./features/opp/OppClocksPage.js'));
const RequestsPage = lazy(() => import('./features/requests/RequestsPage.js'));
const ChecklistsPage = lazy(() => import('./features/requests/ChecklistsPage.js'));
const RequestPage = lazy(() => import('./features/requests/RequestPage.js'));
const PupilRequestsPage = lazy(() => import('./features/requests/PupilRequestsPage.js'));
const NewRequestPage = lazy(() => import('./features/requests/NewRequestPage.js'));
const TlvClocksPage = lazy(() => import('./features/decisions/TlvClocksPage.js'));
const CataloguePage = lazy(() => import('./features/arrangements/CataloguePage.js'));
const ArrangementPage = lazy(() => import('./features/arrangements/ArrangementPage.js'));
const PupilArrangementsPage = lazy(() => import('./features/arrangements/PupilArrangementsPage.js'));
const CostsPage = lazy(() => import('./features/arrangements/CostsPage.js'));
const PupilMeetingsPage = lazy(() => import('./features/meetings/PupilMeetingsPage.js'));
const NewMeetingPage = lazy(() => import('./features/meetings/NewMeetingPage.js'));
const MeetingPage = lazy(() => import('./features/meetings/MeetingPage.js'));
const CasePage = lazy(() => import('./features/case-leads/CasePage.js'));
const MyCasesPage = lazy(() => import('./features/case-leads/MyCasesPage.js'));
const InboxPage = lazy(() => import('./features/tasks/InboxPage.js'));
const TeamTasksPage = lazy(() => import('./features/tasks/TeamTasksPage.js'));
const AbsenceCaseListPage = lazy(() => import('./features/absence/CaseListPage.js'));
const AbsenceCasePage = lazy(() => import('./features/absence/CasePage.js'));
const PupilAbsencePage = lazy(() => import('./features/absence/PupilAbsencePage.js'));
const AbsenceOverviewPage = lazy(() => import('./features/absence/OverviewPage.js'));
const AbsenceSettingsPage = lazy(() => import('./features/absence/SettingsPage.js'));

export const SECOND_FACTOR_PATH = '/tweestapsverificatie';

/** Reacts to "session ended" and "second factor needed" answers from any API call. */
function useSessionEvents() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    const onEvent = (e: Event) => {
      const code = (e as CustomEvent<string>).detail;
      if (code === 'unauthenticated') {
        queryClient.setQueryData(ME_KEY, null);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      } else if (code === 'second_factor_required') {
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
        navigate(SECOND_FACTOR_PATH);
      }
    };
    window.addEventListener(SESSION_EVENT, onEvent);
    return () => window.removeEventListener(SESSION_EVENT, onEvent);
  }, [queryClient, navigate]);
}

/**
 * Later pages move focus to their heading; the first page load does not. Marked during render, so
 * the flag is set before the new page's own effects run (children's effects run before ours).
 */
function useNavigationFocus() {
  const location = useLocation();
  const firstKey = useRef(location.key);
  if (location.key !== firstKey.current) markNavigated();
}

function ShellLayout() {
  const me = useMeQuery();
  const location = useLocation();
  const appliedFor = useRef<string | null>(null);
  useSessionEvents();
  useNavigationFocus();
  const user = me.data ?? null;
  // a signed-in person gets the language stored with their account
  useEffect(() => {
    if (!user || appliedFor.current === user.user.id) return;
    appliedFor.current = user.user.id;
    if (user.user.locale !== currentLocale()) void applyLocale(user.user.locale);
  }, [user]);
  if (me.isPending) {
    return (
      <Shell me={null}>
        <Loading />
      </Shell>
    );
  }
  return (
    <SessionProvider value={user}>
      <Shell me={user}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            {me.isError && !(me.error instanceof ApiError && me.error.code === 'second_factor_required') ? (
              <ErrorPage message={me.error.message} onRetry={() => void me.refetch()} />
            ) : (
              <Outlet context={me.error} />
            )}
          </Suspense>
        </ErrorBoundary>
      </Shell>
    </SessionProvider>
  );
}

/** Pages for signed-in people; others go to the sign-in page and come back afterwards. */
function RequireSession() {
  const me = useOptionalSession();
  const location = useLocation();
  const meQuery = useMeQuery();
  if (meQuery.error instanceof ApiError && meQuery.error.code === 'second_factor_required') {
    return <TwoFactorSetupPage />;
  }
  if (!me) return <Navigate to="/inloggen" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}

/** Staff in a region that demands a second factor set it up before anything else. */
function RequireSecondFactor() {
  const me = useSession();
  if (me.secondFactor.required && !me.secondFactor.enabled) return <Navigate to={SECOND_FACTOR_PATH} replace />;
  return <Outlet />;
}

function PublicOnly({ children }: { children: ReactNode }) {
  const me = useOptionalSession();
  const location = useLocation();
  if (me) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from?.startsWith('/') ? from : '/'} replace />;
  }
  return <>{children}</>;
}

function RequireArea({ area, children }: { area: Parameters<typeof canOpen>[1]; children: ReactNode }) {
  const me = useSession();
  if (!canOpen(me.activeMembership?.role, area)) return <NotFoundPage />;
  return <>{children}</>;
}

export function App() {
  return (
    <Routes>
      <Route element={<ShellLayout />}>
        <Route
          path="/inloggen"
          element={
            <PublicOnly>
              <SignInPage />
            </PublicOnly>
          }
        />
        <Route path="/wachtwoord-vergeten" element={<ForgotPasswordPage />} />
        <Route path="/wachtwoord-herstellen" element={<ResetPasswordPage />} />
        <Route element={<RequireSession />}>
          <Route path={SECOND_FACTOR_PATH} element={<TwoFactorSetupPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route element={<RequireSecondFactor />}>
            <Route index element={<HomePage />} />
            <Route
              path="/leerlingen"
              element={
                <RequireArea area="pupils">
                  <PupilsPage />
                </RequireArea>
              }
            />
            <Route
              path="/mijn-kinderen"
              element={
                <RequireArea area="children">
                  <PupilsPage mode="children" />
                </RequireArea>
              }
            />
            <Route
              path="/mijn-dossier"
              element={
                <RequireArea area="myFile">
                  <MyFilePage />
                </RequireArea>
              }
            />
            <Route path="/leerlingen/:id" element={<PupilPage />} />
            <Route path="/leerlingen/:id/groeidocument" element={<DossierPage />} />
            <Route path="/leerlingen/:id/groeidocument/versies" element={<DossierVersionsPage />} />
            <Route path="/leerlingen/:id/groeidocument/versies/:version" element={<DossierVersionPage />} />
            <Route path="/leerlingen/:id/opp" element={<OppListPage />} />
            <Route path="/leerlingen/:id/opp/:oppId" element={<OppPage />} />
            <Route
              path="/opp-overzicht"
              element={
                <RequireArea area="oppOverview">
                  <OppClocksPage />
                </RequireArea>
              }
            />
            <Route path="/leerlingen/:id/aanvragen" element={<PupilRequestsPage />} />
            <Route path="/leerlingen/:id/aanvragen/nieuw" element={<NewRequestPage />} />
            <Route path="/leerlingen/:id/arrangementen" element={<PupilArrangementsPage />} />
            <Route
              path="/aanvragen"
              element={
                <RequireArea area="requests">
                  <RequestsPage />
                </RequireArea>
              }
            />
            <Route path="/aanvragen/:id" element={<RequestPage />} />
            <Route
              path="/checklists-aanvragen"
              element={
                <RequireArea area="checklists">
                  <ChecklistsPage />
                </RequireArea>
              }
            />
            <Route
              path="/tlv-overzicht"
              element={
                <RequireArea area="tlvOverview">
                  <TlvClocksPage />
                </RequireArea>
              }
            />
            <Route
              path="/arrangementen"
              element={
                <RequireArea area="catalogue">
                  <CataloguePage />
                </RequireArea>
              }
            />
            <Route path="/arrangementen/:id" element={<ArrangementPage />} />
            <Route
              path="/kosten"
              element={
                <RequireArea area="costs">
                  <CostsPage />
                </RequireArea>
              }
            />
            <Route path="/leerlingen/:id/overleg" element={<PupilMeetingsPage />} />
            <Route path="/leerlingen/:id/overleg/nieuw" element={<NewMeetingPage />} />
            <Route path="/overleg/:id" element={<MeetingPage />} />
            <Route path="/leerlingen/:id/regie" element={<CasePage />} />
            <Route
              path="/mijn-regie"
              element={
                <RequireArea area="myCases">
                  <MyCasesPage />
                </RequireArea>
              }
            />
            <Route path="/taken" element={<InboxPage />} />
            <Route
              path="/taken/team"
              element={
                <RequireArea area="teamTasks">
                  <TeamTasksPage />
                </RequireArea>
              }
            />
            <Route
              path="/verzuim"
              element={
                <RequireArea area="absence">
                  <AbsenceCaseListPage />
                </RequireArea>
              }
            />
            <Route
              path="/verzuim/cijfers"
              element={
                <RequireArea area="absenceFigures">
                  <AbsenceOverviewPage />
                </RequireArea>
              }
            />
            <Route path="/verzuim/:id" element={<AbsenceCasePage />} />
            <Route path="/leerlingen/:id/verzuim" element={<PupilAbsencePage />} />
            <Route
              path="/instellingen-verzuim"
              element={
                <RequireArea area="absenceSettings">
                  <AbsenceSettingsPage />
                </RequireArea>
              }
            />
            <Route path="/leerlingen/:id/delen" element={<SharingPage />} />
            <Route path="/leerlingen/:id/inzage" element={<AccessLogPage />} />
            <Route path="/hulp" element={<HelpPage />} />
            <Route
              path="/organisaties"
              element={
                <RequireArea area="organisations">
                  <OrganisationsPage />
                </RequireArea>
              }
            />
            <Route
              path="/organisaties/:id"
              element={
                <RequireArea area="organisations">
                  <OrganisationPage />
                </RequireArea>
              }
            />
            <Route
              path="/gebruikers"
              element={
                <RequireArea area="users">
                  <UsersPage />
                </RequireArea>
              }
            />
            <Route
              path="/gebruikers/:id"
              element={
                <RequireArea area="users">
                  <UserPage />
                </RequireArea>
              }
            />
            <Route
              path="/groepen"
              element={
                <RequireArea area="groups">
                  <GroupsPage />
                </RequireArea>
              }
            />
            <Route
              path="/groepen/:id"
              element={
                <RequireArea area="groups">
                  <GroupPage />
                </RequireArea>
              }
            />
            <Route
              path="/spoedtoegang"
              element={
                <RequireArea area="breakGlass">
                  <BreakGlassReviewPage />
                </RequireArea>
              }
            />
            <Route
              path="/importeren"
              element={
                <RequireArea area="import">
                  <ImportPage />
                </RequireArea>
              }
            />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
