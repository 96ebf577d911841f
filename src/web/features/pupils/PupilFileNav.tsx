import './pupil-file.css';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { Link, useLocation } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { useSession } from '../../session.js';
import { backLink } from '../sharing/data.js';
import { usePupil } from './data.js';

/** The parts of a child's file, each shown only to those the server says may open it. */
const PARTS = [
  { path: '', labelKey: 'pupilFile.overview', policy: null },
  { path: '/groeidocument', labelKey: 'pupilFile.dossier', policy: 'dossier' },
  { path: '/opp', labelKey: 'pupilFile.opp', policy: 'opp' },
  { path: '/aanvragen', labelKey: 'pupilFile.requests', policy: 'requests' },
  { path: '/arrangementen', labelKey: 'pupilFile.arrangements', policy: 'arrangements' },
  { path: '/overleg', labelKey: 'pupilFile.meetings', policy: 'meetings' },
  { path: '/regie', labelKey: 'pupilFile.caseLead', policy: 'caseLead' },
  { path: '/verzuim', labelKey: 'pupilFile.absence', policy: 'absence' },
  { path: '/delen', labelKey: 'pupilFile.sharing', policy: 'sharing' },
  { path: '/inzage', labelKey: 'pupilFile.accessLog', policy: 'accessLog' },
] as const;

/**
 * The sub-navigation of a child's file, shown on the pupil page and its sub-pages. The page that
 * is open is marked with aria-current="page" (and visibly, not by colour alone); on a deeper page
 * (e.g. the dossier's history) its part is marked as the current section.
 */
export function PupilFileNav({ pupilId, name }: { pupilId: string; name: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/leerlingen/${encodeURIComponent(pupilId)}`;
  const here = decodeURIComponent(pathname.replace(/\/+$/, ''));
  const baseDecoded = decodeURIComponent(base);
  // the pupil page loads the same record: one request, shared through the query cache
  const pupil = usePupil(pupilId);
  const policies = pupil.data?.policies;
  const parts = PARTS.filter((p) => p.policy === null || (policies ? policies[p.policy] : false));
  return (
    <nav className="rondom-subnav" aria-label={t('pupilFile.navLabel', { name })}>
      <ul className="rondom-subnav__list">
        {parts.map((p) => {
          const target = `${baseDecoded}${p.path}`;
          const exact = here === target;
          const within = !exact && p.path !== '' && here.startsWith(`${target}/`);
          return (
            <li key={p.path} className="rondom-subnav__item">
              <Link
                to={`${base}${p.path}`}
                className="rondom-subnav__link"
                aria-current={exact ? 'page' : within ? 'true' : undefined}
              >
                {t(p.labelKey)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The top of a part of a child's file: the way back, the title, the school and the file's navigation. */
export function PupilFileHeader({ pupil, title }: { pupil: { id: string; displayName: string; school: { name: string } }; title: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const back = backLink(me.activeMembership?.role, t);
  return (
    <>
      {back ? (
        <Paragraph>
          <AppLink to={back.to}>{back.label}</AppLink>
        </Paragraph>
      ) : null}
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph className="rondom-subtitle">{pupil.school.name}</Paragraph>
      <PupilFileNav pupilId={pupil.id} name={pupil.displayName} />
    </>
  );
}
