import '../dossier/dossier.css';
import './arrangements.css';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Checkbox, FormLabel, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextField } from '../../components/forms.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { useDebounced } from '../../format.js';
import { ARRANGEMENTS_KEY } from '../requests/keys.js';
import { useConfirmAction } from '../sharing/confirm.js';
import { CatalogueForm } from './CatalogueForm.js';
import { CATALOGUE_PAGE_SIZE, formatEuro, formatHours, type TArrangementType, typePath, useCatalogue } from './data.js';

/** One type as a card: what it is, how big it usually is, and who can carry it out. */
function TypeCard({
  type,
  manage,
  onEdit,
  onDeactivate,
  onActivate,
  editing,
}: {
  type: TArrangementType;
  manage: boolean;
  editing: boolean;
  onEdit: () => void;
  onDeactivate: () => void;
  onActivate: () => void;
}) {
  const { t } = useTranslation();
  const headingId = `arr-type-${type.id}-name`;
  return (
    <li className={`rondom-arr-type${type.active ? '' : ' rondom-arr-type--inactive'}`} aria-labelledby={headingId}>
      <Heading2 id={headingId}>
        {type.name}
        {type.active ? null : <span className="rondom-badge">{t('arrangements.catalogue.inactive')}</span>}
      </Heading2>
      <Paragraph className="rondom-free-text">{type.description}</Paragraph>
      <dl>
        <div>
          <dt>{t('arrangements.catalogue.fields.typicalHours')}</dt>
          <dd>{type.typicalHours === null ? t('arrangements.catalogue.notSet') : t('arrangements.hoursPerWeek', { hours: formatHours(type.typicalHours) })}</dd>
        </div>
        <div>
          <dt>{t('arrangements.catalogue.fields.typicalCost')}</dt>
          <dd>
            {type.typicalCostCents === null
              ? t('arrangements.catalogue.notSet')
              : t('arrangements.perSchoolYear', { amount: formatEuro(type.typicalCostCents, { whole: true }) })}
          </dd>
        </div>
        <div>
          <dt>{t('arrangements.catalogue.fields.executors')}</dt>
          <dd>{type.executors.map((k) => t(`arrangements.executor.${k}`)).join(', ')}</dd>
        </div>
      </dl>
      {manage && !editing ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={onEdit} aria-describedby={headingId}>
            {t('arrangements.catalogue.edit')}
          </Button>
          {type.active ? (
            <Button appearance="subtle-button" hint="danger" onClick={onDeactivate} aria-describedby={headingId}>
              {t('arrangements.catalogue.deactivate')}
            </Button>
          ) : (
            <Button appearance="subtle-button" onClick={onActivate} aria-describedby={headingId}>
              {t('arrangements.catalogue.activate')}
            </Button>
          )}
        </ButtonGroup>
      ) : null}
    </li>
  );
}

