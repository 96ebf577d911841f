import './pupil-file.css';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** The parts of a child's file. OPP, sharing and the access log are pages of their own (built separately). */
const PARTS = [
  { path: '', labelKey: 'pupilFile.overview' },
  { path: '/groeidocument', labelKey: 'pupilFile.dossier' },
  { path: '/opp', labelKey: 'pupilFile.opp' },
  { path: '/delen', labelKey: 'pupilFile.sharing' },
  { path: '/inzage', labelKey: 'pupilFile.accessLog' },
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
  return (
    <nav className="rondom-subnav" aria-label={t('pupilFile.navLabel', { name })}>
      <ul className="rondom-subnav__list">
        {PARTS.map((p) => {
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
