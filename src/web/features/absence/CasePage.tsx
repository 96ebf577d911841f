import { PageHeading } from '../../components/page.js';

/** One absence case: episodes, counter, owner/plan/next date, notices, close (helper C). */
export default function CasePage() {
  return <PageHeading>CasePage</PageHeading>;
}
