import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../components/AppLink.js';
import { PageHeading } from '../components/page.js';
import { useInbox } from '../features/tasks/data.js';
import { formatNumber } from '../format.js';
import { navItemsFor } from '../roles.js';
import { useSession } from '../session.js';

export default function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const role = me.activeMembership?.role;
  const links = navItemsFor(role).filter((i) => i.to !== '/');
  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <Paragraph lead>{t('home.welcome', { name: me.user.name })}</Paragraph>
      {role ? <Paragraph>{t(`home.intro.${role}`)}</Paragraph> : <Paragraph>{t('home.noRole')}</Paragraph>}
      {links.length ? (
        <section aria-labelledby="home-links-heading">
          <Heading2 id="home-links-heading">{t('home.linksTitle')}</Heading2>
          <ul className="rondom-card-list rondom-card-list--links">
            {links.map((l) => (
              <li key={l.to} className="rondom-card">
                <AppLink to={l.to}>{t(l.labelKey)}</AppLink>
                <Paragraph className="rondom-card__text">{t(`home.linkText.${l.labelKey.slice(4)}`)}</Paragraph>
                {l.to === '/taken' ? <TaskCount /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** How many tasks wait, on the card that leads to them: the first thing to see on a Monday morning. */
function TaskCount() {
  const { t } = useTranslation();
  const inbox = useInbox(1, 1);
  const d = inbox.data;
  if (!d || d.total === 0) return null;
  const o = { count: d.total, formatted: formatNumber(d.total), late: formatNumber(d.overdue) };
  return <Paragraph className="rondom-card__text">{t(d.overdue > 0 ? 'home.tasksLate' : 'home.tasksCount', o)}</Paragraph>;
}