/** /arrangementen — "welke arrangementen zijn er?": the region's catalogue, searchable; beheer keeps it. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const q = useDebounced(search.trim(), 300);
  const list = useCatalogue({ q: q || undefined, includeInactive: showInactive || undefined, page, pageSize: CATALOGUE_PAGE_SIZE });
  const manage = list.data?.policies.manage ?? false;
  const setActive = async (type: TArrangementType, active: boolean) => {
    await api<TArrangementType>(typePath(type.id), { method: 'PATCH', body: { active } });
    await queryClient.invalidateQueries({ queryKey: ARRANGEMENTS_KEY });
    setStatus(t(active ? 'arrangements.catalogue.activated' : 'arrangements.catalogue.deactivated', { name: type.name }));
  };
  const deactivate = useConfirmAction((type: TArrangementType) => setActive(type, false));
  const [failure, setFailure] = useState<unknown>(null);
  const data = list.data;
  return (
    <div className="rondom-arr">
      <PageHeading>{t('arrangements.catalogueTitle')}</PageHeading>
      <Paragraph lead>{t('arrangements.catalogue.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      <search aria-label={t('arrangements.catalogue.searchLabel')}>
        <form className="rondom-filters" onSubmit={(e) => e.preventDefault()}>
          <TextField
            id="arr-catalogue-search"
            label={t('arrangements.catalogue.search')}
            description={t('arrangements.catalogue.searchHint')}
            type="search"
            autoComplete="off"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
          {manage ? (
            <div className="utrecht-form-field utrecht-form-field--checkbox rondom-checkbox">
              <Checkbox
                id="arr-catalogue-inactive"
                checked={showInactive}
                onChange={(e) => {
                  setShowInactive(e.target.checked);
                  setPage(1);
                }}
              />
              <FormLabel htmlFor="arr-catalogue-inactive" type="checkbox">
                {t('arrangements.catalogue.showInactive')}
              </FormLabel>
            </div>
          ) : null}
        </form>
      </search>
      {failure ? <ErrorAlert error={failure} /> : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : data && data.items.length === 0 ? (
        <Paragraph className="rondom-empty">{q ? t('arrangements.catalogue.noResults', { q }) : t('arrangements.catalogue.empty')}</Paragraph>
      ) : data ? (
        <>
          <Paragraph className="rondom-hint" aria-live="polite">
            {t('arrangements.catalogue.count', { count: data.total })}
          </Paragraph>
          <ul className="rondom-arr-catalogue" aria-busy={list.isFetching || undefined}>
            {data.items.map((type) =>
              editing === type.id ? (
                <li key={type.id} className="rondom-arr-type">
                  <Heading2>{type.name}</Heading2>
                  <CatalogueForm
                    type={type}
                    onClose={() => setEditing(null)}
                    onSaved={(saved) => {
                      setEditing(null);
                      setStatus(t('arrangements.catalogue.saved', { name: saved.name }));
                    }}
                  />
                </li>
              ) : (
                <TypeCard
                  key={type.id}
                  type={type}
                  manage={manage}
                  editing={editing !== null}
                  onEdit={() => setEditing(type.id)}
                  onDeactivate={() => deactivate.ask(type)}
                  onActivate={() => {
                    setFailure(null);
                    setActive(type, true).catch(setFailure);
                  }}
                />
              ),
            )}
          </ul>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} label={t('arrangements.catalogue.pagination')} />
        </>
      ) : null}
      {manage ? (
        <section aria-labelledby="arr-catalogue-add-heading" className="rondom-part">
          <Heading2 id="arr-catalogue-add-heading" ref={deactivate.heading} tabIndex={-1} className="rondom-focus-target">
            {t('arrangements.catalogue.addTitle')}
          </Heading2>
          {adding ? (
            <CatalogueForm
              labelledBy="arr-catalogue-add-heading"
              onClose={() => {
                setAdding(false);
                requestAnimationFrame(() => addButton.current?.focus());
              }}
              onSaved={(saved) => {
                setAdding(false);
                setStatus(t('arrangements.catalogue.created', { name: saved.name }));
                requestAnimationFrame(() => addButton.current?.focus());
              }}
            />
          ) : (
            <Button ref={addButton} appearance="primary-action-button" onClick={() => setAdding(true)}>
              {t('arrangements.catalogue.add')}
            </Button>
          )}
        </section>
      ) : null}
      <ConfirmDialog
        open={deactivate.target !== null}
        title={t('arrangements.catalogue.deactivateTitle', { name: deactivate.target?.name ?? '' })}
        confirmLabel={t('arrangements.catalogue.deactivate')}
        busy={deactivate.busy}
        onConfirm={() => void deactivate.confirm()}
        onCancel={deactivate.cancel}
      >
        <Paragraph>{t('arrangements.catalogue.deactivateBody')}</Paragraph>
        {deactivate.failure ? <ErrorAlert error={deactivate.failure} /> : null}
      </ConfirmDialog>
    </div>
  );
}
