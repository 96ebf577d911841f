import { PageHeading } from '../../components/page.js';

/** Placeholder until the page is built. */
export default function TeamTasksPage() {
  return <PageHeading>TeamTasksPage</PageHeading>;
}
