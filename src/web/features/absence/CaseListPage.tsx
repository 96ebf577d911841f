import { PageHeading } from '../../components/page.js';

/** Open and closed absence cases in the actor's scope (helper C). */
export default function CaseListPage() {
  return <PageHeading>CaseListPage</PageHeading>;
}
