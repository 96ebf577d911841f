import { PageHeading } from '../../components/page.js';

/** The figures: charts with tables, CSV, the inspectorate count (helper D). */
export default function OverviewPage() {
  return <PageHeading>OverviewPage</PageHeading>;
}
