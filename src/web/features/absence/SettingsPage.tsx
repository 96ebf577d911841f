import { PageHeading } from '../../components/page.js';

/** The region's thuiszitter definition, ladder, reasons, coordinator (helper D). */
export default function SettingsPage() {
  return <PageHeading>SettingsPage</PageHeading>;
}
