import { PageHeading } from '../../components/page.js';

/** Placeholder until the page is built. */
export default function NewMeetingPage() {
  return <PageHeading>NewMeetingPage</PageHeading>;
}
