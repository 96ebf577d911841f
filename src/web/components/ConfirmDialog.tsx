import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal question before something that cannot easily be undone ("Gebruiker deactiveren?", "Akkoord?").
 * Uses the native <dialog>: focus is trapped, Escape cancels, focus returns to the opener.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  tone = 'danger',
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** 'danger' (red) for what takes something away; 'neutral' for a yes that is good news, like a parent's agreement */
  tone?: 'danger' | 'neutral';
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="rondom-dialog"
      aria-labelledby={headingId}
      aria-describedby={children ? bodyId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <Heading2 id={headingId}>{title}</Heading2>
      {children ? <div id={bodyId}>{typeof children === 'string' ? <Paragraph>{children}</Paragraph> : children}</div> : null}
      <ButtonGroup>
        <Button appearance="primary-action-button" hint={tone === 'danger' ? 'danger' : undefined} busy={busy} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button appearance="secondary-action-button" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </dialog>
  );
}
