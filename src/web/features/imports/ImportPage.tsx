import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES } from '../../../shared/limits.js';
import { ApiError, api } from '../../api.js';
import { ErrorSummary, SelectField, type SummaryItem } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { StatusMessage } from '../../components/Status.js';
import { formatNumber } from '../../format.js';
import { IMPORT_FIELDS, type ImportField, type ImportPreview, type ImportStatus } from '../../types.js';

/** Fields the import cannot do without (as REQUIRED_IMPORT_FIELDS in src/shared/schemas/pupil-import.ts,
 * not imported from there to keep zod out of the browser bundle); the server has the last word. */
const REQUIRED_FIELDS: readonly ImportField[] = ['firstName', 'lastName', 'dateOfBirth', 'brin'];

type Mapping = Record<ImportField, string>;

interface LoadedFile {
  name: string;
  csv: string;
}

/** Moves focus to a step's heading when the step appears, so screen reader users hear it. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

/** LVS exports are UTF-8 or, from older systems, Windows-1252; try the first, fall back to the second. */
async function readCsv(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function issuesToSummary(e: unknown, idFor: (field: string) => string | null): { items: SummaryItem[]; message?: string } {
  if (e instanceof ApiError && e.issues?.length) {
    return { items: e.issues.map((i) => ({ fieldId: idFor(i.field), message: i.message })) };
  }
  return { items: [], message: e instanceof Error ? e.message : String(e) };
}

function ChooseFile({ onPreview }: { onPreview: (file: LoadedFile, preview: ImportPreview) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [summary, setSummary] = useState<{ items: SummaryItem[]; message?: string }>({ items: [] });
  const [busy, setBusy] = useState(false);
  const maxMb = Math.round(IMPORT_MAX_BYTES / (1024 * 1024));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSummary({ items: [] });
    const file = input.current?.files?.[0];
    let problem: string | undefined;
    if (!file) problem = t('imports.noFile');
    else if (file.size > IMPORT_MAX_BYTES) problem = t('imports.tooLarge', { max: maxMb });
    else if (file.size === 0) problem = t('imports.emptyFile');
    if (problem || !file) {
      setError(problem);
      setSummary({ items: [{ fieldId: 'import-file', message: `${t('imports.file')}: ${problem ?? ''}` }] });
      return;
    }
    setBusy(true);
    try {
      const csv = await readCsv(file);
      const preview = await api<ImportPreview>('/api/v1/pupil-imports/preview', {
        method: 'POST',
        body: { csv, fileName: file.name },
      });
      onPreview({ name: file.name, csv }, preview);
    } catch (err) {
      const s = issuesToSummary(err, () => 'import-file');
      setSummary(s);
      setError(s.items[0]?.message ?? s.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="rondom-form">
      <ErrorSummary items={summary.items} message={summary.message} />
      <FormField
        invalid={!!error}
        type="file"
        label={<FormLabel htmlFor="import-file">{t('imports.file')}</FormLabel>}
        description={
          <FormFieldDescription id="import-file-description">{t('imports.fileHint', { max: maxMb })}</FormFieldDescription>
        }
        errorMessage={error ? <FormFieldErrorMessage id="import-file-error">{error}</FormFieldErrorMessage> : null}
        input={
          <input
            ref={input}
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className="rondom-file-input"
            aria-invalid={error ? true : undefined}
            aria-describedby={['import-file-description', error ? 'import-file-error' : ''].filter(Boolean).join(' ')}
            onChange={() => setError(undefined)}
          />
        }
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('imports.preview')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function initialMapping(preview: ImportPreview): Mapping {
  const m = {} as Mapping;
  for (const f of IMPORT_FIELDS) {
    const suggested = preview.suggestedMapping[f];
    m[f] = suggested && preview.columns.includes(suggested) ? suggested : '';
  }
  return m;
}

function PreviewAndMap({
  file,
  preview,
  onStarted,
  onCancel,
}: {
  file: LoadedFile;
  preview: ImportPreview;
  onStarted: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<Mapping>(() => initialMapping(preview));
  const [errors, setErrors] = useState<Partial<Record<ImportField, string>>>({});
  const [summary, setSummary] = useState<{ items: SummaryItem[]; message?: string }>({ items: [] });
  const [busy, setBusy] = useState(false);
  const idOf = (f: string) => `import-map-${f}`;
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const start = async () => {
    const missing: Partial<Record<ImportField, string>> = {};
    for (const f of REQUIRED_FIELDS) if (!mapping[f]) missing[f] = t('imports.mappingRequired');
    setErrors(missing);
    const keys = Object.keys(missing) as ImportField[];
    if (keys.length) {
      setSummary({
        items: keys.map((f) => ({ fieldId: idOf(f), message: `${t(`imports.fields.${f}`)}: ${t('imports.mappingRequired')}` })),
      });
      return;
    }
    setSummary({ items: [] });
    setBusy(true);
    try {
      const body = {
        csv: file.csv,
        fileName: file.name,
        mapping: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, mapping[f] || null])),
      };
      const res = await api<{ id: string }>('/api/v1/pupil-imports', { method: 'POST', body });
      onStarted(res.id);
    } catch (err) {
      const fieldOf = (field: string) => field.replace(/^mapping\./, '') as ImportField;
      if (err instanceof ApiError && err.issues) {
        const next: Partial<Record<ImportField, string>> = {};
        for (const i of err.issues)
          if ((IMPORT_FIELDS as readonly string[]).includes(fieldOf(i.field))) next[fieldOf(i.field)] = i.message;
        setErrors(next);
      }
      setSummary(
        issuesToSummary(err, (field) =>
          (IMPORT_FIELDS as readonly string[]).includes(fieldOf(field)) ? idOf(fieldOf(field)) : null,
        ),
      );
      setBusy(false);
    }
  };

  const columnOptions = preview.columns.map((c) => ({ value: c, label: c }));
  return (
    <>
      <section aria-labelledby="import-preview-heading" className="rondom-section">
        <Heading2 id="import-preview-heading" ref={headingRef} tabIndex={-1} className="rondom-focus-target">
          {t('imports.previewTitle')}
        </Heading2>
        <Paragraph>
          {t('imports.previewIntro', { file: file.name, count: preview.totalRows, formatted: formatNumber(preview.totalRows) })}
        </Paragraph>
        {/* a wide preview scrolls sideways: the region must be reachable by keyboard (WCAG 2.1.1) */}
        {/* biome-ignore lint/a11y/useSemanticElements: a labelled scroll container, not a document section */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions need focus to scroll by keyboard */}
        <div className="rondom-table-wrap" role="region" aria-labelledby="import-preview-caption" tabIndex={0}>
          <Table className="rondom-table rondom-table--compact">
            <TableCaption id="import-preview-caption">
              {t('imports.previewCaption', { count: preview.sampleRows.length })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                {preview.columns.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns of a file can share a name; their position is their identity
                  <TableHeaderCell key={`${c}-${i}`} scope="col">
                    {c}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.sampleRows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sample rows never reorder
                <TableRow key={r}>
                  {preview.columns.map((_c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are identified by their column position
                    <TableCell key={i}>{row[i] ?? ''}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>
      <section aria-labelledby="import-mapping-heading" className="rondom-section">
        <Heading2 id="import-mapping-heading">{t('imports.mappingTitle')}</Heading2>
        <Paragraph>{t('imports.mappingIntro')}</Paragraph>
        <form
          noValidate
          className="rondom-form"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <ErrorSummary items={summary.items} message={summary.message} />
          <div className="rondom-mapping">
            {IMPORT_FIELDS.map((f) => (
              <SelectField
                key={f}
                id={idOf(f)}
                label={t(`imports.fields.${f}`)}
                required={REQUIRED_FIELDS.includes(f)}
                value={mapping[f]}
                placeholder={t('imports.notUsed')}
                options={columnOptions}
                error={errors[f]}
                onChange={(e) => {
                  const value = e.target.value;
                  setMapping((m) => ({ ...m, [f]: value }));
                  setErrors((x) => ({ ...x, [f]: undefined }));
                }}
              />
            ))}
          </div>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
              {t('imports.start', { count: preview.totalRows, formatted: formatNumber(preview.totalRows) })}
            </Button>
            <Button appearance="secondary-action-button" onClick={onCancel} disabled={busy}>
              {t('imports.otherFile')}
            </Button>
          </ButtonGroup>
        </form>
      </section>
    </>
  );
}

function Progress({ status, expectedRows }: { status: ImportStatus | undefined; expectedRows: number }) {
  const { t } = useTranslation();
  const processed = status?.processedRows ?? 0;
  const total = status?.totalRows ?? expectedRows;
  return (
    <section aria-labelledby="import-progress-heading" className="rondom-section">
      <Heading2 id="import-progress-heading">{t('imports.runningTitle')}</Heading2>
      <div className="rondom-progress">
        <label htmlFor="import-progress" className="utrecht-form-label">
          {t('imports.progressLabel')}
        </label>
        <progress id="import-progress" max={total || 1} value={status ? processed : undefined} className="rondom-progress__bar">
          {total ? `${Math.round((processed / total) * 100)}%` : ''}
        </progress>
        <Paragraph className="rondom-progress__text">
          {status
            ? t('imports.progressText', { processed: formatNumber(processed), total: formatNumber(total) })
            : t('imports.starting')}
        </Paragraph>
      </div>
    </section>
  );
}

function failureReason(status: ImportStatus): string | undefined {
  return status.failure ?? undefined;
}

function Report({ status, onAgain }: { status: ImportStatus; onAgain: () => void }) {
  const { t } = useTranslation();
  const failed = status.status === 'failed';
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  // one row can be rejected for more than one reason: count rows, list every reason
  const rejectedRows = new Set(status.rejected.map((r) => r.row)).size;
  const fieldLabel = (f: string | null) =>
    f ? ((IMPORT_FIELDS as readonly string[]).includes(f) ? t(`imports.fields.${f}`) : f) : t('imports.wholeRow');
  return (
    <section aria-labelledby="import-report-heading" className="rondom-section">
      <Heading2 id="import-report-heading" ref={headingRef} tabIndex={-1} className="rondom-focus-target">
        {t('imports.reportTitle')}
      </Heading2>
      {failed ? (
        <Alert type="error">
          <Paragraph>
            <strong>{t('imports.failed')}</strong>
          </Paragraph>
          {failureReason(status) ? <Paragraph>{failureReason(status)}</Paragraph> : null}
        </Alert>
      ) : (
        <Alert type={status.rejected.length ? 'warning' : 'ok'} role="none">
          <Paragraph>
            {t('imports.imported', { count: status.importedRows, formatted: formatNumber(status.importedRows) })}{' '}
            {rejectedRows
              ? t('imports.rejectedCount', { count: rejectedRows, formatted: formatNumber(rejectedRows) })
              : t('imports.noneRejected')}
          </Paragraph>
        </Alert>
      )}
      {status.rejected.length ? (
        <div className="rondom-table-wrap">
          <Table className="rondom-table">
            <TableCaption>{t('imports.rejectedCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col" className="rondom-numeric">
                  {t('imports.columns.row')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('imports.columns.field')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('imports.columns.value')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('imports.columns.reason')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {status.rejected.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one row and field can have several reasons; the list never reorders
                <TableRow key={`${r.row}-${r.field}-${i}`}>
                  <TableHeaderCell scope="row" className="rondom-numeric">
                    {r.row}
                  </TableHeaderCell>
                  <TableCell>{fieldLabel(r.field)}</TableCell>
                  <TableCell>{r.value ?? ''}</TableCell>
                  <TableCell>{r.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={onAgain}>
          {t('imports.again')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

function Running({ id, expectedRows, onAgain }: { id: string; expectedRows: number; onAgain: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: ['pupil-imports', id],
    queryFn: () => api<ImportStatus>(`/api/v1/pupil-imports/${encodeURIComponent(id)}`),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 500),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
  const finished = job.data && job.data.status !== 'running';
  useEffect(() => {
    if (finished) {
      void queryClient.invalidateQueries({ queryKey: ['pupils'] });
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
    }
  }, [finished, queryClient]);
  const s = job.data;
  return (
    <>
      <StatusMessage>
        {s?.status === 'done'
          ? t('imports.doneStatus', { count: s.importedRows, formatted: formatNumber(s.importedRows) })
          : s?.status === 'failed'
            ? t('imports.failed')
            : null}
      </StatusMessage>
      {job.isError ? (
        <Alert type="error" role="alert">
          <Paragraph>{job.error.message}</Paragraph>
        </Alert>
      ) : null}
      {!s || s.status === 'running' ? (
        <Progress status={s} expectedRows={expectedRows} />
      ) : (
        <Report status={s} onAgain={onAgain} />
      )}
      {job.isError ? (
        <Button appearance="secondary-action-button" onClick={() => void job.refetch()}>
          {t('errorPage.retry')}
        </Button>
      ) : null}
    </>
  );
}

type Step =
  | { kind: 'choose' }
  | { kind: 'preview'; file: LoadedFile; preview: ImportPreview }
  | { kind: 'running'; id: string; expectedRows: number };

export default function ImportPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  return (
    <>
      <PageHeading>{t('imports.title')}</PageHeading>
      <Paragraph lead>{t('imports.intro')}</Paragraph>
      <ol className="rondom-steps" aria-label={t('imports.stepsLabel')}>
        {(['choose', 'preview', 'running'] as const).map((k, i) => (
          <li key={k} aria-current={step.kind === k ? 'step' : undefined} className="rondom-steps__item">
            {t(`imports.steps.${k}`, { n: i + 1 })}
          </li>
        ))}
      </ol>
      {step.kind === 'choose' ? (
        <ChooseFile onPreview={(file, preview) => setStep({ kind: 'preview', file, preview })} />
      ) : step.kind === 'preview' ? (
        <PreviewAndMap
          file={step.file}
          preview={step.preview}
          onStarted={(id) => setStep({ kind: 'running', id, expectedRows: step.preview.totalRows })}
          onCancel={() => setStep({ kind: 'choose' })}
        />
      ) : (
        <Running id={step.id} expectedRows={step.expectedRows} onAgain={() => setStep({ kind: 'choose' })} />
      )}
    </>
  );
}
