import { PageHeading } from '../../components/page.js';

/** Placeholder until the page is built. */
export default function PupilMeetingsPage() {
  return <PageHeading>PupilMeetingsPage</PageHeading>;
}
