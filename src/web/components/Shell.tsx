import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  FormLabel,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  Select,
  SelectOption,
  SkipLink,
} from '@utrecht/component-library-react';
import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { api } from '../api.js';
import { applyLocale, currentLocale, type TLocale } from '../i18n/index.js';
import { navItemsFor } from '../roles.js';
import { ME_KEY } from '../session.js';
import type { Me } from '../types.js';
import { AppLink } from './AppLink.js';

export function membershipLabel(m: Me['memberships'][number], t: (k: string) => string): string {
  const role = t(`roles.${m.role}`);
  return m.organisationName && m.organisationName !== m.regionName
    ? `${m.regionName} — ${role} (${m.organisationName})`
    : `${m.regionName} — ${role}`;
}

/** Dutch or English. Signed in, the choice is stored with the account; otherwise in a cookie. */
export function LanguageSwitch({ me }: { me: Me | null }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const lang = (i18n.language === 'en' ? 'en' : 'nl') as TLocale;
  const choose = async (locale: TLocale) => {
    if (locale === currentLocale()) return;
    await applyLocale(locale);
    if (me) {
      try {
        await api('/api/v1/me/locale', { method: 'PUT', body: { locale } });
        queryClient.setQueryData<Me | null>(ME_KEY, (old) => (old ? { ...old, user: { ...old.user, locale } } : old));
      } catch {
        // the page is already in the new language; the account keeps the old one until next time
      }
      // texts the server translated (messages, import reasons) come again in the new language
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this is a pair of toggle buttons
    <div className="rondom-language" role="group" aria-label={t('language.label')}>
      <Button appearance="subtle-button" lang="nl" pressed={lang === 'nl'} onClick={() => void choose('nl')}>
        Nederlands
      </Button>
      <Button appearance="subtle-button" lang="en" pressed={lang === 'en'} onClick={() => void choose('en')}>
        English
      </Button>
    </div>
  );
}

function RegionSwitch({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const switchTo = useMutation({
    mutationFn: (membershipId: string) => api('/api/v1/me/active-membership', { method: 'PUT', body: { membershipId } }),
    onSuccess: async () => {
      navigate('/');
      await queryClient.invalidateQueries();
    },
  });
  if (me.memberships.length <= 1) return null;
  return (
    <div className="rondom-region-switch">
      <FormLabel htmlFor="active-membership">{t('shell.membershipSwitch')}</FormLabel>
      <Select
        id="active-membership"
        value={me.activeMembership?.id ?? ''}
        busy={switchTo.isPending}
        disabled={switchTo.isPending}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => switchTo.mutate(e.target.value)}
      >
        {me.activeMembership ? null : <SelectOption value="">{t('shell.chooseMembership')}</SelectOption>}
        {me.memberships.map((m) => (
          <SelectOption key={m.id} value={m.id}>
            {membershipLabel(m, t)}
          </SelectOption>
        ))}
      </Select>
      {switchTo.isError ? (
        <p className="rondom-inline-error" role="alert">
          {switchTo.error.message}
        </p>
      ) : null}
    </div>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => api('/api/auth/sign-out', { method: 'POST', body: {} }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      navigate('/inloggen', { replace: true });
    },
  });
  return (
    <Button appearance="secondary-action-button" busy={signOut.isPending} onClick={() => signOut.mutate()}>
      {t('shell.signOut')}
    </Button>
  );
}

/** The frame of every page: skip link, header, navigation, main content and footer. */
export function Shell({ me, children }: { me: Me | null; children: ReactNode }) {
  const { t } = useTranslation();
  const active = me?.activeMembership ?? null;
  const nav = me ? navItemsFor(active?.role) : [];
  return (
    <div className="rondom-app">
      <SkipLink href="#inhoud">{t('app.skipLink')}</SkipLink>
      <PageHeader className="rondom-header">
        <div className="rondom-header__content">
          <div className="rondom-header__brand">
            <AppLink to="/" className="rondom-brand">
              {t('app.name')}
            </AppLink>
            {active ? (
              <Paragraph className="rondom-header__context">
                <span className="rondom-visually-hidden">{t('shell.signedInAs', { name: me?.user.name })} </span>
                <span>{active.regionName}</span>
                <span aria-hidden="true"> · </span>
                <span>{t(`roles.${active.role}`)}</span>
                {active.organisationName && active.organisationName !== active.regionName ? (
                  <>
                    <span aria-hidden="true"> · </span>
                    <span>{active.organisationName}</span>
                  </>
                ) : null}
              </Paragraph>
            ) : null}
          </div>
          <div className="rondom-header__tools">
            {me ? <RegionSwitch me={me} /> : null}
            <LanguageSwitch me={me} />
            {me ? (
              <div className="rondom-header__account">
                <AppLink to="/account">{t('nav.account')}</AppLink>
                <SignOutButton />
              </div>
            ) : null}
          </div>
        </div>
      </PageHeader>
      {nav.length ? (
        <nav className="rondom-nav" aria-label={t('nav.label')}>
          <ul className="rondom-nav__list">
            {nav.map((item) => (
              <li key={item.to} className="rondom-nav__item">
                <NavLink to={item.to} end={item.to === '/'} className="rondom-nav__link">
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <PageContent className="rondom-content">
        <main id="inhoud" tabIndex={-1} className="rondom-main">
          {children}
        </main>
      </PageContent>
      <PageFooter className="rondom-footer">
        <div className="rondom-footer__content">
          <Paragraph>{t('app.footer')}</Paragraph>
        </div>
      </PageFooter>
    </div>
  );
}
