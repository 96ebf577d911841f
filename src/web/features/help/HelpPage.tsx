import './help.css';
import { Heading2, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page.js';
import { useSession } from '../../session.js';
import type { Me } from '../../types.js';

/** The region's independent desk for parents and young people, as GET /api/v1/me gives it (null: not set). */
interface ParentSupport {
  name: string;
  email: string;
  phone: string;
}

const ONDERWIJSCONSULENTEN = { url: 'https://www.onderwijsconsulenten.nl', site: 'www.onderwijsconsulenten.nl', phone: '070 312 28 87' };
const ONDERWIJSGESCHILLEN = { url: 'https://www.onderwijsgeschillen.nl', site: 'www.onderwijsgeschillen.nl' };

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

function ExternalLink({ href, children }: { href: string; children: string }) {
  return (
    <a className="utrecht-link utrecht-link--html-a" href={href} rel="noopener">
      {children}
    </a>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`help-${id}-heading`} className="rondom-help__section">
      <Heading2 id={`help-${id}-heading`}>{title}</Heading2>
      {children}
    </section>
  );
}

function Steps({ keys }: { keys: string[] }) {
  const { t } = useTranslation();
  return (
    <OrderedList className="rondom-steps-list">
      {keys.map((k) => (
        <OrderedListItem key={k}>{t(k)}</OrderedListItem>
      ))}
    </OrderedList>
  );
}

/**
 * "Hulp en advies": where parents (and pupils) go when they do not agree, or want someone
 * independent. Plain Dutch, short sentences; the steunpunt's contact comes from the region.
 */
export default function HelpPage() {
  const { t } = useTranslation();
  const me = useSession();
  const role = me.activeMembership?.role;
  const audience = role === 'parent' ? 'parent' : role === 'pupil' ? 'pupil' : 'staff';
  const support = (me as Me & { parentSupport?: ParentSupport | null }).parentSupport ?? null;
  return (
    <div className="rondom-help">
      <PageHeading>{t('help.title')}</PageHeading>
      <Paragraph lead>{t(`help.intro.${audience}`)}</Paragraph>

      <Section id="school" title={t('help.school.title')}>
        <Paragraph>{t('help.school.text')}</Paragraph>
      </Section>

      <Section id="support" title={t('help.support.title')}>
        <Paragraph>{t('help.support.text')}</Paragraph>
        {support ? (
          <dl className="rondom-contact" aria-label={t('help.support.contactLabel')}>
            <div>
              <dt>{t('help.contact.name')}</dt>
              <dd>{support.name}</dd>
            </div>
            <div>
              <dt>{t('help.contact.email')}</dt>
              <dd>
                <a className="utrecht-link utrecht-link--html-a" href={`mailto:${support.email}`}>
                  {support.email}
                </a>
              </dd>
            </div>
            <div>
              <dt>{t('help.contact.phone')}</dt>
              <dd>
                <a className="utrecht-link utrecht-link--html-a" href={telHref(support.phone)}>
                  {support.phone}
                </a>
              </dd>
            </div>
          </dl>
        ) : (
          <Paragraph className="rondom-empty">{t('help.support.unknown')}</Paragraph>
        )}
      </Section>

      <Section id="bring" title={t('help.bring.title')}>
        <Paragraph>{t('help.bring.text')}</Paragraph>
      </Section>

      <Section id="consultants" title={t('help.consultants.title')}>
        <Paragraph>{t('help.consultants.when')}</Paragraph>
        <Paragraph>{t('help.consultants.what')}</Paragraph>
        <dl className="rondom-contact" aria-label={t('help.consultants.contactLabel')}>
          <div>
            <dt>{t('help.contact.website')}</dt>
            <dd>
              <ExternalLink href={ONDERWIJSCONSULENTEN.url}>{ONDERWIJSCONSULENTEN.site}</ExternalLink>
            </dd>
          </div>
          <div>
            <dt>{t('help.contact.phone')}</dt>
            <dd>
              <a className="utrecht-link utrecht-link--html-a" href={telHref(ONDERWIJSCONSULENTEN.phone)}>
                {ONDERWIJSCONSULENTEN.phone}
              </a>{' '}
              <span className="rondom-hint">{t('help.consultants.hours')}</span>
            </dd>
          </div>
        </dl>
      </Section>

      <Section id="complaint" title={t('help.complaint.title')}>
        <Paragraph>{t('help.complaint.text')}</Paragraph>
        <Steps keys={['help.complaint.step1', 'help.complaint.step2', 'help.complaint.step3']} />
        <Paragraph>{t('help.complaint.school')}</Paragraph>
      </Section>

      <Section id="objection" title={t('help.objection.title')}>
        <Paragraph>{t('help.objection.text')}</Paragraph>
        <Steps keys={['help.objection.step1', 'help.objection.step2', 'help.objection.step3', 'help.objection.step4']} />
      </Section>

      <Section id="disputes" title={t('help.disputes.title')}>
        <Paragraph>{t('help.disputes.text')}</Paragraph>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">{t('help.disputes.admission')}</li>
          <li className="utrecht-unordered-list__item">{t('help.disputes.removal')}</li>
          <li className="utrecht-unordered-list__item">{t('help.disputes.opp')}</li>
        </ul>
        <Paragraph>{t('help.disputes.how')}</Paragraph>
        <Paragraph>
          {t('help.disputes.where')} <ExternalLink href={ONDERWIJSGESCHILLEN.url}>{ONDERWIJSGESCHILLEN.site}</ExternalLink>
        </Paragraph>
      </Section>
    </div>
  );
}
